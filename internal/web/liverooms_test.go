package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// newRoom schedules an interview for candidate, "now" or at a wall time in
// Berlin, and returns it.
func (f fixture) newRoom(t *testing.T, candidate, startsAt string) created {
	t.Helper()
	when := `"when":"now"`
	if startsAt != "now" {
		when = `"when":"later","startsAt":"` + startsAt + `","timeZone":"Europe/Berlin"`
	}
	code, iv := f.create(t, `{"templateId":"`+f.goTemplateID(t)+`","position":"Backend engineer","candidateName":"`+
		candidate+`","candidateEmail":"`+strings.ToLower(strings.Fields(candidate)[0])+`@example.com",`+when+`}`)
	if code != http.StatusCreated {
		t.Fatalf("create %s: %d %+v", candidate, code, iv.Error)
	}
	return iv
}

func (f fixture) liveRooms(t *testing.T) (LiveRoomList, string) {
	t.Helper()
	var raw rawBody
	if code := f.call(t, "GET", "/api/live-rooms", "", &raw); code != http.StatusOK {
		t.Fatalf("GET /api/live-rooms: %d %s", code, raw)
	}
	var list LiveRoomList
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	return list, string(raw)
}

// rawBody keeps an answer as it came.
type rawBody []byte

func (r *rawBody) UnmarshalJSON(b []byte) error { *r = append((*r)[:0], b...); return nil }

func roomCandidates(list LiveRoomList) []string {
	var out []string
	for _, r := range list.Rooms {
		out = append(out, r.Candidate.Name+" ("+string(r.Group)+")")
	}
	return out
}

func TestLiveRoomsListsRoomsWithACandidateFirst(t *testing.T) {
	f := setup(t)
	f.newRoom(t, "Ada Later", "2026-11-26T10:00")
	f.newRoom(t, "Ben Sooner", "2026-11-25T10:00")
	f.newRoom(t, "Cleo Now", "now")
	cancelled := f.newRoom(t, "Dan Cancelled", "now")
	if code := f.call(t, "DELETE", "/api/interviews/"+cancelled.ID, "", nil); code != http.StatusOK {
		t.Fatalf("cancel: %d", code)
	}
	*f.clock = f.clock.Add(time.Minute)
	ended := f.newRoom(t, "Eve Ended", "now")
	host := f.dial(t, ended.InterviewerLink)
	host.next("welcome", nil)
	for i, a := range []room.Type{room.TypeStarted, room.TypeEnded} {
		if ack := host.act(i+1, string(a), nil); ack.Error != "" {
			t.Fatalf("%s: %s", a, ack.Error)
		}
	}
	*f.clock = f.clock.Add(time.Minute)
	live := f.newRoom(t, "Olivia Diaz", "now")
	candidate := f.dial(t, live.CandidateLink)
	candidate.next("welcome", nil)
	candidate.send(map[string]any{"type": "ready", "id": 1,
		"consent": map[string]bool{"personalData": true, "aiAnalysis": true, "recordingNotice": true}})
	candidate.next("ack", nil)

	list, raw := f.liveRooms(t)
	want := []string{"Olivia Diaz (live)", "Cleo Now (now)", "Ben Sooner (upcoming)", "Ada Later (upcoming)"}
	if got := roomCandidates(list); !slices.Equal(got, want) || list.Total != len(want) {
		t.Fatalf("rooms %v (total %d), want %v: cancelled and ended rooms left out", got, list.Total, want)
	}
	first := list.Rooms[0]
	if first.Presence == nil || len(first.Presence.Members) != 1 {
		t.Fatalf("the live room's presence: %+v", first.Presence)
	}
	if m := first.Presence.Members[0]; m.Role != room.RoleCandidate || m.Name != "Olivia Diaz" || !m.Ready ||
		!m.Since.Equal(*f.clock) || first.Presence.Phase != room.PhaseWaiting {
		t.Errorf("the candidate in the room: %+v in phase %s, want Olivia Diaz ready and waiting since %v",
			m, first.Presence.Phase, *f.clock)
	}
	if first.InterviewerLink != live.InterviewerLink || first.CandidateLink != live.CandidateLink {
		t.Errorf("links %q %q, want the interview's", first.InterviewerLink, first.CandidateLink)
	}
	if list.Rooms[1].Presence != nil {
		t.Errorf("an empty room has presence: %+v", list.Rooms[1].Presence)
	}
	// The list is the console's, yet carries nothing of the room's content:
	// no questions, expected answers or link tokens of other people.
	for _, secret := range []string{"expectedAnswer", "questions", "token", "plan"} {
		if strings.Contains(raw, `"`+secret+`"`) {
			t.Errorf("the list carries %q: %.300s", secret, raw)
		}
	}

	// Past its planned end the room stays listed while the candidate is in it;
	// an empty room whose time is over is not.
	*f.clock = f.clock.Add(2 * time.Hour)
	list, _ = f.liveRooms(t)
	if got, want := roomCandidates(list), []string{"Olivia Diaz (live)", "Ben Sooner (upcoming)", "Ada Later (upcoming)"}; !slices.Equal(got, want) {
		t.Errorf("two hours later: %v, want %v", got, want)
	}
}

