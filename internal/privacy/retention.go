package privacy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// RetentionSettings are how long the install keeps interview data, counted
// from each interview's planned end. 0 keeps it until deleted by hand.
type RetentionSettings struct {
	RecordingsDays    int `json:"recordingsDays"`
	InterviewDataDays int `json:"interviewDataDays"`
}

// DefaultRetention is a new install's retention: recordings 90 days,
// everything else 2 years.
var DefaultRetention = RetentionSettings{RecordingsDays: 90, InterviewDataDays: 730}

// MaxRetentionDays bounds a retention period (100 years).
const MaxRetentionDays = 36500

// Retention is the settings with when they were last applied.
type Retention struct {
	RetentionSettings
	// LastRunAt is when retention was last applied (by the host or by hand).
	LastRunAt time.Time `json:"lastRunAt,omitzero"`
}

// Retention returns the install's retention settings.
func (s *Service) Retention() (Retention, error) {
	r := Retention{RetentionSettings: DefaultRetention}
	err := s.cfg.DB.View(func(tx *store.Tx) error {
		raw := store.BucketOf(tx, store.BucketMeta).Get(store.KeyRetention)
		if raw == nil {
			return nil
		}
		return json.Unmarshal(raw, &r)
	})
	if err != nil {
		return Retention{}, fmt.Errorf("read retention settings: %w", err)
	}
	return r, nil
}

// SetRetention validates and stores the retention settings, with an audit
// entry.
func (s *Service) SetRetention(ctx context.Context, in RetentionSettings) (Retention, error) {
	e := validation.Errors{}
	for field, days := range map[string]int{"recordingsDays": in.RecordingsDays, "interviewDataDays": in.InterviewDataDays} {
		if days < 0 || days > MaxRetentionDays {
			e.Add(field, fmt.Sprintf("Enter a number of days from 1 to %d, or 0 to keep them until you delete them.", MaxRetentionDays))
		}
	}
	if err := e.Err(); err != nil {
		return Retention{}, fmt.Errorf("%w: %w", ErrRetention, err)
	}
	var out Retention
	err := s.cfg.DB.Update(func(tx *store.Tx) error {
		r, err := readRetention(tx)
		if err != nil {
			return err
		}
		r.RetentionSettings = in
		out = r
		if err := store.PutJSON(tx, store.BucketMeta, store.KeyRetention, r); err != nil {
			return err
		}
		_, err = audit.Record(ctx, tx, s.cfg.Now(), audit.Settings, "retention", "Set retention: "+in.words()+".")
		return err
	})
	return out, err
}

func readRetention(tx *store.Tx) (Retention, error) {
	r := Retention{RetentionSettings: DefaultRetention}
	if raw := store.BucketOf(tx, store.BucketMeta).Get(store.KeyRetention); raw != nil {
		if err := json.Unmarshal(raw, &r); err != nil {
			return r, fmt.Errorf("decode retention settings: %w", err)
		}
	}
	return r, nil
}

// words says the settings for people.
func (r RetentionSettings) words() string {
	period := func(days int) string {
		if days == 0 {
			return "kept until deleted"
		}
		return fmt.Sprintf("%d %s", days, plural(days, "day", "days"))
	}
	return "recordings " + period(r.RecordingsDays) + ", interview data " + period(r.InterviewDataDays)
}

// What is what a retention item removes.
type What string

// What retention removes.
const (
	// WhatRecordings: an interview's recording files (the rest stays).
	WhatRecordings What = "recordings"
	// WhatInterview: all of an interview.
	WhatInterview What = "interview"
	// WhatLeftover: files of an interview deleted before (a crash between
	// the deletion and the removal of its files).
	WhatLeftover What = "leftover"
	// WhatCandidate: a candidate's profile and take-home results, once
	// nothing of theirs is younger than the interview data period.
	WhatCandidate What = "candidate"
)

// Item is one thing a retention run removes.
type Item struct {
	InterviewID string    `json:"interviewId,omitempty"`
	Position    string    `json:"position,omitempty"`
	EndsAt      time.Time `json:"endsAt,omitzero"`
	What        What      `json:"what"`
	Files       Files     `json:"files"`
	// Why says which rule: "Recordings are kept 90 days."
	Why string `json:"why"`
	// Subject names a candidate profile's item (audit.CandidateRef).
	Subject string `json:"subject,omitempty"`
	// Candidate is shown in a preview only; a run's log never keeps it.
	Candidate string `json:"candidate,omitempty"`

	email string // a candidate profile's, to erase it
}

