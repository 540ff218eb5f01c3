package privacy

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// ExportFormat names the layout of a candidate export (README.txt in it).
const ExportFormat = "interviewdesk-candidate-export/1"

// exportReadme explains the archive to whoever opens it.
const exportReadme = `This archive holds everything InterviewDesk keeps about one candidate.

candidate.json                      who, when exported, and the interviews in it
profile.json                        the candidate's profile: positions, stages, notes, history
takehome/ID.json                    each take-home assessment result with the work handed in
interviews/ID/interview.json        the interview: position, time, interviewers, status
interviews/ID/consent.json          what the candidate agreed to, when, with the texts shown
interviews/ID/events.json           what happened in the room, in order (notes, code, whiteboard)
interviews/ID/analysis.json         the transcript and the analysis of the answers, if made
interviews/ID/emails.json           the emails sent to the candidate
interviews/ID/recordings/*.webm     the call's recorded tracks (WebM: VP8 video, Opus audio)
interviews/ID/recording.webm        the combined recording, if built
`

// ExportedCandidate is candidate.json of an export.
type ExportedCandidate struct {
	Format     string    `json:"format"`
	ExportedAt time.Time `json:"exportedAt"`
	Email      string    `json:"email"`
	Names      []string  `json:"names"`
	Interviews []string  `json:"interviews"`
}

// ExportedInterview is an interview in an export: what it was, without the
// link tokens (they would open its pages) or the template's guidance.
type ExportedInterview struct {
	ID              string              `json:"id"`
	Position        string              `json:"position"`
	Campaign        string              `json:"campaign,omitempty"`
	Candidate       interviews.Person   `json:"candidate"`
	Interviewers    []interviews.Person `json:"interviewers"`
	StartsAt        time.Time           `json:"startsAt"`
	TimeZone        string              `json:"timeZone"`
	DurationMinutes int                 `json:"durationMinutes"`
	Status          interviews.Status   `json:"status"`
	Template        string              `json:"template"`
	CreatedAt       time.Time           `json:"createdAt"`
	UpdatedAt       time.Time           `json:"updatedAt"`
}

// Export writes everything the install holds about the candidate with email
// to w as one ZIP archive (see exportReadme) and returns what it covered.
// The audit entry is made before the first byte goes out: a copy cut off
// part-way has still left the install.
func (s *Service) Export(ctx context.Context, email string, w io.Writer) (CandidateData, error) {
	d, err := s.Candidate(email)
	if err != nil {
		return CandidateData{}, err
	}
	text := fmt.Sprintf("Exported the data of %s: %d %s, %s recording %s (%s).", audit.CandidateRef(email),
		len(d.Interviews), plural(len(d.Interviews), "interview", "interviews"),
		count(d.Recordings.Count), plural(d.Recordings.Count, "file", "files"), audit.SizeText(d.Recordings.Bytes))
	if err := s.cfg.Audit.Record(ctx, audit.Export, audit.CandidateRef(email), text); err != nil {
		return d, err
	}
	z := zip.NewWriter(w)
	head := ExportedCandidate{Format: ExportFormat, ExportedAt: s.cfg.Now().UTC(), Email: d.Email, Names: d.Names}
	for _, c := range d.Interviews {
		head.Interviews = append(head.Interviews, c.InterviewID)
	}
	if err := writeText(z, "README.txt", exportReadme); err != nil {
		return d, err
	}
	if err := writeJSON(z, "candidate.json", head); err != nil {
		return d, err
	}
	if err := s.exportProfile(z, d.Email); err != nil {
		return d, err
	}
	for _, c := range d.Interviews {
		if err := s.exportInterview(ctx, z, c.InterviewID, d.Email); err != nil {
			return d, fmt.Errorf("export interview %s: %w", c.InterviewID, err)
		}
	}
	if err := z.Close(); err != nil {
		return d, fmt.Errorf("finish the export: %w", err)
	}
	return d, nil
}

