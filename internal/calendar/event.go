package calendar

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Method is the iTIP method of a calendar message (RFC 5546 section 1.4).
type Method string

// Methods.
const (
	// Request invites attendees or updates an event they already have.
	Request Method = "REQUEST"
	// Cancel removes the event (or the attendees it lists) from their calendars.
	Cancel Method = "CANCEL"
)

// Role is an attendee's participation role (RFC 5545 section 3.2.16).
type Role string

// Roles.
const (
	RoleChair          Role = "CHAIR"
	RoleRequired       Role = "REQ-PARTICIPANT"
	RoleOptional       Role = "OPT-PARTICIPANT"
	RoleNonParticipant Role = "NON-PARTICIPANT"
)

// Limits on what an event may hold.
const (
	// MaxNameLength bounds a person's display name, in characters.
	MaxNameLength = 200
	// MaxSummaryLength bounds SUMMARY and LOCATION, in characters.
	MaxSummaryLength = 500
	// MaxDescriptionLength bounds DESCRIPTION, in characters.
	MaxDescriptionLength = 20000
	// DefaultAlarm is the reminder lead time when Event.AlarmBefore is zero.
	DefaultAlarm = 15 * time.Minute
)

// Person is someone with a display name and a mailbox.
type Person struct {
	Name  string
	Email string
}

// Attendee is a person invited to the event. An empty Role means RoleRequired.
type Attendee struct {
	Name  string
	Email string
	Role  Role
}

// Event is one interview as a recipient's calendar should see it.
type Event struct {
	// UID identifies the event for its whole life; keep it fixed across updates.
	UID string
	// Sequence is the revision; raise it for every update or cancellation sent.
	Sequence int
	// Method is Request or Cancel.
	Method Method

	Summary     string
	Description string
	// URL is the join link for this recipient; it is written as URL and, when
	// Location is empty, as LOCATION too.
	URL      string
	Location string

	// Start and End are instants; they are written in TimeZone.
	Start time.Time
	End   time.Time
	// TimeZone is an IANA zone name such as "Europe/Berlin"; empty means UTC.
	TimeZone string

	Organizer Person
	Attendees []Attendee

	// Stamp is when this message was created (DTSTAMP); pass the caller's clock.
	Stamp time.Time
	// AlarmBefore is the reminder lead time: zero means DefaultAlarm, a negative
	// value means no reminder. Cancellations carry no reminder.
	AlarmBefore time.Duration
}

// Validate checks e and returns validation.Errors (wrapped with ErrInvalid)
// naming every field that cannot be written.
func (e Event) Validate() error {
	errs := validation.Errors{}
	checkLine(errs, "uid", e.UID, "event UID", 1, 255)
	if e.Sequence < 0 {
		errs.Add("sequence", "The sequence cannot be negative.")
	}
	if e.Method != Request && e.Method != Cancel {
		errs.Add("method", fmt.Sprintf("The method must be %s or %s, not %q.", Request, Cancel, e.Method))
	}
	checkLine(errs, "summary", e.Summary, "summary", 1, MaxSummaryLength)
	checkLine(errs, "location", e.Location, "location", 0, MaxSummaryLength)
	errs.Block("description", e.Description, "description", 0, MaxDescriptionLength)
	if e.URL != "" {
		if u, err := url.Parse(e.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
			strings.IndexFunc(e.URL, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
			errs.Add("url", "The link must be an absolute http or https URL without spaces.")
		}
	}
	switch {
	case e.Start.IsZero():
		errs.Add("start", "Enter the start time.")
	case !e.End.After(e.Start):
		errs.Add("end", "The end must be after the start.")
	}
	if _, err := loadZone(e.TimeZone); err != nil {
		errs.Add("timeZone", fmt.Sprintf("Unknown time zone %q; use an IANA name such as Europe/Berlin.", e.TimeZone))
	}
	checkPerson(errs, "organizer.", e.Organizer.Name, e.Organizer.Email)
	if len(e.Attendees) == 0 {
		errs.Add("attendees", "Invite at least one attendee.")
	}
	for i, a := range e.Attendees {
		prefix := fmt.Sprintf("attendees[%d].", i)
		checkPerson(errs, prefix, a.Name, a.Email)
		switch a.Role {
		case "", RoleChair, RoleRequired, RoleOptional, RoleNonParticipant:
		default:
			errs.Add(prefix+"role", fmt.Sprintf("Unknown attendee role %q.", a.Role))
		}
	}
	if e.Stamp.IsZero() {
		errs.Add("stamp", "The message time stamp is missing.")
	}
	if err := errs.Err(); err != nil {
		return fmt.Errorf("%w %q: %w", ErrInvalid, e.UID, err)
	}
	return nil
}

// checkLine checks a single-line text: its length, and no control characters.
func checkLine(errs validation.Errors, field, value, label string, min, max int) {
	errs.Line(field, value, label, min, max)
	if strings.IndexFunc(value, unicode.IsControl) >= 0 {
		errs.Add(field, fmt.Sprintf("The %s contains a control character.", label))
	}
}

func checkPerson(errs validation.Errors, prefix, name, email string) {
	checkLine(errs, prefix+"name", name, "name", 0, MaxNameLength)
	if !validation.IsEmail(email) {
		errs.Add(prefix+"email", fmt.Sprintf("Enter a valid email address, like name@example.com (got %q).", email))
	}
}

// loadZone resolves an IANA name; empty means UTC.
func loadZone(name string) (*time.Location, error) {
	switch name {
	case "":
		return time.UTC, nil
	case "Local":
		return nil, fmt.Errorf("time zone %q is not an IANA name", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("load time zone %q: %w", name, err)
	}
	return loc, nil
}
