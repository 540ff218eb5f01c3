package interviews

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

// index keeps every interview's summary in memory, ordered by start, so lists
// and searches need no decoding. It is loaded from the interviews_by_start bucket
// on first use and updated after each committed change: bbolt lets only this
// process write the file, so nothing else can change it underneath.
type index struct {
	mu     sync.RWMutex
	loaded bool
	items  []Summary // sorted by (StartsAt, ID)
}

// LoadIndex loads the summaries lists use, unless they are loaded already, so
// that the first list does not wait for them (about 50 ms per 10,000
// interviews). Lists load them on first use anyway.
func (s *Service) LoadIndex() error {
	_, err := s.summaries()
	return err
}

func (s *Service) summaries() (*index, error) {
	s.index.mu.RLock()
	loaded := s.index.loaded
	s.index.mu.RUnlock()
	if loaded {
		return &s.index, nil
	}
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	if s.index.loaded {
		return &s.index, nil
	}
	var items []Summary
	err := s.db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketInterviewsByStart).ForEach(func(k, v []byte) error {
			var e indexEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode index entry %s: %w", k, err)
			}
			e.Summary.interviewers = e.Interviewers
			items = append(items, e.Summary.prepared())
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	s.index.items, s.index.loaded = items, true
	return &s.index, nil
}

// prepared fills the fields lists use but the store does not keep.
func (sm Summary) prepared() Summary {
	sm.search = strings.ToLower(strings.Join([]string{sm.Candidate.Name, sm.Candidate.Email, sm.Position, sm.Campaign}, "\x00"))
	return sm
}

func (sm Summary) tenseAt(now time.Time) Tense {
	switch {
	case sm.Status == Cancelled:
		return CancelledList
	case sm.Status == Finished || !sm.EndsAt.After(now):
		return Past
	default:
		return Upcoming
	}
}

func less(a, b Summary) bool {
	if !a.StartsAt.Equal(b.StartsAt) {
		return a.StartsAt.Before(b.StartsAt)
	}
	return a.ID < b.ID
}

// put replaces the entry that started at oldStart (zero: none) with sm. Before
// the index is loaded there is nothing to keep up to date.
func (x *index) put(sm Summary, oldStart time.Time) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.loaded {
		return
	}
	if !oldStart.IsZero() {
		old := Summary{StartsAt: oldStart, ID: sm.ID}
		i := sort.Search(len(x.items), func(i int) bool { return !less(x.items[i], old) })
		if i < len(x.items) && x.items[i].ID == sm.ID {
			x.items = append(x.items[:i], x.items[i+1:]...)
		}
	}
	sm = sm.prepared()
	i := sort.Search(len(x.items), func(i int) bool { return !less(x.items[i], sm) })
	x.items = append(x.items, Summary{})
	copy(x.items[i+1:], x.items[i:])
	x.items[i] = sm
}

// each visits summaries forward from the first starting at from, or backward
// from the last.
func (x *index) each(forward bool, from time.Time, visit func(Summary)) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if !forward {
		for i := len(x.items) - 1; i >= 0; i-- {
			visit(x.items[i])
		}
		return
	}
	start := sort.Search(len(x.items), func(i int) bool { return !x.items[i].StartsAt.Before(from) })
	for _, sm := range x.items[start:] {
		visit(sm)
	}
}

// remove drops interview id, which started at start, from the index.
func (x *index) remove(id string, start time.Time) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.loaded {
		return
	}
	key := Summary{StartsAt: start, ID: id}
	i := sort.Search(len(x.items), func(i int) bool { return !less(x.items[i], key) })
	if i < len(x.items) && x.items[i].ID == id {
		x.items = append(x.items[:i], x.items[i+1:]...)
	}
}
