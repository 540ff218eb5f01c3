package web

import (
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

// Timeline is the answer of GET /api/interviews/{id}/timeline.
type Timeline struct {
	Rows  []timeline.Row       `json:"rows"`
	State room.InterviewerView `json:"state"`
}

// timeline answers the interview's timeline rows and the state they were built
// from, as the organizer sees them: other interviewers' notes only once the
// interview ended.
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
	tl := timeline.ForOrganizer(iv, events, st)
	writeJSON(w, http.StatusOK, Timeline{Rows: tl.Rows, State: tl.State})
	return nil
}

// presence answers who is in the room now and the interview's phase, for the
// console's live status ("Candidate NAME is ready and waiting").
func (s *Server) presence(w http.ResponseWriter, r *http.Request) error {
	p, err := s.svc.Sessions.Presence(r.PathValue("id"))
	return answer(w, http.StatusOK, p, err)
}
