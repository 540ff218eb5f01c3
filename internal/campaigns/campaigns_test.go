package campaigns

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func TestRulesGenerateSlotsInTheCampaignsZoneAcrossDaylightSaving(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	cases := []struct {
		name string
		rule Rule
		want []string // UTC
	}{
		{"weekdays around the end of summer time (25 Oct 2026)",
			Rule{From: "2026-10-23", To: "2026-10-26", Start: "10:00", End: "11:30", Minutes: 45, Capacity: 2},
			[]string{"2026-10-23T08:00:00Z", "2026-10-23T08:45:00Z", "2026-10-26T09:00:00Z", "2026-10-26T09:45:00Z"}},
		{"the hour the clock skips (29 Mar 2026) has no slot",
			Rule{From: "2026-03-29", To: "2026-03-29", Weekdays: []int{0}, Start: "01:30", End: "03:30", Minutes: 30, Capacity: 1},
			[]string{"2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z"}}, // 01:30 CET and 03:00 CEST
		{"a slot that would end after the day's end is left out",
			Rule{From: "2026-12-07", To: "2026-12-07", Start: "10:00", End: "11:00", Minutes: 40, Capacity: 1},
			[]string{"2026-12-07T09:00:00Z"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := validation.Errors{}
			got := tc.rule.generate(e, "rule", berlin)
			if len(e) > 0 {
				t.Fatal(e)
			}
			var at []string
			for _, sl := range got {
				at = append(at, sl.StartsAt.Format(time.RFC3339))
				if sl.Capacity != tc.rule.Capacity || sl.DurationMinutes != tc.rule.Minutes {
					t.Errorf("slot %v: capacity %d, %d min", sl.StartsAt, sl.Capacity, sl.DurationMinutes)
				}
			}
			if fmt.Sprint(at) != fmt.Sprint(tc.want) {
				t.Errorf("slots %v\nwant  %v", at, tc.want)
			}
		})
	}
}

func TestSlotsDeduplicateAndParseFromTheCommandLine(t *testing.T) {
	f := newFixture(t)
	listed, err := ParseSlots("2026-12-07T10:00/45m*3, 2026-12-07T10:45", 30, 2)
	if err != nil {
		t.Fatal(err)
	}
	in := f.slots(1)
	in.Slots = listed
	got, err := f.svc.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-12-07T09:00:00Z", "2026-12-07T09:45:00Z", "2026-12-07T10:30:00Z"}
	if len(got) != len(want) {
		t.Fatalf("preview %+v, want %v", got, want)
	}
	for i, sl := range got {
		if sl.StartsAt.Format(time.RFC3339) != want[i] || sl.Capacity != 2 || sl.DurationMinutes != 45 {
			t.Errorf("slot %d = %+v, want %s with 2 seats of 45 min", i, sl, want[i])
		}
	}
	for _, bad := range []string{"", "tomorrow", "2026-12-07T10:00*0"} {
		if _, err := ParseSlots(bad, 45, 1); !fault.Is(err, fault.Invalid) {
			t.Errorf("ParseSlots(%q) = %v, want a validation error", bad, err)
		}
	}
	in.Slots, in.Mode = nil, SlotsMode
	if _, err := f.svc.Create(in); !fault.Is(err, fault.Invalid) {
		t.Errorf("a campaign without slots: %v", err)
	}
}

// The proof that one transaction checks and books: 50 candidates register
// for a slot of three seats at the same moment.
func TestSimultaneousRegistrationsNeverOverbookASlot(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, f.slots(3, "2026-12-07T10:00", "2026-12-07T11:00"))
	at := c.Slots[0].StartsAt
	const n = 50
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		errs  = make([]error, n)
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = f.svc.Register(c.Token, registrant(fmt.Sprintf("Candidate %d", i), fmt.Sprintf("c%d@example.com", i), at))
		}()
	}
	close(start)
	wg.Wait()
	booked := 0
	for i, err := range errs {
		switch {
		case err == nil:
			booked++
		case !errors.Is(err, ErrSlotFull):
			t.Errorf("registration %d: %v, want booked or the slot full", i, err)
		}
	}
	got, err := f.svc.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	list, total, err := f.ivs.List(interviews.ListQuery{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	regs, _ := f.svc.Registrations(c.ID)
	if booked != 3 || got.Slots[0].Booked != 3 || got.Registered != 3 || total != 3 || len(list) != 3 || len(regs) != 3 {
		t.Errorf("booked %d, slot %d, registered %d, interviews %d, registrations %d; want 3 of each",
			booked, got.Slots[0].Booked, got.Registered, total, len(regs))
	}
}

func TestTheSameAddressGetsItsExistingBooking(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, f.slots(2, "2026-12-07T10:00", "2026-12-07T11:00"))
	first, err := f.svc.Register(c.Token, registrant("Olivia Diaz", "olivia@example.com", c.Slots[0].StartsAt))
	if err != nil || first.Existing {
		t.Fatalf("first registration: %+v, %v", first, err)
	}
	if first.Interview.CampaignID != c.ID || first.Interview.Campaign != c.Name || first.Interview.TimeZone != "America/New_York" ||
		!first.Interview.StartsAt.Equal(c.Slots[0].StartsAt) || first.Interview.Template.ID != f.tpl {
		t.Errorf("the interview: %+v", first.Interview)
	}
	again, err := f.svc.Register(c.Token, registrant("Olivia D.", "OLIVIA@example.com", c.Slots[1].StartsAt))
	if err != nil || !again.Existing || again.Interview.ID != first.Interview.ID {
		t.Fatalf("second registration: existing %v, interview %s, %v; want the first booking", again.Existing, again.Interview.ID, err)
	}
	got, _ := f.svc.Get(c.ID)
	if got.Registered != 1 || got.Slots[0].Booked != 1 || got.Slots[1].Booked != 0 {
		t.Errorf("after the repeat: %+v", got)
	}
}

