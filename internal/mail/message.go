package mail

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Limits on a message.
const (
	// MaxNameLength bounds a display name, in characters.
	MaxNameLength = 200
	// MaxSubjectLength bounds the subject, in characters.
	MaxSubjectLength = 400
	// MaxBodyLength bounds the text and the HTML body, in characters each.
	MaxBodyLength = 1 << 20
	// MaxCalendarSize bounds the calendar object, in bytes.
	MaxCalendarSize = 1 << 20
)

// Calendar methods an iMIP message may carry (RFC 5546).
const (
	MethodRequest = "REQUEST"
	MethodCancel  = "CANCEL"
)

// Address is a mailbox with an optional display name.
type Address struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email"`
}

// Calendar is an iCalendar object sent as RFC 6047 iMIP; Method must equal the
// object's METHOD property.
type Calendar struct {
	Method string `json:"method"`
	Data   []byte `json:"data"`
}

// Message is one email to one person.
type Message struct {
	// ID is the local part of the Message-ID header (the domain is the sender's).
	// The outbox sets it; leave it empty otherwise for a random one.
	ID string `json:"id,omitempty"`
	// Kind says why the message is sent (e.g. "invite"); the outbox keeps it on
	// the entry for listing, the sender ignores it.
	Kind    string  `json:"kind,omitempty"`
	To      Address `json:"to"`
	Subject string  `json:"subject"`
	// Text is required; HTML is an optional alternative rendering of it.
	Text     string    `json:"text"`
	HTML     string    `json:"html,omitempty"`
	Calendar *Calendar `json:"calendar,omitempty"`
	// Secret marks a message whose text opens something (a password link):
	// the outbox forgets its text once it was sent or failed for good, and
	// it cannot be resent (a fresh link is sent instead).
	Secret bool `json:"secret,omitempty"`
}

// Validate returns validation.Errors (wrapped with ErrInvalid) for every field
// that cannot be sent safely. Field names: id, to.email, to.name, subject, text,
// html, calendar.method, calendar.data.
func (m Message) Validate() error {
	errs := validation.Errors{}
	if m.ID != "" && (len(m.ID) > 100 || strings.IndexFunc(m.ID, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_')
	}) >= 0) {
		errs.Add("id", "The message ID may hold only letters, digits, '.', '-' and '_' (at most 100).")
	}
	if !validation.IsEmail(m.To.Email) {
		errs.Add("to.email", fmt.Sprintf("Enter a valid recipient address, like name@example.com (got %q).", m.To.Email))
	}
	checkLine(errs, "to.name", m.To.Name, "recipient name", 0, MaxNameLength)
	checkLine(errs, "subject", m.Subject, "subject", 1, MaxSubjectLength)
	errs.Block("text", m.Text, "text", 1, MaxBodyLength)
	errs.Block("html", m.HTML, "HTML text", 0, MaxBodyLength)
	if c := m.Calendar; c != nil {
		if c.Method != MethodRequest && c.Method != MethodCancel {
			errs.Add("calendar.method", fmt.Sprintf("The calendar method must be %s or %s (got %q).", MethodRequest, MethodCancel, c.Method))
		}
		switch method := calendarMethod(c.Data); {
		case len(c.Data) == 0 || len(c.Data) > MaxCalendarSize:
			errs.Add("calendar.data", fmt.Sprintf("The calendar object must have 1 to %d bytes (it has %d).", MaxCalendarSize, len(c.Data)))
		case method != c.Method:
			errs.Add("calendar.method", fmt.Sprintf("The calendar part says method %s but the calendar object has METHOD:%s.", c.Method, method))
		}
	}
	if err := errs.Err(); err != nil {
		return fmt.Errorf("%w message to %q: %w", ErrInvalid, m.To.Email, err)
	}
	return nil
}

// calendarMethod returns the METHOD of the VCALENDAR in data, after unfolding.
func calendarMethod(data []byte) string {
	unfolded := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n "), nil), []byte("\r\n\t"), nil)
	depth := 0
	for _, line := range strings.Split(string(unfolded), "\n") {
		line = strings.TrimRight(line, "\r")
		name, value, _ := strings.Cut(line, ":")
		switch strings.ToUpper(name) {
		case "BEGIN":
			depth++
		case "END":
			depth--
		case "METHOD":
			if depth == 1 {
				return strings.ToUpper(strings.TrimSpace(value))
			}
		}
	}
	return ""
}
