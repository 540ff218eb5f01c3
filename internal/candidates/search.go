package candidates

import (
	"slices"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Since is a search's time filter: candidates active within it.
type Since string

// Time filters. The console's default is Last3Months.
const (
	Last7Days    Since = "7d"
	Last30Days   Since = "30d"
	Last3Months  Since = "3m"
	Last6Months  Since = "6m"
	Last12Months Since = "12m"
	AllTime      Since = "all"
)

// Sinces lists the time filters, shortest first.
func Sinces() []Since {
	return []Since{Last7Days, Last30Days, Last3Months, Last6Months, Last12Months, AllTime}
}

// cutoff is the earliest activity s lets through at now; false for AllTime.
func (s Since) cutoff(now time.Time) (time.Time, bool) {
	switch s {
	case Last7Days:
		return now.AddDate(0, 0, -7), true
	case Last30Days:
		return now.AddDate(0, 0, -30), true
	case Last6Months:
		return now.AddDate(0, -6, 0), true
	case Last12Months:
		return now.AddDate(-1, 0, 0), true
	case AllTime:
		return time.Time{}, false
	}
	return now.AddDate(0, -3, 0), true
}

// Query selects candidates.
type Query struct {
	// Text: every word must be in the name, the email, a position or a
	// campaign, case-insensitively.
	Text string
	// Since is the time filter; "" is Last3Months.
	Since Since
	// Position keeps only candidates who applied for it (compared folded).
	Position string
	// Limit is 100 when 0, at most 1,000.
	Limit int
}

// List is a page of search results and how many matched in all.
type List struct {
	Candidates []Summary `json:"candidates"`
	Total      int       `json:"total"`
}

// Search returns the matching candidates, the latest active first.
func (s *Service) Search(q Query) (List, error) {
	if q.Since != "" && !slices.Contains(Sinces(), q.Since) {
		return List{}, validation.Errors{"since": "Choose a time filter: 7d, 30d, 3m, 6m, 12m or all."}
	}
	if q.Limit <= 0 {
		q.Limit = 100
	}
	q.Limit = min(q.Limit, 1000)
	x, err := s.entries()
	if err != nil {
		return List{}, err
	}
	now := s.now()
	match := matcher(q, now)
	out := List{Candidates: []Summary{}}
	x.mu.RLock()
	defer x.mu.RUnlock()
	for i := range x.items {
		if !match(&x.items[i]) {
			continue
		}
		out.Total++
		if len(out.Candidates) < q.Limit {
			out.Candidates = append(out.Candidates, x.items[i].summaryAt(now))
		}
	}
	return out, nil
}

// matcher is q as a test of one entry.
func matcher(q Query, now time.Time) func(e *entry) bool {
	words := strings.Fields(validation.Fold(q.Text))
	position := validation.Fold(q.Position)
	cutoff, timed := q.Since.cutoff(now)
	return func(e *entry) bool {
		if timed && e.sum.LastActivityAt.Before(cutoff) && e.latestStart.Before(cutoff) {
			return false
		}
		if position != "" && !slices.Contains(e.positions, position) {
			return false
		}
		for _, w := range words {
			if !strings.Contains(e.search, w) {
				return false
			}
		}
		return true
	}
}
