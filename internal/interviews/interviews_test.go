package interviews

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

type fixture struct {
	svc   *Service
	tpl   templates.Template
	clock *time.Time
	db    *store.DB
	ts    *templates.Service
	st    *settings.Service
}

func setup(t testing.TB) fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clock := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	ts := templates.New(db, now)
	tpl, err := ts.Create(templates.Content{Name: "Go", Plan: []templates.Topic{{Title: "Experience"}},
		Questions: []templates.Question{{Text: "Q", Alternative: "A", ExpectedAnswer: "E"}}})
	if err != nil {
		t.Fatal(err)
	}
	st := settings.New(db)
	if _, err := st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"}, DefaultTimeZone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	return fixture{svc: New(db, ts, st, now), tpl: tpl, clock: &clock, db: db, ts: ts, st: st}
}

func (f fixture) valid() NewInterview {
	return NewInterview{TemplateID: f.tpl.ID, Position: "Backend engineer", CandidateName: "Olivia Diaz",
		CandidateEmail: "olivia@example.com", When: "later", StartsAt: "2026-12-01T14:30", TimeZone: "Europe/Berlin"}
}

func TestCreateSchedulesInTheGivenZone(t *testing.T) {
	f := setup(t)
	iv, err := f.svc.Create(f.valid())
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 12, 1, 13, 30, 0, 0, time.UTC); !iv.StartsAt.Equal(want) {
		t.Errorf("StartsAt = %v, want %v (14:30 Berlin is 13:30 UTC in December)", iv.StartsAt, want)
	}
	if iv.DurationMinutes != 60 || iv.Template.QuestionCount != 1 || len(iv.Questions) != 1 {
		t.Errorf("interview did not take the template's duration and questions: %+v", iv)
	}
	if iv.Interviewers[0].Email != "rita@example.com" || len(iv.CandidateToken) != 22 || iv.CandidateToken == iv.Interviewers[0].Token {
		t.Errorf("organizer/tokens wrong: %+v", iv.Interviewers)
	}
	if !iv.Tools.LiveCode || iv.Tools.Whiteboard {
		t.Errorf("technical interview tools = %+v, want Live Code on", iv.Tools)
	}
}

func TestCreateNowStartsAtTheClock(t *testing.T) {
	f := setup(t)
	in := f.valid()
	in.When, in.StartsAt = "now", ""
	iv, err := f.svc.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if !iv.StartsAt.Equal(*f.clock) {
		t.Errorf("StartsAt = %v, want now %v", iv.StartsAt, *f.clock)
	}
}

func TestCreateRejectsBadInputAndSavesNothing(t *testing.T) {
	tests := []struct {
		field  string
		modify func(*NewInterview)
	}{
		{"candidateEmail", func(in *NewInterview) { in.CandidateEmail = "olivia@" }},
		{"candidateName", func(in *NewInterview) { in.CandidateName = "  " }},
		{"candidateName", func(in *NewInterview) { in.CandidateName = "Eve\r\nBcc: x@example.com" }},
		{"position", func(in *NewInterview) { in.Position = "" }},
		{"startsAt", func(in *NewInterview) { in.StartsAt = "2026-11-20T10:00" }},
		{"startsAt", func(in *NewInterview) { in.StartsAt = "tomorrow" }},
		{"timeZone", func(in *NewInterview) { in.TimeZone = "Mars/Olympus" }},
		{"templateId", func(in *NewInterview) { in.TemplateID = "no-such-template" }},
		{"when", func(in *NewInterview) { in.When = "soon" }},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			f := setup(t)
			in := f.valid()
			tc.modify(&in)
			_, err := f.svc.Create(in)
			var fe validation.Errors
			if !errors.As(err, &fe) || fe[tc.field] == "" {
				t.Fatalf("error = %v, want a message for %s", err, tc.field)
			}
			if list, total, _ := f.svc.List(ListQuery{Tense: Upcoming}); total != 0 || len(list) != 0 {
				t.Errorf("invalid create stored %d interviews", total)
			}
		})
	}
}

