package campaigns

import (
	"fmt"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// CandidateBooking is a campaign interview as its candidate's own link
// shows it: their time, whether they may still change it, and the times
// they could move to.
type CandidateBooking struct {
	Position        string             `json:"position"`
	Campaign        string             `json:"campaign"`
	Mode            Mode               `json:"mode"`
	StartsAt        time.Time          `json:"startsAt"`
	DurationMinutes int                `json:"durationMinutes"`
	Status          RegistrationStatus `json:"status"`
	// CanChange: the candidate may reschedule or cancel until ChangeUntil.
	CanChange   bool         `json:"canChange"`
	ChangeUntil time.Time    `json:"changeUntil,omitzero"`
	Rule        string       `json:"rule"` // the recruiter's rule in words
	Slots       []PublicSlot `json:"slots"`
}

// booking is what a candidate link resolves to.
type booking struct {
	iv  interviews.Interview
	c   Campaign
	reg Registration
}

func (s *Service) bookingOf(candidateToken string) (booking, error) {
	iv, l, err := s.interviews.ResolveLink(candidateToken)
	if err != nil || l.Kind != interviews.RoleCandidate || iv.CampaignID == "" {
		return booking{}, fmt.Errorf("campaign booking: %w", ErrNotFound)
	}
	b := booking{iv: iv}
	err = s.db.View(func(tx *store.Tx) error {
		if err := get(tx, iv.CampaignID, &b.c); err != nil {
			return err
		}
		return store.GetJSON(tx, store.BucketRegistrations, registrationKey(iv.CampaignID, iv.ID), &b.reg)
	})
	return b, err
}

// view is b as its candidate sees it at now.
func (b booking) view(now time.Time) CandidateBooking {
	v := CandidateBooking{Position: b.iv.Position, Campaign: b.c.Name, Mode: b.c.Mode, StartsAt: b.iv.StartsAt,
		DurationMinutes: b.iv.DurationMinutes, Status: b.reg.Status, Rule: b.c.rule(), Slots: []PublicSlot{}}
	if b.iv.Status == interviews.Cancelled {
		v.Status = Cancelled
	}
	until := b.iv.StartsAt.Add(-time.Duration(b.c.ChangeHours) * time.Hour)
	if b.c.CandidateChanges && b.iv.Status == interviews.Scheduled && b.c.Mode == SlotsMode {
		v.ChangeUntil = until
		v.CanChange = now.Before(until)
	}
	if v.CanChange {
		v.Slots = b.c.openSlots(now)
	}
	return v
}

// rule is the campaign's change rule in words.
func (c *Campaign) rule() string {
	switch {
	case !c.CandidateChanges || c.Mode == NowMode:
		return "To change or cancel your interview, reply to your invitation email."
	case c.ChangeHours == 0:
		return "You can reschedule or cancel until the interview starts."
	}
	return fmt.Sprintf("You can reschedule or cancel up to %d hours before the interview.", c.ChangeHours)
}

// Booking returns the campaign booking behind a candidate's own link.
func (s *Service) Booking(candidateToken string) (CandidateBooking, error) {
	b, err := s.bookingOf(candidateToken)
	if err != nil {
		return CandidateBooking{}, err
	}
	return b.view(s.now()), nil
}

// changeable returns b if its candidate may change it at now.
func (s *Service) changeable(candidateToken string) (booking, error) {
	b, err := s.bookingOf(candidateToken)
	if err != nil {
		return b, err
	}
	if v := b.view(s.now()); !v.CanChange {
		return b, fault.Explain(fault.Conflict, ErrNotAllowed, "This interview can no longer be changed here. "+v.Rule)
	}
	return b, nil
}

// Reschedule moves the candidate's interview to another of the campaign's
// slots; the seat moves in the same transaction (Hook).
func (s *Service) Reschedule(candidateToken, startsAt string) (CandidateBooking, error) {
	b, err := s.changeable(candidateToken)
	if err != nil {
		return CandidateBooking{}, err
	}
	at, err := time.Parse(time.RFC3339, strings.TrimSpace(startsAt))
	i := b.c.slot(at)
	switch {
	case err != nil || i < 0:
		return CandidateBooking{}, validation.Errors{"startsAt": "Choose one of the times listed."}
	case !at.After(s.now()):
		return CandidateBooking{}, validation.Errors{"startsAt": "This time has passed. Choose a later one."}
	case at.Equal(b.iv.StartsAt):
		return b.view(s.now()), nil
	}
	if _, err := s.interviews.Reschedule(b.iv.ID, at.UTC().Format(time.RFC3339), ""); err != nil {
		return CandidateBooking{}, err
	}
	return s.Booking(candidateToken)
}

// Cancel cancels the candidate's interview and frees its seat.
func (s *Service) Cancel(candidateToken string) (CandidateBooking, error) {
	b, err := s.changeable(candidateToken)
	if err != nil {
		return CandidateBooking{}, err
	}
	if _, err := s.interviews.Cancel(b.iv.ID); err != nil {
		return CandidateBooking{}, err
	}
	b.iv.Status, b.reg.Status = interviews.Cancelled, Cancelled
	return b.view(s.now()), nil
}