func TestClosedFullAndExpiredCampaignsTakeNoRegistration(t *testing.T) {
	f := newFixture(t)
	in := f.slots(5, "2026-12-07T10:00")
	in.MaxCandidates = 1
	in.Deadline = "2026-12-05T18:00"
	c := f.create(t, in)
	at := c.Slots[0].StartsAt
	if _, err := f.svc.Register(c.Token, registrant("A", "a@example.com", at)); err != nil {
		t.Fatal(err)
	}
	check := func(what string, want State) {
		t.Helper()
		p, err := f.svc.Public(c.Token)
		if err != nil || p.State != want {
			t.Errorf("%s: state %q, %v; want %q", what, p.State, err, want)
		}
		if _, err := f.svc.Register(c.Token, registrant("B", "b@example.com", at)); !errors.Is(err, ErrUnavailable) {
			t.Errorf("%s: registering gave %v, want unavailable", what, err)
		}
	}
	check("full (one candidate at most)", Filled)
	if _, err := f.svc.SetStatus(c.ID, Closed); err != nil {
		t.Fatal(err)
	}
	check("closed", Shut)
	if _, err := f.svc.SetStatus(c.ID, Open); err != nil {
		t.Fatal(err)
	}
	f.testClock.set(time.Date(2026, 12, 5, 17, 0, 0, 0, time.UTC))
	check("past the deadline", Expired)
	if _, err := f.svc.Public("not-a-campaign-token!!"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown token: %v", err)
	}
	if _, err := f.svc.Register(c.Token, Registrant{Name: "C", Email: "c@example.com", StartsAt: at.Format(time.RFC3339)}); !fault.Is(err, fault.Invalid) {
		t.Errorf("without consent: %v, want a validation error", err)
	}
}

func TestCandidateChangesFollowTheRulesAndMoveTheSeat(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, f.slots(1, "2026-12-07T10:00", "2026-12-07T11:00", "2026-12-07T12:00"))
	a, err := f.svc.Register(c.Token, registrant("A", "a@example.com", c.Slots[0].StartsAt))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Register(c.Token, registrant("B", "b@example.com", c.Slots[1].StartsAt)); err != nil {
		t.Fatal(err)
	}
	tok := a.Interview.CandidateToken
	if _, err := f.svc.Reschedule(tok, c.Slots[1].StartsAt.Format(time.RFC3339)); !errors.Is(err, ErrSlotFull) {
		t.Errorf("moving into B's full slot: %v, want the slot full", err)
	}
	v, err := f.svc.Reschedule(tok, c.Slots[2].StartsAt.Format(time.RFC3339))
	if err != nil || !v.StartsAt.Equal(c.Slots[2].StartsAt) || !v.CanChange {
		t.Fatalf("moving to a free slot: %+v, %v", v, err)
	}
	got, _ := f.svc.Get(c.ID)
	if got.Slots[0].Booked != 0 || got.Slots[2].Booked != 1 {
		t.Errorf("seats after the move: %+v", got.Slots)
	}
	f.testClock.set(c.Slots[2].StartsAt.Add(-23 * time.Hour))
	if _, err := f.svc.Cancel(tok); !errors.Is(err, ErrNotAllowed) {
		t.Errorf("cancelling within 24 hours: %v, want not allowed", err)
	}
	f.testClock.set(c.Slots[2].StartsAt.Add(-25 * time.Hour))
	if v, err := f.svc.Cancel(tok); err != nil || v.Status != Cancelled || v.CanChange {
		t.Errorf("cancelling: %+v, %v", v, err)
	}
	got, _ = f.svc.Get(c.ID)
	if got.Slots[2].Booked != 0 || got.Registered != 1 {
		t.Errorf("after the cancel: %+v registered %d", got.Slots, got.Registered)
	}
	// The same address may register again once its booking is cancelled.
	if r, err := f.svc.Register(c.Token, registrant("A", "a@example.com", c.Slots[0].StartsAt)); err != nil || r.Existing {
		t.Errorf("registering again after a cancel: %+v, %v", r, err)
	}
	// A recruiter's restore into a slot taken meanwhile is refused.
	if _, err := f.svc.Register(c.Token, registrant("D", "d@example.com", c.Slots[2].StartsAt)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ivs.Restore(a.Interview.ID); !errors.Is(err, ErrSlotFull) {
		t.Errorf("restoring into a full slot: %v", err)
	}
}

func TestThePublicViewNamesNoOneWhoRegistered(t *testing.T) {
	f := newFixture(t)
	c := f.create(t, f.slots(2, "2026-12-07T10:00"))
	if _, err := f.svc.Register(c.Token, registrant("Olivia Diaz", "olivia@example.com", c.Slots[0].StartsAt)); err != nil {
		t.Fatal(err)
	}
	p, err := f.svc.Public(c.Token)
	if err != nil {
		t.Fatal(err)
	}
	raw := fmt.Sprintf("%+v", p)
	for _, secret := range []string{"Olivia", "olivia@example.com", "Rita", c.ID, c.TemplateID} {
		if strings.Contains(raw, secret) {
			t.Errorf("the public view shows %q: %s", secret, raw)
		}
	}
	if len(p.Slots) != 1 || p.Slots[0].SeatsLeft != 1 {
		t.Errorf("slots %+v, want one with a seat left", p.Slots)
	}
}
