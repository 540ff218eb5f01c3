package web

import (
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/room"
)

// timeline answers the interview's log and the state it produced, as the
// organizer sees it: other interviewers' notes only once the interview ended.
func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	st, iv, err := s.svc.Rooms.State(id)
	if err != nil {
		return err
	}
	events, err := s.svc.Rooms.Events(id)
	if err != nil {
		return err
	}
	if events == nil {
		events = []room.Event{}
	}
	organizer := ""
	if len(iv.Interviewers) > 0 {
		organizer = iv.Interviewers[0].Email
	}
	// Only the organizer may lack an email, so "" selects exactly their notes.
	view := room.ForInterviewer(st, iv, organizer)
	writeJSON(w, http.StatusOK, map[string]any{"events": events, "state": view})
	return nil
}

// presence answers who is in the room now and the interview's phase, for the
// console's live status ("Candidate NAME is ready and waiting").
func (s *Server) presence(w http.ResponseWriter, r *http.Request) error {
	p, err := s.svc.Sessions.Presence(r.PathValue("id"))
	return answer(w, http.StatusOK, p, err)
}
