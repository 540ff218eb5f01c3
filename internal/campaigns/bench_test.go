package campaigns

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// BenchmarkRegistration is one host taking registrations through a
// campaign's shared link: each a new address booking a seat, the interview
// created and its candidate linked in one transaction on a real bbolt file,
// with the candidates' and campaigns' hooks the host runs.
func BenchmarkRegistration(b *testing.B) {
	db, err := store.Open(filepath.Join(b.TempDir(), "data.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	clk := &testClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	ts := templates.New(db, clk.now)
	if err := ts.SeedLibrary(); err != nil {
		b.Fatal(err)
	}
	list, err := ts.List()
	if err != nil || len(list) == 0 {
		b.Fatalf("templates: %v", err)
	}
	st := settings.New(db)
	if _, err := st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"},
		DefaultTimeZone: "Europe/Berlin"}); err != nil {
		b.Fatal(err)
	}
	cands := candidates.New(db, clk.now)
	ivs := interviews.New(db, ts, st, clk.now, cands.InterviewChanged, Hook)
	svc := New(Config{DB: db, Interviews: ivs, Templates: ts, Settings: st, Now: clk.now})

	// Enough seats for every registration: slots of MaxCapacity seats, 45 minutes apart.
	first := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	in := Input{Name: "December backend", Position: "Backend engineer", TemplateID: list[0].ID, TimeZone: "UTC",
		Mode: SlotsMode, DurationMinutes: 45, CandidateChanges: true}
	slots := b.N/MaxCapacity + 1
	if slots > MaxSlots {
		b.Fatalf("%d registrations need more than %d slots", b.N, MaxSlots)
	}
	for i := range slots {
		in.Slots = append(in.Slots, SlotInput{StartsAt: first.Add(time.Duration(i) * 45 * time.Minute).Format(time.RFC3339), Capacity: MaxCapacity})
	}
	c, err := svc.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := time.Now()
	for i := range b.N {
		at := first.Add(time.Duration(i/MaxCapacity) * 45 * time.Minute)
		r := registrant(fmt.Sprintf("Candidate %d", i), fmt.Sprintf("candidate%d@example.com", i), at)
		if _, err := svc.Register(c.Token, r); err != nil {
			b.Fatalf("registration %d: %v", i, err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "registrations/s")
}
