package campaigns

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Public is a campaign as its shared link shows it: nothing about anyone
// who registered, only whether each time has seats left.
type Public struct {
	Name             string       `json:"name"`
	Position         string       `json:"position"`
	Mode             Mode         `json:"mode"`
	TimeZone         string       `json:"timeZone"`
	DurationMinutes  int          `json:"durationMinutes"`
	Deadline         time.Time    `json:"deadline,omitzero"`
	State            State        `json:"state"`
	Slots            []PublicSlot `json:"slots"`
	CandidateChanges bool         `json:"candidateChanges"`
	ChangeHours      int          `json:"changeHours"`
	// Consent is the consent boxes' texts, as the room shows them.
	Consent consent.Texts `json:"consent"`
}

// PublicSlot is a bookable time; SeatsLeft 0 is full.
type PublicSlot struct {
	StartsAt        time.Time `json:"startsAt"`
	DurationMinutes int       `json:"durationMinutes"`
	SeatsLeft       int       `json:"seatsLeft"`
}

// public is c as the shared link shows it at now.
func (c *Campaign) public(now time.Time) Public {
	p := Public{Name: c.Name, Position: c.Position, Mode: c.Mode, TimeZone: c.TimeZone, DurationMinutes: c.DurationMinutes,
		Deadline: c.Deadline, State: c.StateAt(now), Slots: c.openSlots(now), CandidateChanges: c.CandidateChanges,
		ChangeHours: c.ChangeHours, Consent: consent.Current()}
	return p
}

// openSlots are c's future slots with their seats left.
func (c *Campaign) openSlots(now time.Time) []PublicSlot {
	out := []PublicSlot{}
	for _, sl := range c.Slots {
		if sl.StartsAt.After(now) {
			out = append(out, PublicSlot{StartsAt: sl.StartsAt, DurationMinutes: sl.DurationMinutes, SeatsLeft: max(sl.Capacity-sl.Booked, 0)})
		}
	}
	return out
}

// ByToken returns the campaign behind a shared link.
func (s *Service) ByToken(token string) (Campaign, error) {
	var c Campaign
	err := s.db.View(func(tx *store.Tx) error {
		l, err := links.Lookup(tx, token)
		if err != nil || l.Kind != links.Campaign {
			return fmt.Errorf("campaign link: %w", ErrNotFound)
		}
		return get(tx, l.CampaignID, &c)
	})
	return c, err
}

// Public returns the shared link's view of its campaign.
func (s *Service) Public(token string) (Public, error) {
	c, err := s.ByToken(token)
	if err != nil {
		return Public{}, err
	}
	return c.public(s.now()), nil
}

// Registrant is what a candidate fills in on the shared link's page.
type Registrant struct {
	Name    string  `json:"name"`
	Email   string  `json:"email"`
	Consent Consent `json:"consent"`
	// StartsAt is the chosen slot (RFC 3339); not used in "now" mode.
	StartsAt string `json:"startsAt,omitempty"`
	// TimeZone is the candidate's own zone; "" or unknown: the campaign's.
	TimeZone string `json:"timeZone,omitempty"`
}

// Result is what registering did.
type Result struct {
	Registration Registration
	Interview    interviews.Interview
	// Existing: the address had registered before; nothing new was booked.
	Existing bool
}

// Register books the candidate through the campaign behind token and
// creates their interview, or finds the booking their address already has.
func (s *Service) Register(token string, in Registrant) (Result, error) {
	c, err := s.ByToken(token)
	if err != nil {
		return Result{}, err
	}
	e := validation.Errors{}
	in.Name = e.Line("name", in.Name, "name", 1, 120)
	in.Email = e.Email("email", in.Email)
	if !in.Consent.PersonalData {
		e.Add("consent.personalData", "Tick the box to agree to the processing of your personal data: the interview needs it.")
	}
	if err := e.Err(); err != nil {
		return Result{}, err
	}
	if r, ok, err := s.existing(c.ID, in.Email); err != nil || ok {
		return r, err
	}
	if err := stateError(c, s.now()); err != nil {
		return Result{}, err
	}
	nv, at, err := c.newInterview(in, s.now())
	if err != nil {
		return Result{}, err
	}
	reg := Registration{CampaignID: c.ID, Name: in.Name, Email: in.Email, Status: Booked, Consent: in.Consent,
		TimeZone: nv.TimeZone}
	iv, err := s.interviews.CreateBooked(nv, interviews.Booking{CampaignID: c.ID, Interviewers: c.Interviewers,
		Book: s.book(c.ID, &reg, at)})
	if errors.Is(err, errRegistered) {
		r, _, err := s.existing(c.ID, in.Email)
		return r, err
	}
	if err != nil {
		return Result{}, err
	}
	return Result{Registration: reg, Interview: iv}, nil
}

