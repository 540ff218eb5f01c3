package web

import (
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/workspace"
)

// playback answers how the interview's workspace unfolded: every code step
// and whiteboard change, for the details page's Playback.
func (s *Server) playback(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	iv, err := s.svc.Interviews.Get(id)
	if err != nil {
		return err
	}
	events, err := s.svc.Rooms.Events(id)
	if err != nil {
		return err
	}
	rec, err := workspace.Playback(iv, events)
	return answer(w, http.StatusOK, rec, err)
}