// exportProfile writes the candidate's profile and take-home results, if
// there is a profile.
func (s *Service) exportProfile(z *zip.Writer, email string) error {
	if s.cfg.Candidates == nil {
		return nil
	}
	profile, results, found, err := s.cfg.Candidates.ResultsOf(email)
	if err != nil || !found {
		return err
	}
	if err := writeJSON(z, "profile.json", profile); err != nil {
		return err
	}
	for _, r := range results {
		if err := writeJSON(z, "takehome/"+r.ID+".json", r); err != nil {
			return err
		}
	}
	return nil
}

// exportInterview writes interview id's files into z.
func (s *Service) exportInterview(ctx context.Context, z *zip.Writer, id, email string) error {
	iv, err := s.cfg.Interviews.Get(id)
	if err != nil {
		return err
	}
	dir := "interviews/" + id + "/"
	if err := writeJSON(z, dir+"interview.json", exported(iv)); err != nil {
		return err
	}
	record, err := s.Consent(id)
	if err != nil {
		return err
	}
	if err := writeJSON(z, dir+"consent.json", record); err != nil {
		return err
	}
	events, err := s.cfg.Rooms.Events(id)
	if err != nil {
		return err
	}
	if err := writeJSON(z, dir+"events.json", events); err != nil {
		return err
	}
	if a, err := s.analysisOf(id); err == nil {
		if err := writeJSON(z, dir+"analysis.json", a); err != nil {
			return err
		}
	} else if !errors.Is(err, analysis.ErrNone) {
		return err
	}
	if err := s.exportLetters(z, dir+"emails.json", id, email); err != nil {
		return err
	}
	return s.exportFiles(ctx, z, dir, id)
}

func exported(iv interviews.Interview) ExportedInterview {
	out := ExportedInterview{ID: iv.ID, Position: iv.Position, Campaign: iv.Campaign, Candidate: iv.Candidate,
		Interviewers: []interviews.Person{}, StartsAt: iv.StartsAt, TimeZone: iv.TimeZone, DurationMinutes: iv.DurationMinutes,
		Status: iv.Status, Template: iv.Template.Name, CreatedAt: iv.CreatedAt, UpdatedAt: iv.UpdatedAt}
	for _, in := range iv.Interviewers {
		out.Interviewers = append(out.Interviewers, in.Person)
	}
	return out
}

// exportLetters writes the emails of interview id sent to email.
func (s *Service) exportLetters(z *zip.Writer, name, id, email string) error {
	out := []mail.Letter{}
	err := s.cfg.DB.View(func(tx *store.Tx) error {
		letters, err := mail.Letters(tx, id)
		for _, l := range letters {
			if strings.EqualFold(l.To.Email, email) {
				out = append(out, l)
			}
		}
		return err
	})
	if err != nil {
		return err
	}
	return writeJSON(z, name, out)
}

// exportFiles copies interview id's recordings into z: the tracks under
// recordings/, the combined recording as recording.webm. Files being
// written (a recording not yet finalised) are left out.
func (s *Service) exportFiles(ctx context.Context, z *zip.Writer, dir, id string) error {
	folders := s.folders(id)
	for i, folder := range folders {
		entries, err := os.ReadDir(folder)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", folder, err)
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".webm") || finalising(folder, e.Name()) {
				continue
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			name := dir + "recordings/" + e.Name()
			if i > 0 { // the combined recording
				name = dir + "recording.webm"
			}
			if err := copyFile(z, name, filepath.Join(folder, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// finalising reports whether a recording in folder is still being written
// (its marker file is there).
func finalising(folder, name string) bool {
	for _, suffix := range []string{".part", ".tmp"} {
		if _, err := os.Stat(filepath.Join(folder, name+suffix)); err == nil {
			return true
		}
	}
	return false
}

func writeText(z *zip.Writer, name, text string) error {
	w, err := z.Create(name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	_, err = io.WriteString(w, text)
	return err
}

func writeJSON(z *zip.Writer, name string, v any) error {
	w, err := z.Create(name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// copyFile stores the file at src in z as name, uncompressed (recordings are
// compressed already).
func copyFile(z *zip.Writer, name, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	h := &zip.FileHeader{Name: path.Clean(name), Method: zip.Store, Modified: info.ModTime()}
	w, err := z.CreateHeader(h)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return nil
}