// existing finds the booking in.Email holds in campaign id.
func (s *Service) existing(id, email string) (Result, bool, error) {
	var r Result
	err := s.db.View(func(tx *store.Tx) error {
		ivID := store.BucketOf(tx, store.BucketRegistrations).Get(emailKey(id, email))
		if ivID == nil {
			return nil
		}
		return store.GetJSON(tx, store.BucketRegistrations, registrationKey(id, string(ivID)), &r.Registration)
	})
	if err != nil || r.Registration.Status != Booked {
		return Result{}, false, err
	}
	r.Existing = true
	r.Interview, err = s.interviews.Get(r.Registration.InterviewID)
	return r, err == nil, err
}

// newInterview is the interview in books in c at now, and the slot's start.
func (c *Campaign) newInterview(in Registrant, now time.Time) (interviews.NewInterview, time.Time, error) {
	zone := c.TimeZone
	if validation.IsTimeZone(strings.TrimSpace(in.TimeZone)) {
		zone = strings.TrimSpace(in.TimeZone)
	}
	nv := interviews.NewInterview{TemplateID: c.TemplateID, Position: c.Position, CandidateName: in.Name,
		CandidateEmail: in.Email, Campaign: c.Name, TimeZone: zone, DurationMinutes: c.DurationMinutes}
	if c.Mode == NowMode {
		nv.When = interviews.Now
		return nv, time.Time{}, nil
	}
	at, err := time.Parse(time.RFC3339, strings.TrimSpace(in.StartsAt))
	i := c.slot(at)
	switch {
	case err != nil || i < 0:
		return nv, at, validation.Errors{"startsAt": "Choose one of the times listed."}
	case !c.Slots[i].StartsAt.After(now):
		return nv, at, validation.Errors{"startsAt": "This time has passed. Choose a later one."}
	}
	nv.When, nv.StartsAt, nv.DurationMinutes = interviews.Later, at.UTC().Format(time.RFC3339), c.Slots[i].DurationMinutes
	return nv, at, nil
}

// book is the registration's part of the new interview's transaction: it
// re-reads the campaign, so what it checks is what commits.
func (s *Service) book(id string, reg *Registration, at time.Time) func(tx *store.Tx, iv interviews.Interview) error {
	return func(tx *store.Tx, iv interviews.Interview) error {
		var c Campaign
		if err := get(tx, id, &c); err != nil {
			return err
		}
		now := s.now().UTC()
		if err := stateError(c, now); err != nil {
			return err
		}
		regs := store.BucketOf(tx, store.BucketRegistrations)
		if prev := regs.Get(emailKey(id, reg.Email)); prev != nil {
			var old Registration
			if err := store.GetJSON(tx, store.BucketRegistrations, registrationKey(id, string(prev)), &old); err != nil || old.Status == Booked {
				return errRegistered
			}
		}
		if c.Mode == SlotsMode {
			i := c.slot(at)
			if i < 0 || c.Slots[i].Full() {
				return slotFull()
			}
			c.Slots[i].Booked++
		}
		c.Registered++
		c.UpdatedAt = now
		if err := put(tx, c); err != nil {
			return err
		}
		reg.InterviewID, reg.StartsAt, reg.RegisteredAt, reg.UpdatedAt = iv.ID, iv.StartsAt, now, now
		if err := store.PutJSON(tx, store.BucketRegistrations, registrationKey(id, iv.ID), reg); err != nil {
			return err
		}
		return regs.Put(emailKey(id, reg.Email), []byte(iv.ID))
	}
}

func slotFull() error {
	return fault.Explain(fault.Conflict, ErrSlotFull, "Someone has just taken the last seat at this time. Choose another time.")
}

// stateError says why c takes no registration at now, or nil.
func stateError(c Campaign, now time.Time) error {
	switch c.StateAt(now) {
	case Shut:
		return unavailable("Registration for " + c.Position + " is closed. Contact the company that shared this link if you expected it to be open.")
	case Expired:
		return unavailable("Registration for " + c.Position + " has ended.")
	case Filled:
		return unavailable("Every interview time for " + c.Position + " is taken.")
	}
	return nil
}