// Skip is an interview a run would have removed but could not.
type Skip struct {
	InterviewID string `json:"interviewId,omitempty"`
	Subject     string `json:"subject,omitempty"`
	Position    string `json:"position,omitempty"`
	Reason      string `json:"reason"`
}

// RetentionPlan is what applying retention now removes.
type RetentionPlan struct {
	Settings RetentionSettings `json:"settings"`
	At       time.Time         `json:"at"`
	Items    []Item            `json:"items"`
	// Interviews, Recordings and Candidates count the items of each kind;
	// Files all the files they remove.
	Interviews int   `json:"interviews"`
	Recordings int   `json:"recordings"`
	Candidates int   `json:"candidates"`
	Files      Files `json:"files"`
}

// PreviewRetention says what applying retention now would remove.
func (s *Service) PreviewRetention() (RetentionPlan, error) {
	r, err := s.Retention()
	if err != nil {
		return RetentionPlan{}, err
	}
	return s.plan(r.RetentionSettings)
}

// plan lists what settings remove at the service's now: whole interviews
// past the interview data period, the recordings of the others past the
// recordings period, and files no interview owns.
func (s *Service) plan(set RetentionSettings) (RetentionPlan, error) {
	now := s.cfg.Now()
	p := RetentionPlan{Settings: set, At: now.UTC(), Items: []Item{}}
	all, err := s.cfg.Interviews.All()
	if err != nil {
		return p, err
	}
	for _, sm := range all {
		item, ok, err := s.planFor(sm, set, now)
		if err != nil {
			return p, err
		}
		if ok {
			p.add(item)
		}
	}
	leftovers, err := s.leftovers(all)
	if err != nil {
		return p, err
	}
	profiles, err := s.inactiveProfiles(set, now, p.Items)
	if err != nil {
		return p, err
	}
	for _, it := range append(leftovers, profiles...) {
		p.add(it)
	}
	return p, nil
}

// inactiveProfiles are the candidate profiles whose last activity is older
// than the interview data period and whose every interview is among the
// planned items' deletions.
func (s *Service) inactiveProfiles(set RetentionSettings, now time.Time, planned []Item) ([]Item, error) {
	if s.cfg.Candidates == nil || set.InterviewDataDays == 0 {
		return nil, nil
	}
	going := map[string]bool{}
	for _, it := range planned {
		going[it.InterviewID] = it.What == WhatInterview
	}
	inactive, err := s.cfg.Candidates.Inactive(now.AddDate(0, 0, -set.InterviewDataDays))
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, c := range inactive {
		if !all(c.Interviews, func(sm interviews.Summary) bool { return going[sm.ID] }) {
			continue
		}
		out = append(out, Item{InterviewID: "", Candidate: c.Name, Subject: audit.CandidateRef(c.Email), What: WhatCandidate,
			Why:    fmt.Sprintf("A candidate's profile is kept %d days after their last activity.", set.InterviewDataDays),
			EndsAt: c.LastActivityAt, email: c.Email})
	}
	return out, nil
}

func all[T any](list []T, ok func(T) bool) bool {
	for _, x := range list {
		if !ok(x) {
			return false
		}
	}
	return true
}

func (p *RetentionPlan) add(it Item) {
	p.Items = append(p.Items, it)
	switch it.What {
	case WhatInterview:
		p.Interviews++
	case WhatRecordings:
		p.Recordings++
	case WhatCandidate:
		p.Candidates++
	}
	p.Files.Count += it.Files.Count
	p.Files.Bytes += it.Files.Bytes
}

// planFor is what set removes of interview sm at now, if anything.
func (s *Service) planFor(sm interviews.Summary, set RetentionSettings, now time.Time) (Item, bool, error) {
	expired := func(days int) bool { return days > 0 && sm.EndsAt.Before(now.AddDate(0, 0, -days)) }
	it := Item{InterviewID: sm.ID, Position: sm.Position, EndsAt: sm.EndsAt, Candidate: sm.Candidate.Name}
	files, err := s.filesOf(sm.ID)
	if err != nil {
		return it, false, err
	}
	it.Files = files
	switch {
	case expired(set.InterviewDataDays):
		it.What, it.Why = WhatInterview, fmt.Sprintf("Interview data is kept %d days.", set.InterviewDataDays)
		return it, true, nil
	case expired(set.RecordingsDays) && files.Count > 0:
		it.What, it.Why = WhatRecordings, fmt.Sprintf("Recordings are kept %d days.", set.RecordingsDays)
		return it, true, nil
	}
	return it, false, nil
}

