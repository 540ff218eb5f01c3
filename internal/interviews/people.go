package interviews

import (
	"fmt"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

// knownFrom is how many of the latest interviews KnownInterviewers reads: the
// people a recruiter interviews with now, without decoding years of history.
const knownFrom = 2000

// KnownInterviewers lists the people who interviewed in earlier interviews
// (any status), each once (emails compared case-insensitively), the most
// recently scheduled first, at most limit (0: no limit). People without an
// email address are left out: an interviewer is added by email.
func (s *Service) KnownInterviewers(limit int) ([]Person, error) {
	idx, err := s.summaries()
	if err != nil {
		return nil, fmt.Errorf("known interviewers: %w", err)
	}
	var ids []string
	idx.each(false, time.Time{}, func(sm Summary) {
		if len(ids) < knownFrom {
			ids = append(ids, sm.ID)
		}
	})
	out := []Person{}
	seen := map[string]bool{}
	err = s.db.View(func(tx *store.Tx) error {
		for _, id := range ids {
			var iv struct {
				Interviewers []Person `json:"interviewers"`
			}
			if err := store.GetJSON(tx, store.BucketInterviews, []byte(id), &iv); err != nil {
				return fmt.Errorf("interview %q: %w", id, err)
			}
			for _, p := range iv.Interviewers {
				key := strings.ToLower(strings.TrimSpace(p.Email))
				if key == "" || seen[key] || (limit > 0 && len(out) >= limit) {
					continue
				}
				seen[key] = true
				out = append(out, Person{Name: strings.TrimSpace(p.Name), Email: strings.TrimSpace(p.Email)})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("known interviewers: %w", err)
	}
	return out, nil
}
