package campaigns

import (
	"errors"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var _ interviews.Hook = Hook

// Hook is the interviews' hook (interviews.Hook) that keeps a campaign's
// seats in step with its interviews: a cancel frees the seat, a restore
// takes it again, a reschedule moves it — and a move into a full slot
// undoes the change. New interviews book in Service.Register instead.
func Hook(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
	if before == nil || after.CampaignID == "" {
		return nil
	}
	var reg Registration
	err := store.GetJSON(tx, store.BucketRegistrations, registrationKey(after.CampaignID, after.ID), &reg)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	was, is := before.Status != interviews.Cancelled, after.Status != interviews.Cancelled
	moved := !before.StartsAt.Equal(after.StartsAt)
	if was == is && (!is || !moved) {
		return nil
	}
	var c Campaign
	if err := get(tx, after.CampaignID, &c); err != nil {
		return err
	}
	if was {
		c.release(before.StartsAt, !is)
	}
	if is {
		if err := c.take(after.StartsAt, !was); err != nil {
			return err
		}
	}
	reg.StartsAt, reg.UpdatedAt, reg.Status = after.StartsAt, after.UpdatedAt, Booked
	if !is {
		reg.Status = Cancelled
	}
	c.UpdatedAt = after.UpdatedAt
	if err := put(tx, c); err != nil {
		return fmt.Errorf("move campaign seat: %w", err)
	}
	return store.PutJSON(tx, store.BucketRegistrations, registrationKey(c.ID, after.ID), reg)
}

// release frees the seat at t; leaving: the registration ends too.
func (c *Campaign) release(t time.Time, leaving bool) {
	if i := c.slot(t); i >= 0 && c.Slots[i].Booked > 0 {
		c.Slots[i].Booked--
	}
	if leaving && c.Registered > 0 {
		c.Registered--
	}
}

// take books a seat at t (a time that is no slot takes none); joining: the
// registration counts again.
func (c *Campaign) take(t time.Time, joining bool) error {
	if i := c.slot(t); i >= 0 {
		if c.Slots[i].Full() {
			return slotFull()
		}
		c.Slots[i].Booked++
	}
	if joining {
		c.Registered++
	}
	return nil
}