// leftovers are recording folders of interviews that no longer exist.
func (s *Service) leftovers(all []interviews.Summary) ([]Item, error) {
	known := map[string]bool{}
	for _, sm := range all {
		for _, dir := range s.folders(sm.ID) {
			known[dir] = true
		}
	}
	var out []Item
	for _, root := range s.roots() {
		entries, err := os.ReadDir(root)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", root, err)
		}
		for _, e := range entries {
			dir := filepath.Join(root, e.Name())
			if !e.IsDir() || known[dir] {
				continue
			}
			it := Item{InterviewID: e.Name(), What: WhatLeftover, Why: "Files of an interview deleted before."}
			if err := walkFiles(dir, func(_ string, info os.FileInfo) { it.Files.Count++; it.Files.Bytes += info.Size() }); err != nil {
				return nil, err
			}
			out = append(out, it)
		}
	}
	return out, nil
}

// roots are the folders that hold one folder of files per interview.
func (s *Service) roots() []string {
	var out []string
	if s.cfg.RecordDir != "" {
		out = append(out, s.cfg.RecordDir)
	}
	if s.cfg.Analysis != nil && s.cfg.Analysis.FilesDir() != "" {
		out = append(out, s.cfg.Analysis.FilesDir())
	}
	return out
}

// Trigger says who started a retention run.
type Trigger string

// Triggers.
const (
	Automatic Trigger = "automatic" // the host, at start and once a day
	ByHand    Trigger = "manual"    // Apply now, or the CLI
)

// RetentionRun is one application of the retention settings, as the
// retention log keeps it.
type RetentionRun struct {
	Seq      uint64            `json:"seq"`
	At       time.Time         `json:"at"`
	Trigger  Trigger           `json:"trigger"`
	Actor    audit.Actor       `json:"actor"`
	Settings RetentionSettings `json:"settings"`
	Deleted  []Item            `json:"deleted"`
	Skipped  []Skip            `json:"skipped"`
	Files    Files             `json:"files"`
}

// ApplyRetention removes what the retention settings say is due now, keeps
// the run in the retention log (a run that removed and skipped nothing only
// when started by hand) and returns it.
func (s *Service) ApplyRetention(ctx context.Context, trigger Trigger) (RetentionRun, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.Retention()
	if err != nil {
		return RetentionRun{}, err
	}
	p, err := s.plan(r.RetentionSettings)
	if err != nil {
		return RetentionRun{}, err
	}
	run := RetentionRun{At: p.At, Trigger: trigger, Actor: audit.From(ctx), Settings: p.Settings, Deleted: []Item{}, Skipped: []Skip{}}
	for _, it := range p.Items {
		if err := s.applyItem(ctx, it); err != nil {
			s.cfg.Logger.Warn("retention: skipped", "interview", it.InterviewID, "what", it.What, "err", err)
			run.Skipped = append(run.Skipped, Skip{InterviewID: it.InterviewID, Subject: it.Subject, Position: it.Position, Reason: fault.Text(err)})
			continue
		}
		it.Candidate = ""
		run.Deleted = append(run.Deleted, it)
		run.Files.Count += it.Files.Count
		run.Files.Bytes += it.Files.Bytes
	}
	if err := s.record(ctx, &run); err != nil {
		return run, err
	}
	if len(run.Deleted) > 0 {
		s.cfg.Logger.Info("retention applied", "trigger", trigger, "deleted", len(run.Deleted), "skipped", len(run.Skipped),
			"files", run.Files.Count, "bytes", run.Files.Bytes)
	}
	return run, nil
}

// applyItem removes one item of a plan.
func (s *Service) applyItem(ctx context.Context, it Item) error {
	switch it.What {
	case WhatInterview:
		_, err := s.deleteInterview(ctx, it.InterviewID, "Retention: "+it.Why)
		if isGone(err) {
			return nil
		}
		return err
	case WhatRecordings:
		return s.dropRecordings(ctx, it.InterviewID)
	case WhatCandidate:
		return s.cfg.DB.Update(func(tx *store.Tx) error {
			_, err := s.cfg.Candidates.Erase(tx, it.email)
			return err
		})
	default:
		if _, err := s.cfg.Interviews.Get(it.InterviewID); !isGone(err) {
			return fault.Explain(fault.Conflict, err, "An interview with these files exists (again); they are kept.")
		}
		return s.removeFiles(ctx, it.InterviewID)
	}
}

