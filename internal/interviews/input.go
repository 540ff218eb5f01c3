package interviews

import (
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// When says when a new interview starts.
type When string

// Whens.
const (
	Now   When = "now"   // at once: "conduct right now"
	Later When = "later" // at NewInterview.StartsAt
)

// NewInterview is what a user fills in to schedule an interview.
type NewInterview struct {
	TemplateID     string `json:"templateId"`
	Position       string `json:"position"`
	CandidateName  string `json:"candidateName"`
	CandidateEmail string `json:"candidateEmail"`
	When           When   `json:"when"`
	// StartsAt is a wall time "2026-12-01T14:30" in TimeZone, or RFC 3339;
	// required for Later.
	StartsAt string `json:"startsAt,omitempty"`
	// TimeZone is an IANA zone; empty means the settings' default.
	TimeZone string `json:"timeZone,omitempty"`
	Campaign string `json:"campaign,omitempty"`
	// DurationMinutes is 0 for the template's duration.
	DurationMinutes int `json:"durationMinutes,omitempty"`
	// TakehomeID brings the candidate's take-home assessment result into the
	// room for the interviewers (checked by the candidates hook).
	TakehomeID string `json:"takehomeId,omitempty"`
	// Organizer is who schedules it, when an account does (the host sets it
	// from the signed-in account, never from the body); empty means the
	// settings' organizer, the host's owner.
	Organizer Person `json:"-"`
}

type start struct {
	at   time.Time
	zone string
}

// validate normalises and checks every field and resolves the start;
// defaultZone applies when TimeZone is empty.
func (in *NewInterview) validate(now time.Time, defaultZone string) (start, validation.Errors) {
	e := validation.Errors{}
	in.Position = e.Line("position", in.Position, "position", 1, 120)
	in.CandidateName = e.Line("candidateName", in.CandidateName, "candidate name", 1, 120)
	in.CandidateEmail = e.Email("candidateEmail", in.CandidateEmail)
	in.Campaign = e.Line("campaign", in.Campaign, "campaign name", 0, 120)
	in.TakehomeID = e.Line("takehomeId", in.TakehomeID, "take-home result", 0, 100)
	if in.DurationMinutes != 0 {
		templates.CheckDuration(e, "durationMinutes", in.DurationMinutes)
	}
	zone := strings.TrimSpace(in.TimeZone)
	if zone == "" {
		zone = defaultZone
	}
	switch When(strings.TrimSpace(string(in.When))) {
	case Now:
		if _, ok := loadZone(e, zone); !ok {
			return start{}, e
		}
		return start{at: now.UTC().Truncate(time.Second), zone: zone}, e
	case Later, "":
		at, tz := parseWhen(e, in.StartsAt, zone, now, true)
		return start{at: at, zone: tz}, e
	default:
		e.Add("when", `Choose "now" or "later".`)
		return start{}, e
	}
}

// wallLayouts are the accepted local wall-time forms (from <input type=date/time>).
var wallLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"}

// parseWhen resolves startsAt in zone, recording problems under "startsAt" and
// "timeZone". future demands a start no earlier than a minute ago.
func parseWhen(e validation.Errors, startsAt, zone string, now time.Time, future bool) (time.Time, string) {
	loc, ok := loadZone(e, zone)
	raw := strings.TrimSpace(startsAt)
	if raw == "" {
		e.Add("startsAt", "Choose the date and time of the interview.")
		return time.Time{}, zone
	}
	if !ok {
		return time.Time{}, zone
	}
	t, err := time.Parse(time.RFC3339, raw)
	for _, layout := range wallLayouts {
		if err == nil {
			break
		}
		t, err = time.ParseInLocation(layout, raw, loc)
	}
	if err != nil {
		e.Add("startsAt", "Enter the date and time as YYYY-MM-DDTHH:MM, like 2026-12-01T14:30.")
		return time.Time{}, zone
	}
	if future && t.Before(now.Add(-time.Minute)) {
		e.Add("startsAt", "This time has already passed. Choose a time in the future, or conduct the interview now.")
	}
	if t.After(now.AddDate(2, 0, 0)) {
		e.Add("startsAt", "Choose a time within the next two years.")
	}
	return t.UTC().Truncate(time.Second), zone
}

func loadZone(e validation.Errors, zone string) (*time.Location, bool) {
	_, loc := e.TimeZone("timeZone", zone)
	return loc, loc != nil
}

// organizer is the interview's first interviewer: the account that
// schedules it, else the host's owner.
func (in NewInterview) organizer(owner settings.Person) Person {
	if in.Organizer.Email != "" {
		return in.Organizer
	}
	return Person(owner)
}
