package campaigns

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// testClock is the clock a test moves.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// fixture is the campaigns service on real services over a bbolt file.
type fixture struct {
	svc       *Service
	ivs       *interviews.Service
	testClock *testClock
	tpl       string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clk := &testClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	ts := templates.New(db, clk.now)
	if err := ts.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	list, err := ts.List()
	if err != nil || len(list) == 0 {
		t.Fatalf("templates: %v", err)
	}
	st := settings.New(db)
	if _, err := st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"},
		DefaultTimeZone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	ivs := interviews.New(db, ts, st, clk.now, Hook)
	svc := New(Config{DB: db, Interviews: ivs, Templates: ts, Settings: st, Now: clk.now})
	return &fixture{svc: svc, ivs: ivs, testClock: clk, tpl: list[0].ID}
}

// slots is a campaign input with listed slots of capacity seats each.
func (f *fixture) slots(capacity int, starts ...string) Input {
	in := Input{Name: "December backend", Position: "Backend engineer", TemplateID: f.tpl, TimeZone: "Europe/Berlin",
		Mode: SlotsMode, DurationMinutes: 45, CandidateChanges: true, ChangeHours: 24}
	for _, s := range starts {
		in.Slots = append(in.Slots, SlotInput{StartsAt: s, Capacity: capacity})
	}
	return in
}

func (f *fixture) create(t testing.TB, in Input) Campaign {
	t.Helper()
	c, err := f.svc.Create(in)
	if err != nil {
		t.Fatalf("create campaign: %v", err)
	}
	return c
}

func registrant(name, email string, at time.Time) Registrant {
	return Registrant{Name: name, Email: email, Consent: Consent{PersonalData: true}, StartsAt: at.Format(time.RFC3339),
		TimeZone: "America/New_York"}
}