// dropRecordings deletes interview id's recording files and takes the
// combined recording out of its analysis; everything else stays.
func (s *Service) dropRecordings(ctx context.Context, id string) error {
	if s.cfg.Analysis != nil {
		if _, err := s.cfg.Analysis.DropRecording(id); err != nil {
			return err
		}
	}
	if err := s.removeFiles(ctx, id); err != nil {
		return err
	}
	s.changed(id)
	return nil
}

// record keeps run in the retention log with its audit entry, and when
// retention last ran; a run of the host that did nothing leaves only that.
func (s *Service) record(ctx context.Context, run *RetentionRun) error {
	quiet := run.Trigger == Automatic && len(run.Deleted) == 0 && len(run.Skipped) == 0
	return s.cfg.DB.Update(func(tx *store.Tx) error {
		r, err := readRetention(tx)
		if err != nil {
			return err
		}
		r.LastRunAt = run.At
		if err := store.PutJSON(tx, store.BucketMeta, store.KeyRetention, r); err != nil || quiet {
			return err
		}
		b := store.BucketOf(tx, store.BucketRetentionLog)
		if run.Seq, err = b.NextSequence(); err != nil {
			return fmt.Errorf("retention log sequence: %w", err)
		}
		if err := store.PutJSON(tx, store.BucketRetentionLog, store.Itob(run.Seq), run); err != nil {
			return err
		}
		_, err = audit.Record(ctx, tx, run.At, audit.Retention, "", run.words())
		return err
	})
}

// words says what run did, for the audit log.
func (run RetentionRun) words() string {
	n := map[What]int{}
	for _, it := range run.Deleted {
		n[it.What]++
	}
	var parts []string
	for _, p := range []struct {
		what      What
		one, many string
	}{{WhatInterview, "interview", "interviews"}, {WhatRecordings, "interview's recordings", "interviews' recordings"},
		{WhatCandidate, "candidate profile", "candidate profiles"}, {WhatLeftover, "left-over folder", "left-over folders"}} {
		if n[p.what] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[p.what], plural(n[p.what], p.one, p.many)))
		}
	}
	deleted := "nothing"
	if len(parts) > 0 {
		deleted = joinWords(parts) + fmt.Sprintf(" — %s %s (%s)", count(run.Files.Count), plural(run.Files.Count, "file", "files"), audit.SizeText(run.Files.Bytes))
	}
	text := fmt.Sprintf("Applied retention (%s): deleted %s.", run.Settings.words(), deleted)
	if n := len(run.Skipped); n > 0 {
		text += fmt.Sprintf(" Skipped %d (see the retention log).", n)
	}
	return text
}

// RetentionLog is a page of runs, newest first.
type RetentionLog struct {
	Runs []RetentionRun `json:"runs"`
	// Next is the before of the next (older) page; 0 when this is the last.
	Next uint64 `json:"next,omitempty"`
}

// RetentionRuns returns up to limit runs (default 20) before seq (0: the
// newest), newest first.
func (s *Service) RetentionRuns(before uint64, limit int) (RetentionLog, error) {
	if limit <= 0 || limit > 200 {
		limit = 20
	}
	out := RetentionLog{Runs: []RetentionRun{}}
	err := s.cfg.DB.View(func(tx *store.Tx) error {
		c := store.BucketOf(tx, store.BucketRetentionLog).Cursor()
		k, v := c.Last()
		if before > 0 {
			for k != nil && store.Btoi(k) >= before {
				k, v = c.Prev()
			}
		}
		for ; k != nil; k, v = c.Prev() {
			if len(out.Runs) == limit {
				out.Next = out.Runs[len(out.Runs)-1].Seq
				return nil
			}
			var run RetentionRun
			if err := json.Unmarshal(v, &run); err != nil {
				return fmt.Errorf("decode retention run %d: %w", store.Btoi(k), err)
			}
			out.Runs = append(out.Runs, run)
		}
		return nil
	})
	if err != nil {
		return RetentionLog{}, fmt.Errorf("read the retention log: %w", err)
	}
	return out, nil
}
