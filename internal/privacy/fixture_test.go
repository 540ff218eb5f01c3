package privacy

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// world is a data folder with every service deletion touches, on a clock
// the test moves.
type world struct {
	t       *testing.T
	dir     string
	db      *store.DB
	clock   time.Time
	ivs     *interviews.Service
	cands   *candidates.Service
	camps   *campaigns.Service
	rooms   *room.Service
	an      *analysis.Service
	outbox  *mail.Outbox
	audit   *audit.Log
	svc     *Service
	tpl     string
	console context.Context
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{t: t, dir: t.TempDir(), clock: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)}
	db, err := store.Open(filepath.Join(w.dir, "interviewdesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	w.db = db
	now := func() time.Time { return w.clock }
	log := slog.New(slog.DiscardHandler)
	ts := templates.New(db, now)
	tpl, err := ts.Create(templates.Content{Name: "Backend", Plan: []templates.Topic{{Title: "Experience"}},
		Questions: []templates.Question{{Text: "What is a goroutine?", Alternative: "How does Go run things at once?", ExpectedAnswer: "A lightweight thread."}}})
	if err != nil {
		t.Fatal(err)
	}
	w.tpl = tpl.ID
	st := settings.New(db)
	if _, err := st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"}, DefaultTimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	w.cands = candidates.New(db, now)
	w.ivs = interviews.New(db, ts, st, now, func(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
		if err := w.cands.InterviewChanged(tx, before, after); err != nil {
			return err
		}
		return campaigns.Hook(tx, before, after)
	})
	w.camps = campaigns.New(campaigns.Config{DB: db, Interviews: w.ivs, Templates: ts, Settings: st, Now: now})
	w.rooms = room.New(db, w.ivs, log, now)
	w.an = analysis.New(analysis.Config{DB: db, Rooms: w.rooms, Logger: log, Now: now, Dir: filepath.Join(w.dir, "analysis")})
	if w.outbox, err = mail.NewOutbox(db, mail.Config{Sender: mail.SenderFunc(func(context.Context, mail.Message) error { return nil }), Now: now}, log); err != nil {
		t.Fatal(err)
	}
	w.audit = audit.New(db, now)
	if err := db.Update(func(tx *store.Tx) error { return consent.Keep(tx, consent.Current()) }); err != nil {
		t.Fatal(err)
	}
	w.svc = New(Config{DB: db, Interviews: w.ivs, Rooms: w.rooms, Analysis: w.an, Candidates: w.cands, Audit: w.audit,
		RecordDir: filepath.Join(w.dir, "recordings"), Logger: log, Now: now})
	w.console = audit.With(context.Background(), audit.By(audit.ViaConsole))
	return w
}

// schedule creates an interview starting at start for the candidate.
func (w *world) schedule(name, email string, start time.Time) interviews.Interview {
	w.t.Helper()
	keep := w.clock
	w.clock = start.Add(-24 * time.Hour)
	iv, err := w.ivs.Create(interviews.NewInterview{TemplateID: w.tpl, Position: "Backend engineer", CandidateName: name,
		CandidateEmail: email, When: interviews.Later, StartsAt: start.Format(time.RFC3339)})
	w.clock = keep
	if err != nil {
		w.t.Fatal(err)
	}
	return iv
}

// held is an interview that took place at start: consent, a start, a note,
// the end; two recorded tracks, a combined recording, its analysis and
// two emails.
func (w *world) held(name, email string, start time.Time) interviews.Interview {
	w.t.Helper()
	iv := w.schedule(name, email, start)
	keep := w.clock
	w.clock = start.Add(time.Minute)
	defer func() { w.clock = keep }()
	cand := room.Actor{Role: room.RoleCandidate, Email: email, Name: name}
	org := room.Actor{Role: room.RoleInterviewer, Email: iv.Interviewers[0].Email, Name: iv.Interviewers[0].Name}
	for _, e := range []struct {
		actor room.Actor
		typ   room.Type
		data  any
	}{
		{cand, room.TypeConsented, room.ConsentData{PersonalData: true, AIAnalysis: true, RecordingNotice: true, TextsVersion: consent.Current().Version}},
		{org, room.TypeStarted, nil},
		{org, room.TypeNoteSaved, room.NoteData{Text: name + " knows goroutines well"}},
		{org, room.TypeEnded, nil},
	} {
		if _, _, err := w.rooms.Append(iv.ID, e.actor, e.typ, e.data); err != nil {
			w.t.Fatal(err)
		}
	}
	w.file(filepath.Join("recordings", iv.ID, "candidate-camera-1.webm"), "video of "+name)
	w.file(filepath.Join("recordings", iv.ID, "interviewer-camera-1.webm"), "video of the interviewer")
	w.file(filepath.Join("analysis", iv.ID, "interview.webm"), "combined video of "+name)
	if err := w.db.Update(func(tx *store.Tx) error {
		return store.PutJSON(tx, store.BucketAnalysis, []byte(iv.ID), analysis.Analysis{InterviewID: iv.ID, Status: analysis.StatusDone,
			Transcript: []analysis.Line{{Speaker: name, Text: "A goroutine is a lightweight thread."}},
			Recording:  &analysis.Combined{DurationMs: 1000}})
	}); err != nil {
		w.t.Fatal(err)
	}
	for _, to := range []string{email, iv.Interviewers[0].Email} {
		if _, err := w.outbox.Enqueue(mail.Message{To: mail.Address{Name: name, Email: to}, Subject: "Interview with " + name,
			Text: "Hello " + name, Kind: "invite"}, iv.ID); err != nil {
			w.t.Fatal(err)
		}
	}
	iv, err := w.ivs.Get(iv.ID)
	if err != nil || iv.Status != interviews.Finished {
		w.t.Fatalf("held interview: %v, status %s", err, iv.Status)
	}
	return iv
}

// takehome imports a take-home result of the candidate.
func (w *world) takehome(name, email string) {
	w.t.Helper()
	file := `{"format": "interviewdesk.assessment-results/v1", "results": [{"id": "th-` + email + `",
		"candidate": {"name": "` + name + `", "email": "` + email + `"}, "position": "Backend engineer",
		"assessment": "Go take-home", "completedAt": "2025-12-20T15:04:05Z", "score": 8, "maxScore": 10,
		"tasks": [{"title": "Parse the log", "language": "Go", "score": 8, "maxScore": 10, "code": "package main // by ` + name + `"}]}]}`
	if _, err := w.cands.Import("results.json", []byte(file)); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) file(rel, content string) {
	w.t.Helper()
	p := filepath.Join(w.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// holding lists every place in the store (bucket path and key) whose key or
// value contains one of needles, case-insensitively.
func (w *world) holding(needles ...string) []string {
	w.t.Helper()
	var found []string
	var walk func(path string, b *store.Bucket)
	walk = func(path string, b *store.Bucket) {
		_ = b.ForEach(func(k, v []byte) error {
			if v == nil {
				if child := b.Bucket(k); child != nil {
					if contains(k, needles) {
						found = append(found, path+"/"+string(k)+"/")
					}
					walk(path+"/"+string(k), child)
				}
				return nil
			}
			if contains(k, needles) || contains(v, needles) {
				found = append(found, path+"/"+printable(k))
			}
			return nil
		})
	}
	_ = w.db.View(func(tx *store.Tx) error {
		return tx.ForEach(func(name []byte, b *store.Bucket) error { walk(string(name), b); return nil })
	})
	return found
}

func contains(b []byte, needles []string) bool {
	lower := bytes.ToLower(b)
	for _, n := range needles {
		if bytes.Contains(lower, []byte(strings.ToLower(n))) {
			return true
		}
	}
	return false
}

func printable(k []byte) string {
	if len(k) == 8 {
		return "#" + string(rune('0'+store.Btoi(k)%10))
	}
	return string(k)
}

// filesUnder lists the files under the data folder whose path contains
// needle.
func (w *world) filesUnder(needle string) []string {
	var out []string
	_ = filepath.WalkDir(w.dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(p, needle) {
			out = append(out, strings.TrimPrefix(p, w.dir))
		}
		return nil
	})
	return out
}

func (w *world) auditTexts(kind audit.Kind) []string {
	w.t.Helper()
	page, err := w.audit.List(audit.Query{Kind: kind})
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, e := range page.Entries {
		out = append(out, e.Text)
	}
	return out
}

func decodeJSON(t *testing.T, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
}