func TestLiveRoomsOrderWithinGroups(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2026, 11, 24, 12, min, 0, 0, time.UTC) }
	withCandidate := func(since time.Time) *room.PresenceView {
		return &room.PresenceView{Members: []room.Presence{{Role: room.RoleInterviewer, Since: at(0)}, {Role: room.RoleCandidate, Since: since}}}
	}
	rooms := []LiveRoom{
		{ID: "upcoming-late", Group: GroupUpcoming, StartsAt: at(50)},
		{ID: "now-old", Group: GroupNow, StartsAt: at(1)},
		{ID: "interviewer-only", Group: GroupLive, StartsAt: at(0),
			Presence: &room.PresenceView{Members: []room.Presence{{Role: room.RoleInterviewer, Since: at(0)}}}},
		{ID: "upcoming-soon", Group: GroupUpcoming, StartsAt: at(40)},
		{ID: "candidate-recent", Group: GroupLive, StartsAt: at(0), Presence: withCandidate(at(9))},
		{ID: "now-new", Group: GroupNow, StartsAt: at(5)},
		{ID: "candidate-waiting-longest", Group: GroupLive, StartsAt: at(3), Presence: withCandidate(at(2))},
	}
	orderLiveRooms(rooms)
	var got []string
	for _, r := range rooms {
		got = append(got, r.ID)
	}
	want := []string{"candidate-waiting-longest", "candidate-recent", "interviewer-only", "now-new", "now-old", "upcoming-soon", "upcoming-late"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestKnownInterviewersAreDistinctLatestFirst(t *testing.T) {
	f := setup(t)
	later := f.newRoom(t, "Ada Later", "2026-11-26T10:00")
	sooner := f.newRoom(t, "Ben Sooner", "2026-11-25T10:00")
	add := func(iv created, name, email string) {
		t.Helper()
		if code := f.call(t, "POST", "/api/interviews/"+iv.ID+"/interviewers",
			`{"name":"`+name+`","email":"`+email+`"}`, nil); code != http.StatusCreated {
			t.Fatalf("add %s: %d", name, code)
		}
	}
	add(sooner, "Ivan", "ivan@example.com")
	add(sooner, "Sam Lee", "sam@example.com")
	add(later, "Ivan Petrov", "IVAN@example.com")
	if code := f.call(t, "DELETE", "/api/interviews/"+sooner.ID, "", nil); code != http.StatusOK {
		t.Fatal("cancel")
	}
	var known KnownInterviewers
	if code := f.call(t, "GET", "/api/interviewers", "", &known); code != http.StatusOK {
		t.Fatalf("GET /api/interviewers: %d", code)
	}
	// The organizer (every interview's first interviewer) comes first; a
	// cancelled interview's people still count.
	want := []interviews.Person{{Name: "Rita Recruiter", Email: "rita@example.com"},
		{Name: "Ivan Petrov", Email: "IVAN@example.com"}, {Name: "Sam Lee", Email: "sam@example.com"}}
	if !slices.Equal(known.Interviewers, want) {
		t.Errorf("known interviewers %+v, want %+v", known.Interviewers, want)
	}
}

func TestLiveRoomRoutesNeedTheConsoleKey(t *testing.T) {
	f := setup(t)
	for _, path := range []string{"/api/live-rooms", "/api/interviewers"} {
		if code, _ := f.get(t, path); code != http.StatusUnauthorized {
			t.Errorf("GET %s without the key: %d, want 401", path, code)
		}
	}
}