func TestListTensesOrderAndSearch(t *testing.T) {
	f := setup(t)
	create := func(name, email, at string) Interview {
		in := f.valid()
		in.CandidateName, in.CandidateEmail, in.StartsAt = name, email, at
		if name == "Zoe Late" {
			in.Position, in.Campaign = "Frontend developer", "Spring hiring"
		}
		iv, err := f.svc.Create(in)
		if err != nil {
			t.Fatal(err)
		}
		return iv
	}
	late := create("Zoe Late", "zoe@example.com", "2026-12-20T10:00")
	soon := create("Sam Soon", "sam@example.org", "2026-11-25T10:00")
	old := create("Olga Old", "olga@example.com", "2026-11-24T13:30")
	gone := create("Carl Cancel", "carl@example.com", "2026-12-02T10:00")
	if _, err := f.svc.Cancel(gone.ID); err != nil {
		t.Fatal(err)
	}
	*f.clock = f.clock.Add(3 * time.Hour) // Olga's interview is over

	names := func(q ListQuery) string {
		list, _, err := f.svc.List(q)
		if err != nil {
			t.Fatal(err)
		}
		s := ""
		for _, sm := range list {
			s += sm.Candidate.Name + ";"
		}
		return s
	}
	for _, tc := range []struct {
		q    ListQuery
		want string
	}{
		{ListQuery{Tense: Upcoming}, "Sam Soon;Zoe Late;"},
		{ListQuery{Tense: Past}, "Olga Old;"},
		{ListQuery{Tense: CancelledList}, "Carl Cancel;"},
		{ListQuery{Tense: Upcoming, Text: "EXAMPLE.ORG"}, "Sam Soon;"},
		{ListQuery{Tense: Upcoming, Text: "zoe"}, "Zoe Late;"},
		{ListQuery{Tense: Upcoming, Text: "backend"}, "Sam Soon;"},  // position
		{ListQuery{Tense: Upcoming, Text: "Frontend"}, "Zoe Late;"}, // position
		{ListQuery{Tense: Upcoming, Text: "SPRING"}, "Zoe Late;"},   // campaign
	} {
		if got := names(tc.q); got != tc.want {
			t.Errorf("List(%+v) = %q, want %q", tc.q, got, tc.want)
		}
	}
	_, _, _ = late, soon, old
}

func TestListPages(t *testing.T) {
	f := setup(t)
	var want []string
	for i := range 5 {
		in := f.valid()
		in.CandidateName = fmt.Sprintf("Candidate %d", i)
		in.StartsAt = f.clock.Add(time.Duration(i+1) * time.Hour).Format(time.RFC3339)
		iv, err := f.svc.Create(in)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, iv.ID)
	}
	var got []string
	for offset := 0; ; offset += 2 {
		page, total, err := f.svc.List(ListQuery{Tense: Upcoming, Limit: 2, Offset: offset})
		if err != nil || total != 5 {
			t.Fatalf("page at %d: total %d, %v; want 5", offset, total, err)
		}
		if len(page) == 0 {
			break
		}
		for _, sm := range page {
			got = append(got, sm.ID)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pages of 2 give %v, want every interview once, soonest first: %v", got, want)
	}
	if _, _, err := f.svc.List(ListQuery{Tense: Upcoming, Offset: -1}); err == nil {
		t.Error("a negative offset was accepted")
	}
}

func TestRescheduleMovesIndexAndCountsSequence(t *testing.T) {
	f := setup(t)
	a, _ := f.svc.Create(f.valid())
	in := f.valid()
	in.CandidateName, in.StartsAt = "Second", "2026-12-05T09:00"
	f.svc.Create(in)
	moved, err := f.svc.Reschedule(a.ID, "2026-12-10T09:00", "America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 12, 10, 14, 0, 0, 0, time.UTC); !moved.StartsAt.Equal(want) || moved.Sequence != 1 || moved.TimeZone != "America/New_York" {
		t.Errorf("rescheduled to %v seq %d zone %s, want %v seq 1", moved.StartsAt, moved.Sequence, moved.TimeZone, want)
	}
	list, total, _ := f.svc.List(ListQuery{Tense: Upcoming})
	if total != 2 || list[1].ID != a.ID || !list[1].StartsAt.Equal(moved.StartsAt) {
		t.Errorf("after reschedule the list is %+v; the moved interview must appear once, last", list)
	}
	if _, err := f.svc.Reschedule(a.ID, "2020-01-01T10:00", ""); err == nil {
		t.Error("rescheduling into the past was accepted")
	}
	if got, _ := f.svc.Get(a.ID); got.Sequence != 1 {
		t.Errorf("a rejected reschedule changed the sequence to %d", got.Sequence)
	}
}

