package campaigns

import (
	"errors"
	"fmt"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// InterviewDeleted removes the registration of interview iv, deleted for
// good, inside the deletion's transaction: the registration (name, email,
// consent) and its address key go, and a seat it still held is freed.
func InterviewDeleted(tx *store.Tx, iv interviews.Interview) error {
	if iv.CampaignID == "" {
		return nil
	}
	var reg Registration
	err := store.GetJSON(tx, store.BucketRegistrations, registrationKey(iv.CampaignID, iv.ID), &reg)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if reg.Status == Booked {
		var c Campaign
		if err := get(tx, iv.CampaignID, &c); err != nil {
			return err
		}
		c.release(reg.StartsAt, true)
		if err := put(tx, c); err != nil {
			return fmt.Errorf("free the seat of interview %s: %w", iv.ID, err)
		}
	}
	b := store.BucketOf(tx, store.BucketRegistrations)
	if string(b.Get(emailKey(iv.CampaignID, reg.Email))) == iv.ID {
		if err := b.Delete(emailKey(iv.CampaignID, reg.Email)); err != nil {
			return fmt.Errorf("delete the registration of interview %s: %w", iv.ID, err)
		}
	}
	if err := b.Delete(registrationKey(iv.CampaignID, iv.ID)); err != nil {
		return fmt.Errorf("delete the registration of interview %s: %w", iv.ID, err)
	}
	return nil
}
