package candidates

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// fixture is the candidates and interviews of a host over a real store file,
// with a clock the test moves.
type fixture struct {
	t     testing.TB
	db    *store.DB
	svc   *Service
	ivs   *interviews.Service
	tpl   templates.Template
	clock *time.Time
}

func setup(t testing.TB) fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	f := fixture{t: t, db: db}
	clock := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	f.clock = &clock
	f.svc = New(db, f.now)
	f.ivs, f.tpl = interviewsOn(t, db, f.now, f.svc.InterviewChanged)
	return f
}

func (f fixture) now() time.Time { return *f.clock }

// interviewsOn is the interviews service of db with an organizer and a
// template (created, or the one made before).
func interviewsOn(t testing.TB, db *store.DB, now func() time.Time, hook ...interviews.Hook) (*interviews.Service, templates.Template) {
	t.Helper()
	ts := templates.New(db, now)
	tpl, err := ts.Create(templates.Content{Name: "Go", Plan: []templates.Topic{{Title: "Experience"}},
		Questions: []templates.Question{{Text: "Q", Alternative: "A", ExpectedAnswer: "E"}}})
	if err != nil {
		all, lerr := ts.List()
		if lerr != nil || len(all) == 0 {
			t.Fatal(err)
		}
		tpl.ID = all[0].ID
	}
	st := settings.New(db)
	if _, err := st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"},
		DefaultTimeZone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	return interviews.New(db, ts, st, now, hook...), tpl
}

// schedule creates an interview of name <email> for position, days from now.
func (f fixture) schedule(name, email, position string, days int) interviews.Interview {
	f.t.Helper()
	iv, err := f.ivs.Create(interviews.NewInterview{TemplateID: f.tpl.ID, Position: position, CandidateName: name,
		CandidateEmail: email, When: interviews.Later, StartsAt: f.now().AddDate(0, 0, days).Format(time.RFC3339)})
	if err != nil {
		f.t.Fatalf("schedule %s for %s: %v", name, position, err)
	}
	return iv
}

func (f fixture) get(key string) Candidate {
	f.t.Helper()
	c, err := f.svc.Get(key)
	if err != nil {
		f.t.Fatalf("candidate %s: %v", key, err)
	}
	return c
}

// stage is c's stage for position ("" when they did not apply).
func stage(c Candidate, position string) Stage {
	if a := c.application(position); a != nil {
		return a.Stage
	}
	return ""
}
