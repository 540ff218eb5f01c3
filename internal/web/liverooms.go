package web

import (
	"errors"
	"net/http"
	"sort"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Live Rooms: every room a link still opens, the ones with people in them
// first, with who is there now; and the people a recruiter interviews with.

// LiveGroup is where a room stands in the Live Room list.
type LiveGroup string

// Live groups, in list order.
const (
	// GroupLive: someone is connected to the room now.
	GroupLive LiveGroup = "live"
	// GroupNow: its time has come (an "interview now" room, or a scheduled
	// one that has started) and nobody is in it.
	GroupNow LiveGroup = "now"
	// GroupUpcoming: it starts later.
	GroupUpcoming LiveGroup = "upcoming"
)

// maxLiveRooms bounds the list; Total says how many rooms are open in all.
const maxLiveRooms = 500

// LiveRoom is one open room as the Live Room list shows it: the interview's
// people and time, the organizer's own room link to join in one click, and
// who is connected. The room's state (plan, questions, notes) is not here.
type LiveRoom struct {
	ID           string            `json:"id"`
	Candidate    interviews.Person `json:"candidate"`
	Position     string            `json:"position"`
	Campaign     string            `json:"campaign"`
	TemplateName string            `json:"templateName"`
	StartsAt     time.Time         `json:"startsAt"`
	EndsAt       time.Time         `json:"endsAt"`
	TimeZone     string            `json:"timeZone"`
	Tools        interviews.Tools  `json:"tools"`
	// Interviewers are names and emails, organizer first (no links).
	Interviewers []interviews.Person `json:"interviewers"`
	// InterviewerLink is the organizer's room link; CandidateLink the
	// candidate's join link.
	InterviewerLink string    `json:"interviewerLink"`
	CandidateLink   string    `json:"candidateLink"`
	Group           LiveGroup `json:"group"`
	// Presence is who is in the room now; absent while nobody is.
	Presence *room.PresenceView `json:"presence,omitempty"`
}

// LiveRoomList is the open rooms in list order and how many there are.
type LiveRoomList struct {
	Rooms []LiveRoom `json:"rooms"`
	Total int        `json:"total"`
}

// KnownInterviewers are the people who interviewed before, the most recent first.
type KnownInterviewers struct {
	Interviewers []interviews.Person `json:"interviewers"`
}

func (s *Server) listLiveRooms(w http.ResponseWriter, _ *http.Request) error {
	now := s.now()
	upcoming, total, err := s.svc.Interviews.List(interviews.ListQuery{Tense: interviews.Upcoming, Limit: maxLiveRooms})
	if err != nil {
		return err
	}
	occupied := map[string]bool{}
	for _, id := range s.svc.Sessions.Occupied() {
		occupied[id] = true
	}
	rooms := make([]LiveRoom, 0, len(upcoming))
	add := func(id string) (bool, error) {
		r, ok, err := s.liveRoom(id, now, occupied[id])
		if ok {
			rooms = append(rooms, r)
		}
		return ok, err
	}
	for _, sm := range upcoming {
		added, err := add(sm.ID)
		if err != nil {
			return err
		}
		if !added { // ended or changed since it was listed
			total--
		}
		delete(occupied, sm.ID)
	}
	// A room whose planned end has passed stays open while its links work
	// and someone is in it.
	for id := range occupied {
		added, err := add(id)
		if err != nil {
			return err
		}
		if added {
			total++
		}
	}
	orderLiveRooms(rooms)
	writeJSON(w, http.StatusOK, LiveRoomList{Rooms: rooms, Total: total})
	return nil
}

// liveRoom is interview id's row, with who is in the room when occupied; ok
// is false when its links no longer open the room (cancelled, finished,
// expired, ended, or deleted meanwhile).
func (s *Server) liveRoom(id string, now time.Time, occupied bool) (LiveRoom, bool, error) {
	iv, err := s.svc.Interviews.Get(id)
	if errors.Is(err, interviews.ErrNotFound) {
		return LiveRoom{}, false, nil
	}
	if err != nil {
		return LiveRoom{}, false, err
	}
	if iv.Status != interviews.Scheduled || iv.Expired(now) {
		return LiveRoom{}, false, nil
	}
	r := s.liveRoomOf(iv, now)
	if !occupied {
		return r, true, nil
	}
	// Only occupied rooms' logs are read: the others' presence is empty, and
	// an ended room's interview is finished.
	p, err := s.svc.Sessions.Presence(iv.ID)
	if err != nil {
		return LiveRoom{}, false, err
	}
	if p.Phase == room.PhaseEnded {
		return LiveRoom{}, false, nil
	}
	if len(p.Members) > 0 {
		r.Group, r.Presence = GroupLive, &p
	}
	return r, true, nil
}

// liveRoomOf is iv's row without presence.
func (s *Server) liveRoomOf(iv interviews.Interview, now time.Time) LiveRoom {
	v := s.view(iv)
	r := LiveRoom{ID: iv.ID, Candidate: iv.Candidate, Position: iv.Position, Campaign: iv.Campaign,
		TemplateName: iv.Template.Name, StartsAt: iv.StartsAt, EndsAt: iv.EndsAt(), TimeZone: iv.TimeZone,
		Tools: iv.Tools, Interviewers: []interviews.Person{}, InterviewerLink: v.InterviewerLink,
		CandidateLink: v.CandidateLink, Group: GroupUpcoming}
	for _, in := range iv.Interviewers {
		r.Interviewers = append(r.Interviewers, in.Person)
	}
	if !iv.StartsAt.After(now) {
		r.Group = GroupNow
	}
	return r
}

// orderLiveRooms sorts rooms as the list shows them: rooms with a candidate
// connected first (the longest there first), then other rooms with people in
// them, then rooms whose time has come (the latest start first), then
// upcoming rooms, the soonest first.
func orderLiveRooms(rooms []LiveRoom) {
	rank := map[LiveGroup]int{GroupLive: 0, GroupNow: 1, GroupUpcoming: 2}
	sort.SliceStable(rooms, func(i, j int) bool {
		a, b := rooms[i], rooms[j]
		if rank[a.Group] != rank[b.Group] {
			return rank[a.Group] < rank[b.Group]
		}
		switch a.Group {
		case GroupLive:
			ca, cb := candidateSince(a), candidateSince(b)
			if ca.IsZero() != cb.IsZero() {
				return !ca.IsZero()
			}
			if !ca.Equal(cb) {
				return ca.Before(cb)
			}
		case GroupNow:
			if !a.StartsAt.Equal(b.StartsAt) {
				return a.StartsAt.After(b.StartsAt)
			}
		}
		if !a.StartsAt.Equal(b.StartsAt) {
			return a.StartsAt.Before(b.StartsAt)
		}
		return a.ID < b.ID
	})
}

// candidateSince is when the room's candidate connected; zero when they are not.
func candidateSince(r LiveRoom) time.Time {
	if r.Presence == nil {
		return time.Time{}
	}
	for _, m := range r.Presence.Members {
		if m.Role == room.RoleCandidate {
			return m.Since
		}
	}
	return time.Time{}
}

// maxKnownInterviewers bounds the drop-down of known interviewers.
const maxKnownInterviewers = 200

func (s *Server) knownInterviewers(w http.ResponseWriter, _ *http.Request) error {
	people, err := s.svc.Interviews.KnownInterviewers(maxKnownInterviewers)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, KnownInterviewers{Interviewers: people})
	return nil
}
