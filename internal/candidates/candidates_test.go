package candidates

import (
	"errors"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func TestAnInterviewNamesItsCandidateOncePerAddress(t *testing.T) {
	f := setup(t)
	a := f.schedule("Olivia Diaz", "olivia@example.com", "Backend engineer", 3)
	b := f.schedule("Olivia D.", "Olivia@Example.COM", "Data engineer", 5)
	c := f.get("OLIVIA@example.com")
	if c.Name != "Olivia Diaz" || c.Email != "olivia@example.com" {
		t.Errorf("candidate = %s <%s>; want the name and address that first named her", c.Name, c.Email)
	}
	if len(c.Interviews) != 2 || c.Interviews[0].ID != a.ID || c.Interviews[1].ID != b.ID {
		t.Errorf("interviews = %+v, want both", c.Interviews)
	}
	if len(c.Applications) != 2 || stage(c, "backend ENGINEER") != LiveScheduled || stage(c, "Data engineer") != LiveScheduled {
		t.Errorf("applications = %+v, want two at Live interview scheduled", c.Applications)
	}
	if got := f.get(c.ID); got.ID != c.ID {
		t.Errorf("by ID: %+v", got)
	}
	if _, err := f.svc.Get("nobody@example.com"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown address: %v, want ErrNotFound", err)
	}
}

func TestStagesFollowTheInterviewsUntilTheRecruiterDecides(t *testing.T) {
	f := setup(t)
	iv := f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 3)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		do   func()
		want Stage
	}{
		{func() { must(f.ivs.Cancel(iv.ID)) }, Applied},
		{func() { must(f.ivs.Restore(iv.ID)) }, LiveScheduled},
		{func() { must(f.ivs.Reschedule(iv.ID, f.now().AddDate(0, 0, 4).Format(time.RFC3339), "")) }, LiveScheduled},
		{func() { must(f.ivs.Finish(iv.ID)) }, Interviewed},
		{func() { iv = f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 7) }, LiveScheduled}, // a second round
		{func() { must(f.svc.MoveStage("olivia@example.com", "backend", Offer)) }, Offer},
		{func() { must(f.ivs.Cancel(iv.ID)) }, Offer}, // a decision stays
	}
	for i, s := range steps {
		s.do()
		if got := stage(f.get("olivia@example.com"), "Backend"); got != s.want {
			t.Fatalf("step %d: stage %s, want %s", i, got, s.want)
		}
	}
	h := f.get("olivia@example.com").History
	last := h[len(h)-1]
	if last.Kind != Moved || last.By != ByRecruiter || last.From != string(LiveScheduled) || last.To != string(Offer) {
		t.Errorf("last history entry = %+v, want the recruiter's move to Offer", last)
	}
}

func TestAStageSetByHandStaysUntilTheEvidenceChanges(t *testing.T) {
	f := setup(t)
	iv := f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 3)
	if _, err := f.svc.MoveStage(iv.Candidate.Email, "Backend", Applied); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ivs.SetTools(iv.ID, interviews.Tools{Whiteboard: true}); err != nil {
		t.Fatal(err)
	}
	if got := stage(f.get(iv.Candidate.Email), "Backend"); got != Applied {
		t.Errorf("after a tools change: %s, want the recruiter's Applied", got)
	}
	if _, err := f.ivs.Finish(iv.ID); err != nil {
		t.Fatal(err)
	}
	if got := stage(f.get(iv.Candidate.Email), "Backend"); got != Interviewed {
		t.Errorf("after the interview was held: %s, want Interviewed", got)
	}
}

func TestMoveStageRefusesUnknownStagesAndPositions(t *testing.T) {
	f := setup(t)
	f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 3)
	for _, tc := range []struct {
		position string
		stage    Stage
		field    string
	}{{"Backend", "maybe", "stage"}, {"Frontend", Offer, "position"}} {
		_, err := f.svc.MoveStage("olivia@example.com", tc.position, tc.stage)
		var fe validation.Errors
		if !errors.As(err, &fe) || fe[tc.field] == "" {
			t.Errorf("move %s to %s: %v, want a problem with %s", tc.position, tc.stage, err, tc.field)
		}
	}
	if got := stage(f.get("olivia@example.com"), "Backend"); got != LiveScheduled {
		t.Errorf("a refused move changed the stage to %s", got)
	}
}

func TestRenamesAndNewAddressesKeepHistoryAndTheOldAddress(t *testing.T) {
	f := setup(t)
	f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 3)
	f.schedule("Ivan Petrov", "ivan@example.com", "Frontend", 3)
	name, email, notes := "Olivia Diaz-Moreno", "olivia.dm@example.org", "Strong on Go.\nAsks good questions."
	c, err := f.svc.Update("olivia@example.com", Update{Name: &name, Email: &email, Notes: &notes})
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != name || c.Email != email || c.Notes != notes {
		t.Errorf("updated = %+v", c)
	}
	kinds := []ChangeKind{}
	for _, h := range c.History {
		kinds = append(kinds, h.Kind)
	}
	if len(c.History) < 3 || c.History[len(c.History)-2].Kind != Readdr || c.History[len(c.History)-1].From != "Olivia Diaz" {
		t.Errorf("history kinds = %v; want the address change and the rename from Olivia Diaz", kinds)
	}
	if got := f.get("olivia@example.com"); got.ID != c.ID {
		t.Errorf("the old address finds %s, want %s", got.ID, c.ID)
	}
	// An interview under the old address still lands on her.
	f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 9)
	if got := f.get(c.ID); len(got.Interviews) != 2 {
		t.Errorf("interviews after one under the old address: %d, want 2", len(got.Interviews))
	}
	taken := "IVAN@example.com"
	if _, err := f.svc.Update(c.ID, Update{Email: &taken}); !fault.Is(err, fault.Conflict) {
		t.Errorf("taking Ivan's address: %v, want a conflict", err)
	}
	bad := ""
	if _, err := f.svc.Update(c.ID, Update{Name: &bad}); !fault.Is(err, fault.Invalid) {
		t.Errorf("an empty name: %v, want invalid", err)
	}
	if got := f.get(c.ID); got.Email != email || got.Name != name {
		t.Errorf("refused updates changed the candidate: %+v", got)
	}
}

func TestInterviewsComeUpcomingFirstThenPastAndCancelled(t *testing.T) {
	f := setup(t)
	later := f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 10)
	soon := f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 2)
	gone := f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 4)
	held := f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 1)
	if _, err := f.ivs.Cancel(gone.ID); err != nil {
		t.Fatal(err)
	}
	*f.clock = f.clock.AddDate(0, 0, 1).Add(3 * time.Hour)
	if _, err := f.ivs.Finish(held.ID); err != nil {
		t.Fatal(err)
	}
	list, err := f.svc.Interviews("olivia@example.com")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id    string
		tense interviews.Tense
	}{{soon.ID, interviews.Upcoming}, {later.ID, interviews.Upcoming}, {held.ID, interviews.Past}, {gone.ID, interviews.CancelledList}}
	if len(list) != len(want) {
		t.Fatalf("%d interviews, want %d", len(list), len(want))
	}
	for i, w := range want {
		if list[i].ID != w.id || list[i].Tense != w.tense {
			t.Errorf("interview %d = %s (%s), want %s (%s)", i, list[i].ID, list[i].Tense, w.id, w.tense)
		}
	}
}
