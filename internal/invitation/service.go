package invitation

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/calendar"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// ErrNotDelivered means the mail server did not accept a test message; the
// error's message is the server's own answer (or why it could not be reached).
var ErrNotDelivered = fault.New(fault.Unavailable, "test email not delivered")

// testTimeout bounds a test message, connection included.
const testTimeout = 45 * time.Second

// Config wires a Service.
type Config struct {
	Interviews *interviews.Service
	Settings   *settings.Service
	// Outbox queues and sends email; nil on a host without it.
	Outbox *mail.Outbox
	Links  Links
	// SMTP tunes test messages; its Now defaults to the Service's clock.
	SMTP mail.SMTPOptions
}

// Service answers what the console asks about invitations: the text to paste,
// the calendar file, an interview's emails, and the email settings; it resends,
// sends again and sends test messages.
type Service struct {
	cfg Config
	log *slog.Logger
	now func() time.Time
}

// NewService returns a Service.
func NewService(cfg Config, log *slog.Logger, now func() time.Time) *Service {
	if cfg.SMTP.Now == nil {
		cfg.SMTP.Now = now
	}
	return &Service{cfg: cfg, log: log, now: now}
}

// Details is the "full invitation" for one person, to paste anywhere.
type Details struct {
	// For is "candidate" or "interviewer:EMAIL".
	For     string `json:"for"`
	Name    string `json:"name"`
	Email   string `json:"email"`
	Link    string `json:"link"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
}

// Details answers who's full invitation (see RecipientFor) to interview id.
func (s *Service) Details(id, who string) (Details, error) {
	iv, rec, err := s.recipient(id, who)
	if err != nil {
		return Details{}, err
	}
	d := Details{For: "candidate", Name: rec.Name, Email: rec.Email, Link: rec.Link,
		Subject: Subject(iv, rec, Invite), Text: FullText(iv, rec)}
	if !rec.Candidate {
		d.For = "interviewer:" + rec.Email
	}
	return d, nil
}

// File is a calendar file to download.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// CalendarFile is who's calendar invitation to interview id: a cancellation
// once the interview is cancelled.
func (s *Service) CalendarFile(id, who string) (File, error) {
	iv, rec, err := s.recipient(id, who)
	if err != nil {
		return File{}, err
	}
	kind := Invite
	if iv.Status == interviews.Cancelled {
		kind = Cancel
	}
	m, err := s.cfg.Settings.Mail()
	if err != nil {
		return File{}, err
	}
	ev := Event(iv, rec, kind, s.now(), sender(m))
	data, err := calendar.Encode(ev)
	if errors.Is(err, calendar.ErrInvalid) && ev.Organizer.Email == "" {
		return File{}, fault.Explain(fault.Conflict, err,
			"Calendar invitations need an organizer email address. Add yours in Settings.")
	}
	if err != nil {
		return File{}, err
	}
	return File{Name: calendarFileName(iv, rec), Data: data,
		ContentType: calendar.MIMEType + "; charset=utf-8; method=" + string(ev.Method)}, nil
}

func (s *Service) recipient(id, who string) (interviews.Interview, Recipient, error) {
	iv, err := s.cfg.Interviews.Get(id)
	if err != nil {
		return iv, Recipient{}, err
	}
	rec, err := RecipientFor(iv, s.cfg.Links, who)
	if err != nil {
		return iv, rec, validation.Errors{"for": err.Error()}
	}
	return iv, rec, nil
}

// calendarFileName is "interview-<candidate>.ics" for the candidate's copy and
// "interview-<candidate>-<interviewer>.ics" for an interviewer's; a face that
// sends it as a header encodes non-ASCII names (RFC 2231).
func calendarFileName(iv interviews.Interview, rec Recipient) string {
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

// Disposition is the Content-Disposition header that offers f as a download.
func (f File) Disposition() string {
	return mime.FormatMediaType("attachment", map[string]string{"filename": f.Name})
}

// Enums are the values of the enumerations in the Service's answers, by type,
// for describing them to clients.
func Enums() map[reflect.Type][]string {
	return map[reflect.Type][]string{
		reflect.TypeFor[Kind]():          {string(Invite), string(Reschedule), string(Cancel), string(Test)},
		reflect.TypeFor[mail.State]():    {string(mail.Queued), string(mail.Sending), string(mail.Sent), string(mail.Failed)},
		reflect.TypeFor[mail.Security](): {string(mail.StartTLS), string(mail.ImplicitTLS), string(mail.NoTLS)},
	}
}

// Outbox is an interview's emails, newest first.
type Outbox struct {
	MailConfigured bool   `json:"mailConfigured"`
	Messages       []Sent `json:"messages"`
}

// Sent is one email as the console lists it.
type Sent struct {
	ID            string            `json:"id"`
	To            interviews.Person `json:"to"`
	Subject       string            `json:"subject"`
	Kind          Kind              `json:"kind"`
	State         mail.State        `json:"state"`
	Attempts      int               `json:"attempts"`
	LastError     string            `json:"lastError,omitempty"`
	NextAttemptAt *time.Time        `json:"nextAttemptAt,omitempty"`
	CreatedAt     time.Time         `json:"createdAt"`
	SentAt        *time.Time        `json:"sentAt,omitempty"`
	// Uncomposed: the message could not be written, so it was never sent and
	// cannot be resent; LastError says why and what to do.
	Uncomposed bool `json:"uncomposed,omitempty"`
}

func viewSent(e mail.Entry) Sent {
	v := Sent{ID: strconv.FormatUint(e.ID, 10), To: interviews.Person{Name: e.To.Name, Email: e.To.Email}, Subject: e.Subject, Kind: kindOf(e), State: e.State,
		Attempts: e.Attempts, LastError: e.LastError, CreatedAt: e.CreatedAt, Uncomposed: e.Uncomposed}
	if !e.NextAttempt.IsZero() && e.State == mail.Queued {
		v.NextAttemptAt = &e.NextAttempt
	}
	if !e.SentAt.IsZero() {
		v.SentAt = &e.SentAt
	}
	return v
}

// kindOf is why e was sent: the kind it was queued with or, for entries queued
// before kinds were kept, the kind its subject names; other mail is a test.
func kindOf(e mail.Entry) Kind {
	if e.Kind != "" {
		return Kind(e.Kind)
	}
	for k, p := range subjectPrefix {
		if strings.HasPrefix(e.Subject, p) {
			return k
		}
	}
	return Test
}

// Outbox lists interview id's emails, newest first.
func (s *Service) Outbox(id string) (Outbox, error) {
	if _, err := s.cfg.Interviews.Get(id); err != nil {
		return Outbox{}, err
	}
	m, err := s.cfg.Settings.Mail()
	if err != nil {
		return Outbox{}, err
	}
	out := Outbox{MailConfigured: m.Configured(), Messages: []Sent{}}
	if s.cfg.Outbox == nil {
		return out, nil
	}
	entries, err := s.cfg.Outbox.List(id)
	if err != nil {
		return Outbox{}, err
	}
	for i := len(entries) - 1; i >= 0; i-- {
		out.Messages = append(out.Messages, viewSent(entries[i]))
	}
	return out, nil
}

// Resend queues a sent or failed email again.
func (s *Service) Resend(messageID string) (Sent, error) {
	id, err := strconv.ParseUint(messageID, 10, 64)
	if err != nil || s.cfg.Outbox == nil {
		return Sent{}, fmt.Errorf("mail %q: %w", messageID, mail.ErrNotFound)
	}
	e, err := s.cfg.Outbox.Resend(id)
	if errors.Is(err, mail.ErrUncomposed) {
		return Sent{}, fault.Explain(fault.Conflict, err,
			"This message could not be written, so there is nothing to resend. Correct the person's details, then use “Send invitations again”.")
	}
	if errors.Is(err, mail.ErrConflict) {
		return Sent{}, fault.Explain(fault.Conflict, err, "This message is still waiting to be sent; it cannot be resent yet.")
	}
	if err != nil {
		return Sent{}, err
	}
	return viewSent(e), nil
}

// SendAgain queues everyone's invitation to interview id again, e.g. for an
// interview scheduled before email was set up, and lists its emails.
func (s *Service) SendAgain(id string) (Outbox, error) {
	if err := s.requireMail("Email is not set up yet. Enter your SMTP server in Settings first."); err != nil {
		return Outbox{}, err
	}
	if _, err := s.cfg.Interviews.Invite(id); err != nil {
		return Outbox{}, err
	}
	return s.Outbox(id)
}

// requireMail is a conflict with text when email is not set up.
func (s *Service) requireMail(text string) error {
	m, err := s.cfg.Settings.Mail()
	if err != nil {
		return err
	}
	if !m.Configured() {
		return fault.Explain(fault.Conflict, mail.ErrNotConfigured, text)
	}
	return nil
}

// MailSettings are the SMTP settings as the console sees them: without the
// password.
type MailSettings struct {
	Host     string        `json:"host"`
	Port     int           `json:"port"`
	Security mail.Security `json:"security"`
	Username string        `json:"username"`
	// HasPassword says a password is stored; it never leaves the host.
	HasPassword bool   `json:"hasPassword"`
	FromName    string `json:"fromName"`
	FromAddress string `json:"fromAddress"`
	ReplyTo     string `json:"replyTo"`
	// Configured says email is set up: invitations are sent.
	Configured bool `json:"configured"`
}

func viewMail(m mail.Settings) MailSettings {
	return MailSettings{Host: m.Host, Port: m.Port, Security: m.Security, Username: m.Username,
		HasPassword: m.Password != "", FromName: m.FromName, FromAddress: m.FromAddress, ReplyTo: m.ReplyTo,
		Configured: m.Configured()}
}

// MailSettings answers the SMTP settings.
func (s *Service) MailSettings() (MailSettings, error) {
	m, err := s.cfg.Settings.Mail()
	if err != nil {
		return MailSettings{}, err
	}
	return viewMail(m), nil
}

// SaveMailSettings stores new SMTP settings and retries what is queued with
// them at once (they may fix what failed).
func (s *Service) SaveMailSettings(u settings.MailUpdate) (MailSettings, error) {
	if _, err := s.cfg.Settings.PutMail(u); err != nil {
		return MailSettings{}, err
	}
	if s.cfg.Outbox != nil {
		if err := s.cfg.Outbox.RetryNow(); err != nil {
			s.log.Warn("retry queued mail with new settings", "err", err)
		}
	}
	return s.MailSettings()
}

// TestMail sends a test email to to now, with the stored settings, and
// returns the address it went to. A refusal is ErrNotDelivered with the
// server's exact answer as the message.
func (s *Service) TestMail(ctx context.Context, to string) (string, error) {
	e := validation.Errors{}
	to = e.Email("to", to)
	if err := e.Err(); err != nil {
		return "", err
	}
	if err := s.requireMail("Email is not set up yet. Enter your SMTP server first."); err != nil {
		return "", err
	}
	m, err := s.cfg.Settings.Mail()
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, testTimeout)
	defer cancel()
	if err := mail.SendTest(ctx, m, to, s.cfg.SMTP, s.log); err != nil {
		return "", fault.Explain(fault.Unavailable, fmt.Errorf("%w: %w", ErrNotDelivered, err), err.Error())
	}
	return to, nil
}