func TestInterviewersAndLinks(t *testing.T) {
	f := setup(t)
	iv, _ := f.svc.Create(f.valid())
	iv, err := f.svc.AddInterviewer(iv.ID, Person{Name: "Ivan", Email: "ivan@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	ivan := iv.Interviewers[1]
	if _, l, err := f.svc.ResolveLink(ivan.Token); err != nil || l.Kind != RoleInterviewer || l.Email != "ivan@example.com" {
		t.Fatalf("Ivan's link resolves to %+v, %v", l, err)
	}
	if _, err := f.svc.AddInterviewer(iv.ID, Person{Name: "Ivan again", Email: "IVAN@example.com"}); err == nil {
		t.Error("the same email was added twice")
	}
	if _, err := f.svc.AddInterviewer(iv.ID, Person{Name: "Olivia", Email: "olivia@example.com"}); err == nil {
		t.Error("the candidate was added as interviewer")
	}
	if _, err := f.svc.RemoveInterviewer(iv.ID, "rita@example.com"); !errors.Is(err, ErrConflict) {
		t.Errorf("removing the organizer: %v, want ErrConflict", err)
	}
	iv, err = f.svc.RemoveInterviewer(iv.ID, "ivan@example.com")
	if err != nil || len(iv.Interviewers) != 1 {
		t.Fatalf("remove: %v, interviewers %+v", err, iv.Interviewers)
	}
	if _, _, err := f.svc.ResolveLink(ivan.Token); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed interviewer's link: %v, want ErrNotFound", err)
	}
	for i := 1; i < MaxInterviewers; i++ {
		if _, err := f.svc.AddInterviewer(iv.ID, Person{Name: "P", Email: fmt.Sprintf("p%d@example.com", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.svc.AddInterviewer(iv.ID, Person{Name: "One too many", Email: "x@example.com"}); err == nil {
		t.Errorf("a room took more than %d interviewers", MaxInterviewers)
	}
}

func TestListsOfOneInterviewer(t *testing.T) {
	f := setup(t)
	with, _ := f.svc.Create(f.valid())
	if _, err := f.svc.Create(f.valid()); err != nil { // one without Ivan
		t.Fatal(err)
	}
	if _, err := f.svc.AddInterviewer(with.ID, Person{Name: "Ivan", Email: "Ivan@Example.com"}); err != nil {
		t.Fatal(err)
	}
	ids := func(svc *Service, email string) []string {
		t.Helper()
		list, total, err := svc.List(ListQuery{Tense: Upcoming, Interviewer: email})
		if err != nil || total != len(list) {
			t.Fatalf("list for %q: %d of %d, %v", email, len(list), total, err)
		}
		var out []string
		for _, sm := range list {
			out = append(out, sm.ID)
		}
		return out
	}
	if got := ids(f.svc, "ivan@example.com"); !slices.Equal(got, []string{with.ID}) {
		t.Errorf("Ivan's interviews = %v, want only %s", got, with.ID)
	}
	if got := ids(f.svc, "rita@example.com"); len(got) != 2 {
		t.Errorf("the organizer's interviews = %v, want both", got)
	}
	if got := ids(f.svc, ""); len(got) != 2 {
		t.Errorf("every interview = %v, want both", got)
	}
	// As the index is read back from the file.
	reopened := New(f.db, f.ts, f.st, func() time.Time { return *f.clock })
	if got := ids(reopened, "IVAN@example.com"); !slices.Equal(got, []string{with.ID}) {
		t.Errorf("Ivan's interviews after a restart = %v, want only %s", got, with.ID)
	}
	if _, err := f.svc.RemoveInterviewer(with.ID, "ivan@example.com"); err != nil {
		t.Fatal(err)
	}
	if got := ids(f.svc, "ivan@example.com"); len(got) != 0 {
		t.Errorf("Ivan's interviews once removed = %v, want none", got)
	}
}

func TestCancelRestoreAndLinkStates(t *testing.T) {
	f := setup(t)
	iv, _ := f.svc.Create(f.valid())
	if _, _, err := f.svc.ResolveLink("AAAAAAAAAAAAAAAAAAAAAA"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown token: %v", err)
	}
	got, _, err := f.svc.ResolveLink(iv.CandidateToken)
	if err != nil || got.ID != iv.ID {
		t.Fatalf("candidate link: %v", err)
	}
	cancelled, err := f.svc.Cancel(iv.ID)
	if err != nil || cancelled.Status != Cancelled {
		t.Fatalf("cancel: %v %v", cancelled.Status, err)
	}
	if _, err := f.svc.SetTools(iv.ID, Tools{Whiteboard: true}); !errors.Is(err, ErrConflict) {
		t.Errorf("editing a cancelled room: %v, want ErrConflict", err)
	}
	if _, err := f.svc.Cancel(iv.ID); !errors.Is(err, ErrConflict) {
		t.Errorf("cancelling twice: %v, want ErrConflict", err)
	}
	restored, err := f.svc.Restore(iv.ID)
	if err != nil || restored.Status != Scheduled || restored.Sequence != 2 {
		t.Fatalf("restore: %+v %v", restored.Status, err)
	}
	*f.clock = iv.EndsAt().Add(LinkExpiry + time.Minute)
	if got, _ := f.svc.Get(iv.ID); !got.Expired(*f.clock) {
		t.Error("a link 12 hours after the planned end is not expired")
	}
}

// TestIndexMatchesStoreAfterConcurrentChanges reschedules concurrently and then
// compares the in-memory list with one freshly loaded from the store.
func TestIndexMatchesStoreAfterConcurrentChanges(t *testing.T) {
	f := setup(t)
	var ids []string
	for i := 0; i < 8; i++ {
		iv, err := f.svc.Create(f.valid())
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, iv.ID)
	}
	if _, _, err := f.svc.List(ListQuery{}); err != nil { // load the index
		t.Fatal(err)
	}
	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 20; i++ {
				at := fmt.Sprintf("2026-12-%02dT%02d:00", 2+(w+i)%20, 8+i%10)
				_, _ = f.svc.Reschedule(ids[(w*3+i)%len(ids)], at, "")
			}
		}(w)
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	live, _, _ := f.svc.List(ListQuery{Limit: 100})
	fresh := New(f.svc.db, f.svc.templates, f.svc.settings, f.svc.now)
	stored, _, _ := fresh.List(ListQuery{Limit: 100})
	if len(live) != len(ids) || len(stored) != len(ids) {
		t.Fatalf("live list has %d, stored %d, want %d", len(live), len(stored), len(ids))
	}
	for i := range live {
		if live[i].ID != stored[i].ID || !live[i].StartsAt.Equal(stored[i].StartsAt) {
			t.Errorf("entry %d: live %s %v, stored %s %v", i, live[i].ID, live[i].StartsAt, stored[i].ID, stored[i].StartsAt)
		}
	}
}

// A participant ID (which every room member sees) says nothing about the
// person: it is random per interview, not derived from their email or name,
// so a candidate cannot confirm a guessed interviewer address with it.
func TestParticipantIDsAreRandomPerInterview(t *testing.T) {
	f := setup(t)
	seen := map[string]bool{}
	derived := sha256.Sum256([]byte("ben@example.com\x00Ben Bell"))
	for range 3 {
		iv, err := f.svc.Create(f.valid())
		if err != nil {
			t.Fatal(err)
		}
		if iv, err = f.svc.AddInterviewer(iv.ID, Person{Name: "Ben Bell", Email: "ben@example.com"}); err != nil {
			t.Fatal(err)
		}
		for _, in := range iv.Interviewers {
			id := string(in.Participant)
			if seen[id] || strings.Contains(id, hex.EncodeToString(derived[:4])) {
				t.Fatalf("participant ID %q repeats or is derived from the person", id)
			}
			seen[id] = true
		}
		again, _ := f.svc.Get(iv.ID)
		if again.Interviewers[1].Participant != iv.Interviewers[1].Participant {
			t.Error("a participant ID must stay the same for the interview (it is stored)")
		}
	}
}

func TestResultsLinks(t *testing.T) {
	f := setup(t)
	iv, _ := f.svc.Create(f.valid())
	iv, err := f.svc.AddInterviewer(iv.ID, Person{Name: "Ivan", Email: "ivan@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	room := iv.Interviewers[1].Token
	if _, _, err := f.svc.ResultsLink(room); !errors.Is(err, ErrConflict) {
		t.Errorf("results before the end: %v, want ErrConflict", err)
	}
	if _, err := f.svc.Finish(iv.ID); err != nil {
		t.Fatal(err)
	}
	_, token, err := f.svc.ResultsLink(room)
	if err != nil || token == "" || token == room {
		t.Fatalf("results link: %q, %v", token, err)
	}
	if _, again, _ := f.svc.ResultsLink(room); again != token {
		t.Errorf("asked again: %q, want the same %q", again, token)
	}
	got, l, err := f.svc.ResolveLink(token)
	if err != nil || l.Kind != links.Results || got.ID != iv.ID || l.Email != "ivan@example.com" {
		t.Fatalf("the results link resolves to %+v %v", l, err)
	}
	if _, _, err := f.svc.ResultsLink(iv.CandidateToken); !errors.Is(err, ErrNotFound) {
		t.Errorf("a candidate's link asks for results: %v, want ErrNotFound", err)
	}
	if _, _, err := f.svc.ResultsLink(token); !errors.Is(err, ErrNotFound) {
		t.Errorf("a results link asks for results: %v, want ErrNotFound", err)
	}
	closed, err := f.svc.RevokeResults(iv.ID)
	if err != nil || !closed.ResultsClosed {
		t.Fatalf("revoke: %+v %v", closed.ResultsClosed, err)
	}
	if _, _, err := f.svc.ResolveLink(token); !errors.Is(err, ErrNotFound) {
		t.Errorf("a revoked results link: %v, want ErrNotFound", err)
	}
	if _, _, err := f.svc.ResultsLink(room); !errors.Is(err, ErrConflict) {
		t.Errorf("a new results link after they were closed: %v, want ErrConflict", err)
	}
}
