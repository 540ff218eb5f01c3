package candidates

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Forgetting: an interview deleted for good leaves its candidate's profile
// (without it); a candidate erased leaves nothing.

// InterviewDeleted unlinks interview id, deleted for good, from its
// candidate inside the deletion's transaction. The candidate keeps their
// profile, stages and history.
func (s *Service) InterviewDeleted(tx *store.Tx, id string) error {
	links := store.BucketOf(tx, store.BucketInterviewCandidates)
	linked := links.Get([]byte(id))
	if linked == nil {
		return nil
	}
	var c Candidate
	if err := get(tx, string(linked), &c); err != nil {
		return err
	}
	if i := c.interviewIndex(id); i >= 0 {
		c.Interviews = append(c.Interviews[:i:i], c.Interviews[i+1:]...)
	}
	if err := s.save(tx, &c, s.now().UTC()); err != nil {
		return err
	}
	if err := links.Delete([]byte(id)); err != nil {
		return fmt.Errorf("unlink interview %s: %w", id, err)
	}
	return nil
}

// Erased says what Erase removed.
type Erased struct {
	// Profile is whether there was a candidate with the address.
	Profile bool `json:"profile"`
	// Results counts the take-home results removed with them.
	Results int `json:"results"`
}

// Erase removes the candidate whose address (now or earlier) is email with
// everything kept with them, inside tx: the profile, every address of
// theirs, their take-home results. Interviews are not the candidates'
// to delete: delete them first.
func (s *Service) Erase(tx *store.Tx, email string) (Erased, error) {
	c, found, err := byEmail(tx, email)
	if err != nil || !found {
		return Erased{}, err
	}
	out := Erased{Profile: true}
	if err := store.BucketOf(tx, store.BucketCandidates).Delete([]byte(c.ID)); err != nil {
		return out, fmt.Errorf("erase candidate %s: %w", c.ID, err)
	}
	if _, err := store.DeleteWhere(store.BucketOf(tx, store.BucketCandidateEmails), func(_, v []byte) bool { return string(v) == c.ID }); err != nil {
		return out, err
	}
	if _, err := store.DeleteWhere(store.BucketOf(tx, store.BucketInterviewCandidates), func(_, v []byte) bool { return string(v) == c.ID }); err != nil {
		return out, err
	}
	results := map[string]bool{}
	out.Results, err = store.DeleteWhere(store.BucketOf(tx, store.BucketTakehome), func(k, v []byte) bool {
		var r struct{ CandidateID string }
		mine := json.Unmarshal(v, &r) == nil && r.CandidateID == c.ID
		if mine {
			results[string(k)] = true
		}
		return mine
	})
	if err != nil {
		return out, err
	}
	if _, err := store.DeleteWhere(store.BucketOf(tx, store.BucketTakehomeKeys), func(_, v []byte) bool { return results[string(v)] }); err != nil {
		return out, err
	}
	tx.OnCommit(func() { s.index.remove(c.ID) })
	return out, nil
}

// ResultsOf returns the full take-home results of the candidate with email,
// for their copy of their data.
func (s *Service) ResultsOf(email string) (Candidate, []Result, bool, error) {
	var (
		c     Candidate
		found bool
		out   []Result
	)
	err := s.db.View(func(tx *store.Tx) error {
		var err error
		if c, found, err = byEmail(tx, email); err != nil || !found {
			return err
		}
		for _, sm := range c.Takehome {
			var r Result
			if err := getResult(tx, sm.ID, &r); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return s.present(c), out, found, err
}

// Inactive returns the candidates whose last activity was before cutoff,
// with their interviews, for retention.
func (s *Service) Inactive(cutoff time.Time) ([]Candidate, error) {
	var out []Candidate
	err := s.db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketCandidates).ForEach(func(k, v []byte) error {
			var c Candidate
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode candidate %s: %w", k, err)
			}
			if c.LastActivityAt.Before(cutoff) {
				out = append(out, c)
			}
			return nil
		})
	})
	return out, err
}
