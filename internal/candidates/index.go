package candidates

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Summary is a candidate as search results and the pipeline show them.
type Summary struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Email        string        `json:"email"`
	Applications []Application `json:"applications"`
	// Campaigns are the campaigns of the candidate's interviews.
	Campaigns      []string  `json:"campaigns"`
	Interviews     int       `json:"interviews"`
	Takehome       int       `json:"takehome"`
	LastActivityAt time.Time `json:"lastActivityAt"`
	// NextInterviewAt is the start of the next scheduled interview, if any.
	NextInterviewAt *time.Time `json:"nextInterviewAt,omitempty"`
}

// window is a scheduled interview's time.
type window struct{ start, end time.Time }

// entry is a candidate in the search index.
type entry struct {
	sum       Summary // without NextInterviewAt, which depends on the time of reading
	scheduled []window
	// latestStart is the latest start of an interview that was not cancelled:
	// an interview planned for later keeps its candidate in recent searches.
	latestStart time.Time
	search      string   // folded name, email, positions and campaigns
	positions   []string // folded
	rev         int
}

func entryOf(c Candidate) entry {
	e := entry{rev: c.Revision, sum: Summary{ID: c.ID, Name: c.Name, Email: c.Email,
		Applications: orEmpty(slices.Clone(c.Applications)), Interviews: len(c.Interviews), Takehome: len(c.Takehome),
		LastActivityAt: c.LastActivityAt, Campaigns: []string{}}}
	parts := []string{c.Name, c.Email}
	for _, a := range c.Applications {
		parts = append(parts, a.Position)
		e.positions = append(e.positions, validation.Fold(a.Position))
	}
	for _, iv := range c.Interviews {
		if iv.Campaign != "" && !slices.Contains(e.sum.Campaigns, iv.Campaign) {
			e.sum.Campaigns = append(e.sum.Campaigns, iv.Campaign)
			parts = append(parts, iv.Campaign)
		}
		if iv.Status == interviews.Cancelled {
			continue
		}
		if iv.StartsAt.After(e.latestStart) {
			e.latestStart = iv.StartsAt
		}
		if iv.Status == interviews.Scheduled {
			e.scheduled = append(e.scheduled, window{iv.StartsAt, iv.EndsAt})
		}
	}
	slices.SortFunc(e.scheduled, func(a, b window) int { return a.start.Compare(b.start) })
	e.search = validation.Fold(strings.Join(parts, "\x00"))
	return e
}

// summaryAt is e's summary as of now.
func (e entry) summaryAt(now time.Time) Summary {
	sm := e.sum
	for _, w := range e.scheduled {
		if w.end.After(now) {
			start := w.start
			sm.NextInterviewAt = &start
			break
		}
	}
	return sm
}

// index keeps every candidate's entry in memory, the latest activity first.
// It is loaded on first use and updated after each commit; commits can
// report out of order, so an entry only replaces an older revision.
type index struct {
	mu     sync.RWMutex
	loaded bool
	items  []entry            // by LastActivityAt descending, then ID
	keys   map[string]sortKey // by candidate ID
}

type sortKey struct {
	at  time.Time
	id  string
	rev int
}

func (e entry) key() sortKey { return sortKey{at: e.sum.LastActivityAt, id: e.sum.ID, rev: e.rev} }

// before reports whether a sorts before b: later activity first.
func (a sortKey) before(b sortKey) bool {
	if !a.at.Equal(b.at) {
		return a.at.After(b.at)
	}
	return a.id < b.id
}

func (x *index) find(k sortKey) int {
	i, _ := slices.BinarySearchFunc(x.items, k, func(e entry, k sortKey) int {
		switch ek := e.key(); {
		case ek.before(k):
			return -1
		case k.before(ek):
			return 1
		}
		return 0
	})
	return i
}

// put adds or replaces e's candidate unless the index holds a newer
// revision. Before the index is loaded there is nothing to keep current.
func (x *index) put(e entry) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.loaded {
		return
	}
	if old, ok := x.keys[e.sum.ID]; ok {
		if old.rev >= e.rev {
			return
		}
		if i := x.find(old); i < len(x.items) && x.items[i].sum.ID == e.sum.ID {
			x.items = slices.Delete(x.items, i, i+1)
		}
	}
	x.items = slices.Insert(x.items, x.find(e.key()), e)
	x.keys[e.sum.ID] = e.key()
}

// remove drops candidate id (erased).
func (x *index) remove(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	old, ok := x.keys[id]
	if !ok {
		return
	}
	if i := x.find(old); i < len(x.items) && x.items[i].sum.ID == id {
		x.items = slices.Delete(x.items, i, i+1)
	}
	delete(x.keys, id)
}

// entries returns the loaded index, reading it from the store the first time.
func (s *Service) entries() (*index, error) {
	x := &s.index
	x.mu.RLock()
	loaded := x.loaded
	x.mu.RUnlock()
	if loaded {
		return x, nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.loaded {
		return x, nil
	}
	var items []entry
	err := s.db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketCandidates).ForEach(func(k, v []byte) error {
			var c Candidate
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode candidate %s: %w", k, err)
			}
			items = append(items, entryOf(c))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("load the candidates: %w", err)
	}
	slices.SortFunc(items, func(a, b entry) int {
		if a.key().before(b.key()) {
			return -1
		}
		return 1
	})
	x.items, x.keys, x.loaded = items, make(map[string]sortKey, len(items)), true
	for _, e := range items {
		x.keys[e.sum.ID] = e.key()
	}
	return x, nil
}
