package mail

import (
	"encoding/json"
	"fmt"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Letter is an outbox entry with its message's text, for a person's copy of
// what was sent to them (the calendar object is left out).
type Letter struct {
	Entry
	Text string `json:"text"`
}

// Letters returns the entries for ref in tx, oldest first, with their text.
func Letters(tx *store.Tx, ref string) ([]Letter, error) {
	var out []Letter
	err := forEachRecord(tx, func(r *record) (bool, error) {
		if r.Ref == ref {
			out = append(out, Letter{Entry: r.Entry, Text: r.Message.Text})
		}
		return false, nil
	})
	if err != nil {
		return nil, fmt.Errorf("outbox of %s: %w", ref, err)
	}
	return out, nil
}

// DeleteRef removes every entry for ref in tx, sent or not, and returns how
// many there were. One being sent right now may still go out; its result is
// then not stored.
func DeleteRef(tx *store.Tx, ref string) (int, error) {
	n, err := store.DeleteWhere(store.BucketOf(tx, store.BucketOutbox), func(_, v []byte) bool {
		var r struct{ Ref string }
		return json.Unmarshal(v, &r) == nil && r.Ref == ref
	})
	if err != nil {
		return 0, fmt.Errorf("delete the outbox of %s: %w", ref, err)
	}
	return n, nil
}
