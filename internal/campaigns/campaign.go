package campaigns

import (
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// Mode is how candidates get their time.
type Mode string

// Modes.
const (
	SlotsMode Mode = "slots" // they pick one of the campaign's slots
	NowMode   Mode = "now"   // they are interviewed as soon as they register
)

// Status says whether a campaign takes registrations.
type Status string

// Statuses.
const (
	Open   Status = "open"
	Closed Status = "closed"
)

// Slot is one start time candidates can book, with its seats.
type Slot struct {
	StartsAt        time.Time `json:"startsAt"`
	DurationMinutes int       `json:"durationMinutes"`
	Capacity        int       `json:"capacity"`
	Booked          int       `json:"booked"`
}

// Full reports whether sl has no seat left.
func (sl Slot) Full() bool { return sl.Booked >= sl.Capacity }

// Campaign is a stored campaign.
type Campaign struct {
	ID           string              `json:"id"`
	Name         string              `json:"name"`
	Position     string              `json:"position"`
	TemplateID   string              `json:"templateId"`
	TemplateName string              `json:"templateName"`
	Interviewers []interviews.Person `json:"interviewers"`
	TimeZone     string              `json:"timeZone"`
	Mode         Mode                `json:"mode"`
	// DurationMinutes is each interview's length in "interview now" mode
	// and the default for slots.
	DurationMinutes int    `json:"durationMinutes"`
	Slots           []Slot `json:"slots"`
	// Deadline ends registration; zero: none.
	Deadline time.Time `json:"deadline,omitzero"`
	// MaxCandidates bounds the registrations in all; 0: no bound.
	MaxCandidates int `json:"maxCandidates"`
	// ChangeHours is how many hours before the start a candidate may still
	// reschedule or cancel from their own link; CandidateChanges off: never.
	CandidateChanges bool      `json:"candidateChanges"`
	ChangeHours      int       `json:"changeHours"`
	Status           Status    `json:"status"`
	Token            string    `json:"token"`
	Registered       int       `json:"registered"` // registrations not cancelled
	CreatedAt        time.Time `json:"createdAt"`
	UpdatedAt        time.Time `json:"updatedAt"`
}

// slot returns the index of the slot starting at t, or -1.
func (c *Campaign) slot(t time.Time) int {
	for i, sl := range c.Slots {
		if sl.StartsAt.Equal(t) {
			return i
		}
	}
	return -1
}

// Summary is a campaign as the list shows it.
type Summary struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Position   string    `json:"position"`
	Mode       Mode      `json:"mode"`
	Status     Status    `json:"status"`
	State      State     `json:"state"`
	Seats      int       `json:"seats"`  // seats in future slots
	Booked     int       `json:"booked"` // of them booked
	Registered int       `json:"registered"`
	Token      string    `json:"token"`
	Deadline   time.Time `json:"deadline,omitzero"`
	CreatedAt  time.Time `json:"createdAt"`
}

// State is what the shared link answers now.
type State string

// States.
const (
	Accepting State = "open"    // registration works
	Shut      State = "closed"  // the recruiter closed it
	Filled    State = "full"    // no seat (or candidate place) left
	Expired   State = "expired" // past its deadline or its last slot
)

// StateAt is what the shared link answers at now.
func (c *Campaign) StateAt(now time.Time) State {
	switch {
	case c.Status == Closed:
		return Shut
	case !c.Deadline.IsZero() && !now.Before(c.Deadline):
		return Expired
	case c.MaxCandidates > 0 && c.Registered >= c.MaxCandidates:
		return Filled
	case c.Mode == NowMode:
		return Accepting
	}
	future, free := 0, 0
	for _, sl := range c.Slots {
		if sl.StartsAt.After(now) {
			future++
			if !sl.Full() {
				free++
			}
		}
	}
	switch {
	case future == 0:
		return Expired
	case free == 0:
		return Filled
	}
	return Accepting
}

// Summary condenses c at now.
func (c *Campaign) Summary(now time.Time) Summary {
	sm := Summary{ID: c.ID, Name: c.Name, Position: c.Position, Mode: c.Mode, Status: c.Status, State: c.StateAt(now),
		Registered: c.Registered, Token: c.Token, Deadline: c.Deadline, CreatedAt: c.CreatedAt}
	for _, sl := range c.Slots {
		if sl.StartsAt.After(now) {
			sm.Seats += sl.Capacity
			sm.Booked += sl.Booked
		}
	}
	return sm
}

// RegistrationStatus says whether a registration holds its seat.
type RegistrationStatus string

// Registration statuses.
const (
	Booked    RegistrationStatus = "booked"
	Cancelled RegistrationStatus = "cancelled"
)

// Consent is what the candidate agreed to when registering, as the room's
// own consent boxes ask it.
type Consent struct {
	PersonalData    bool `json:"personalData"`
	AIAnalysis      bool `json:"aiAnalysis"`
	RecordingNotice bool `json:"recordingNotice"`
	// TextsVersion names the consent texts the page showed (Public.Consent).
	TextsVersion string `json:"textsVersion,omitempty"`
}

// Registration is one candidate's registration: its interview holds the rest.
type Registration struct {
	InterviewID  string             `json:"interviewId"`
	CampaignID   string             `json:"campaignId"`
	Name         string             `json:"name"`
	Email        string             `json:"email"`
	StartsAt     time.Time          `json:"startsAt"`
	Status       RegistrationStatus `json:"status"`
	Consent      Consent            `json:"consent"`
	TimeZone     string             `json:"timeZone"` // the candidate's
	RegisteredAt time.Time          `json:"registeredAt"`
	UpdatedAt    time.Time          `json:"updatedAt"`
}
