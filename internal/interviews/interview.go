package interviews

import (
	"slices"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// Status is where an interview is in its life.
type Status string

// Statuses.
const (
	Scheduled Status = "scheduled"
	Cancelled Status = "cancelled"
	Finished  Status = "finished"
)

// Tense is the list an interview belongs to at a given moment.
type Tense string

// Tenses.
const (
	Upcoming      Tense = "upcoming"
	Past          Tense = "past"
	CancelledList Tense = "cancelled"
)

// LinkExpiry is how long after its planned end an unfinished interview's links
// keep working.
const LinkExpiry = 12 * time.Hour

// Person is a name and a mailbox.
type Person struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Interviewer is a person with their own room link token and participant ID.
type Interviewer struct {
	Person
	Token       string              `json:"token"`
	Participant links.ParticipantID `json:"participant"`
	// ResultsToken is their read-only link to the interview's results, made
	// the first time they ask for it after the interview.
	ResultsToken string `json:"resultsToken,omitempty"`
}

// Tools are the room tools switched on for an interview.
type Tools struct {
	LiveCode   bool `json:"liveCode"`
	Whiteboard bool `json:"whiteboard"`
}

// TemplateRef describes the template an interview was created from.
type TemplateRef struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Specialization string `json:"specialization"`
	Technical      bool   `json:"technical"`
	TopicCount     int    `json:"topicCount"`
	QuestionCount  int    `json:"questionCount"`
}

// Interview is a stored interview.
type Interview struct {
	ID             string `json:"id"`
	Position       string `json:"position"`
	Candidate      Person `json:"candidate"`
	CandidateToken string `json:"candidateToken"`
	Campaign       string `json:"campaign"`
	// CampaignID names the campaign the candidate registered through
	// (internal/campaigns); "" for an interview scheduled directly.
	CampaignID      string               `json:"campaignId,omitempty"`
	StartsAt        time.Time            `json:"startsAt"`
	TimeZone        string               `json:"timeZone"`
	DurationMinutes int                  `json:"durationMinutes"`
	Status          Status               `json:"status"`
	Template        TemplateRef          `json:"template"`
	Plan            []templates.Topic    `json:"plan"`
	Questions       []templates.Question `json:"questions"`
	Interviewers    []Interviewer        `json:"interviewers"`
	Tools           Tools                `json:"tools"`
	Sequence        int                  `json:"sequence"`
	// ResultsClosed is set once the results links were revoked: no new
	// ones are made.
	ResultsClosed bool      `json:"resultsClosed,omitempty"`
	CreatedAt     time.Time `json:"createdAt"`
	UpdatedAt     time.Time `json:"updatedAt"`
	// TakehomeID names the candidate's take-home assessment result the
	// interviewers review in the room (internal/candidates); "" for none.
	TakehomeID string `json:"takehomeId,omitempty"`
}

// EndsAt is the planned end.
func (iv Interview) EndsAt() time.Time {
	return iv.StartsAt.Add(time.Duration(iv.DurationMinutes) * time.Minute)
}

// TenseAt says which list iv belongs to at now.
func (iv Interview) TenseAt(now time.Time) Tense { return iv.Summary().tenseAt(now) }

// Expired reports whether iv's links no longer open a room at now.
func (iv Interview) Expired(now time.Time) bool {
	return iv.Status == Scheduled && now.After(iv.EndsAt().Add(LinkExpiry))
}

// Location returns the interview's zone (UTC if it cannot be loaded).
func (iv Interview) Location() *time.Location {
	if loc, err := time.LoadLocation(iv.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// Summary is an interview as lists show it; it is also the index value.
type Summary struct {
	ID           string    `json:"id"`
	Position     string    `json:"position"`
	Candidate    Person    `json:"candidate"`
	Campaign     string    `json:"campaign"`
	CampaignID   string    `json:"campaignId,omitempty"`
	StartsAt     time.Time `json:"startsAt"`
	TimeZone     string    `json:"timeZone"`
	EndsAt       time.Time `json:"endsAt"`
	Status       Status    `json:"status"`
	Tense        Tense     `json:"tense"` // the list it is in when read; "" as stored
	TemplateName string    `json:"templateName"`

	search string // lower-case name, email, position and campaign, for List
	// interviewers are the interviewers' lower-case emails, for the lists
	// of one interviewer's interviews.
	interviewers []string
}

// TenseAt says which list sm belongs to at now.
func (sm Summary) TenseAt(now time.Time) Tense { return sm.tenseAt(now) }

// Summary condenses iv; Tense is filled in when read.
func (iv Interview) Summary() Summary {
	sm := Summary{ID: iv.ID, Position: iv.Position, Candidate: iv.Candidate, Campaign: iv.Campaign,
		CampaignID: iv.CampaignID, StartsAt: iv.StartsAt, TimeZone: iv.TimeZone, EndsAt: iv.EndsAt(), Status: iv.Status,
		TemplateName: iv.Template.Name}
	for _, in := range iv.Interviewers {
		sm.interviewers = append(sm.interviewers, strings.ToLower(strings.TrimSpace(in.Email)))
	}
	return sm
}

// indexEntry is a Summary as interviews_by_start keeps it: with the
// interviewers' emails (since schema 10).
type indexEntry struct {
	Summary
	Interviewers []string `json:"interviewerEmails,omitempty"`
}

func (sm Summary) entry() indexEntry { return indexEntry{Summary: sm, Interviewers: sm.interviewers} }

// has reports whether email is among the interviewers.
func (sm Summary) has(email string) bool {
	return slices.Contains(sm.interviewers, strings.ToLower(strings.TrimSpace(email)))
}

// Role is what a link lets its holder do in an interview.
type Role = links.Kind

// Roles.
const (
	RoleCandidate   = links.Candidate
	RoleInterviewer = links.Interviewer
)

// Link is the stored meaning of a link token.
type Link = links.Link

// Participant returns the participant ID of the interviewer with email, or of
// the candidate for RoleCandidate.
func (iv Interview) Participant(role Role, email string) (links.ParticipantID, string, bool) {
	if role == RoleCandidate {
		return links.CandidateParticipant, iv.Candidate.Name, true
	}
	for _, in := range iv.Interviewers {
		if strings.EqualFold(in.Email, email) {
			return in.Participant, in.Name, true
		}
	}
	return "", "", false
}

// ParticipantNames maps iv's participant IDs to the people's names.
func (iv Interview) ParticipantNames() map[links.ParticipantID]string {
	names := map[links.ParticipantID]string{links.CandidateParticipant: iv.Candidate.Name}
	for _, in := range iv.Interviewers {
		names[in.Participant] = in.Name
	}
	return names
}
