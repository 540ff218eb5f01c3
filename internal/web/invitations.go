package web

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/calendar"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// mailView is the SMTP settings without the password.
type mailView struct {
	mail.Settings
	HasPassword bool `json:"hasPassword"`
	Configured  bool `json:"configured"`
}

func viewMail(m mail.Settings) mailView {
	v := mailView{Settings: m.Redacted(), HasPassword: m.Password != "", Configured: m.Configured()}
	v.Password = ""
	if v.Security == "" {
		v.Security = mail.StartTLS
	}
	if v.Port == 0 {
		v.Port = 587
	}
	return v
}

func (s *Server) getMail(w http.ResponseWriter, r *http.Request) error {
	m, err := s.svc.Settings.Mail()
	return answer(w, http.StatusOK, viewMail(m), err)
}

func (s *Server) putMail(w http.ResponseWriter, r *http.Request) error {
	var u settings.MailUpdate
	if err := decode(r, &u); err != nil {
		return err
	}
	m, err := s.svc.Settings.PutMail(u)
	if err != nil {
		return err
	}
	if s.svc.Outbox != nil {
		_ = s.svc.Outbox.RetryNow() // new settings may fix what failed
	}
	writeJSON(w, http.StatusOK, viewMail(m))
	return nil
}

// testMail sends a test email now and reports the server's exact answer.
func (s *Server) testMail(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		To string `json:"to"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	e := validation.Errors{}
	to := e.Email("to", in.To)
	if err := e.Err(); err != nil {
		return err
	}
	m, err := s.svc.Settings.Mail()
	if err != nil {
		return err
	}
	if !m.Configured() {
		return conflictError("Email is not set up yet. Enter your SMTP server first.")
	}
	ctx, cancel := context.WithTimeout(r.Context(), 45*time.Second)
	defer cancel()
	if err := mail.SendTest(ctx, m, to, mail.SMTPOptions{Now: s.now}, s.log); err != nil {
		writeJSON(w, http.StatusBadGateway, errorBody("smtp", err.Error(), nil))
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"sentTo": to})
	return nil
}

// conflictError is a 409 with a message a person can act on.
type conflictError string

func (c conflictError) Error() string        { return string(c) }
func (c conflictError) Is(target error) bool { return target == interviews.ErrConflict }

// recipient resolves ?for= on an interview.
func (s *Server) recipient(r *http.Request) (interviews.Interview, invitation.Recipient, error) {
	iv, err := s.svc.Interviews.Get(r.PathValue("id"))
	if err != nil {
		return iv, invitation.Recipient{}, err
	}
	rec, err := invitation.RecipientFor(iv, s.links(), r.URL.Query().Get("for"))
	if err != nil {
		return iv, rec, validation.Errors{"for": err.Error()}
	}
	return iv, rec, nil
}

func (s *Server) invitationText(w http.ResponseWriter, r *http.Request) error {
	iv, rec, err := s.recipient(r)
	if err != nil {
		return err
	}
	who := "candidate"
	if !rec.Candidate {
		who = "interviewer:" + rec.Email
	}
	writeJSON(w, http.StatusOK, map[string]string{"for": who, "name": rec.Name, "email": rec.Email,
		"link": rec.Link, "subject": invitation.Subject(iv, rec, invitation.Invite), "text": invitation.FullText(iv, rec)})
	return nil
}

// ics answers the recipient's calendar invitation (a cancellation once cancelled).
func (s *Server) ics(w http.ResponseWriter, r *http.Request) error {
	iv, rec, err := s.recipient(r)
	if err != nil {
		return err
	}
	kind := invitation.Invite
	if iv.Status == interviews.Cancelled {
		kind = invitation.Cancel
	}
	m, err := s.svc.Settings.Mail()
	if err != nil {
		return err
	}
	ev := invitation.Event(iv, rec, kind, s.now(), calendar.Person{Name: m.FromName, Email: m.FromAddress})
	data, err := calendar.Encode(ev)
	if errors.Is(err, calendar.ErrInvalid) && ev.Organizer.Email == "" {
		return conflictError("Calendar invitations need an organizer email address. Add yours in Settings.")
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", calendar.MIMEType+"; charset=utf-8; method="+string(ev.Method))
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": icsName(iv, rec)}))
	_, err = w.Write(data)
	return err
}

// outboxView is an outbox entry as the console shows it.
type outboxView struct {
	ID            string       `json:"id"`
	To            mail.Address `json:"to"`
	Subject       string       `json:"subject"`
	Kind          string       `json:"kind"`
	State         mail.State   `json:"state"`
	Attempts      int          `json:"attempts"`
	LastError     string       `json:"lastError,omitempty"`
	NextAttemptAt *time.Time   `json:"nextAttemptAt,omitempty"`
	CreatedAt     time.Time    `json:"createdAt"`
	SentAt        *time.Time   `json:"sentAt,omitempty"`
}

func viewEntry(e mail.Entry) outboxView {
	v := outboxView{ID: strconv.FormatUint(e.ID, 10), To: e.To, Subject: e.Subject, Kind: "test", State: e.State,
		Attempts: e.Attempts, LastError: e.LastError, CreatedAt: e.CreatedAt}
	if k, ok := invitation.KindOf(e.Subject); ok {
		v.Kind = string(k)
	}
	if !e.NextAttempt.IsZero() && e.State == mail.Queued {
		v.NextAttemptAt = &e.NextAttempt
	}
	if !e.SentAt.IsZero() {
		v.SentAt = &e.SentAt
	}
	return v
}

func (s *Server) interviewOutbox(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.svc.Interviews.Get(id); err != nil {
		return err
	}
	m, err := s.svc.Settings.Mail()
	if err != nil {
		return err
	}
	out := []outboxView{}
	if s.svc.Outbox != nil {
		entries, err := s.svc.Outbox.List(id)
		if err != nil {
			return err
		}
		for i := len(entries) - 1; i >= 0; i-- { // newest first
			out = append(out, viewEntry(entries[i]))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"mailConfigured": m.Configured(), "messages": out})
	return nil
}

func (s *Server) resend(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || s.svc.Outbox == nil {
		return errNoRoute
	}
	e, err := s.svc.Outbox.Resend(id)
	if errors.Is(err, mail.ErrConflict) {
		return conflictError("This message is still waiting to be sent; it cannot be resent yet.")
	}
	return answer(w, http.StatusOK, viewEntry(e), err)
}

// icsName is "interview-<candidate>.ics" for the candidate's copy and
// "interview-<candidate>-<interviewer>.ics" for an interviewer's; non-ASCII
// names are encoded (RFC 2231) by mime.FormatMediaType.
func icsName(iv interviews.Interview, rec invitation.Recipient) string {
	slug := func(s string) string {
		return strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
			return r == ' ' || r == '"' || r == '/' || r == '\\' || r < 32
		}), "-"))
	}
	name := "interview-" + slug(iv.Candidate.Name)
	if !rec.Candidate {
		name += "-" + slug(rec.Name)
	}
	return name + ".ics"
}

// sendInvitations queues every person's invitation again.
func (s *Server) sendInvitations(w http.ResponseWriter, r *http.Request) error {
	m, err := s.svc.Settings.Mail()
	if err != nil {
		return err
	}
	if !m.Configured() {
		return conflictError("Email is not set up yet. Enter your SMTP server in Settings first.")
	}
	if _, err := s.svc.Interviews.Invite(r.PathValue("id")); err != nil {
		return err
	}
	return s.interviewOutbox(w, r)
}
