package web

import (
	"net/http"
)

// The invitation routes: package invitation decides; these only frame.

func (s *Server) invitationText(w http.ResponseWriter, r *http.Request) error {
	d, err := s.svc.Invitations.Details(r.PathValue("id"), r.URL.Query().Get("for"))
	return answer(w, http.StatusOK, d, err)
}

// ics answers the recipient's calendar invitation (a cancellation once cancelled).
func (s *Server) ics(w http.ResponseWriter, r *http.Request) error {
	f, err := s.svc.Invitations.CalendarFile(r.PathValue("id"), r.URL.Query().Get("for"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Content-Disposition", f.Disposition())
	_, err = w.Write(f.Data)
	return err
}

func (s *Server) interviewOutbox(w http.ResponseWriter, r *http.Request) error {
	o, err := s.svc.Invitations.Outbox(r.PathValue("id"))
	return answer(w, http.StatusOK, o, err)
}

func (s *Server) resend(w http.ResponseWriter, r *http.Request) error {
	m, err := s.svc.Invitations.Resend(r.PathValue("id"))
	return answer(w, http.StatusOK, m, err)
}

// sendInvitations queues every person's invitation again.
func (s *Server) sendInvitations(w http.ResponseWriter, r *http.Request) error {
	o, err := s.svc.Invitations.SendAgain(r.PathValue("id"))
	return answer(w, http.StatusOK, o, err)
}
