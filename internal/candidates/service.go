package candidates

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// MaxNotes bounds a candidate's notes, in characters.
const MaxNotes = 50_000

// Service keeps candidates and their take-home results.
type Service struct {
	db    *store.DB
	now   func() time.Time
	index index
}

// New returns a Service on db; now is the clock.
func New(db *store.DB, now func() time.Time) *Service {
	return &Service{db: db, now: now}
}

// Get returns the candidate with ID or email address key, each interview
// with the list it belongs to now.
func (s *Service) Get(key string) (Candidate, error) {
	var c Candidate
	err := s.db.View(func(tx *store.Tx) error {
		var err error
		c, err = lookup(tx, key)
		return err
	})
	return s.present(c), err
}

// present fills in what depends on the time of reading (each interview's
// list), and empty lists where there are none.
func (s *Service) present(c Candidate) Candidate {
	c.Applications, c.Interviews = orEmpty(c.Applications), orEmpty(c.Interviews)
	c.Takehome, c.History = orEmpty(c.Takehome), orEmpty(c.History)
	now := s.now()
	for i := range c.Interviews {
		c.Interviews[i].Tense = c.Interviews[i].TenseAt(now)
	}
	return c
}

// lookup finds a candidate by ID, else by email address (an earlier address
// of theirs too).
func lookup(tx *store.Tx, key string) (Candidate, error) {
	key = strings.TrimSpace(key)
	var c Candidate
	if !strings.Contains(key, "@") {
		if err := get(tx, key, &c); err == nil || !errors.Is(err, ErrNotFound) {
			return c, err
		}
	}
	if c, ok, err := byEmail(tx, key); ok || err != nil {
		return c, err
	}
	return c, fmt.Errorf("candidate %q: %w", key, ErrNotFound)
}

func get(tx *store.Tx, id string, c *Candidate) error {
	if err := store.GetJSON(tx, store.BucketCandidates, []byte(id), c); err != nil {
		return fmt.Errorf("candidate %q: %w", id, err)
	}
	return nil
}

// byEmail returns the candidate whose address (now or earlier) is email.
func byEmail(tx *store.Tx, email string) (Candidate, bool, error) {
	var c Candidate
	id := store.BucketOf(tx, store.BucketCandidateEmails).Get([]byte(validation.Fold(email)))
	if id == nil {
		return c, false, nil
	}
	err := get(tx, string(id), &c)
	return c, err == nil, err
}

// newCandidate is a candidate first named by p.
func newCandidate(p interviews.Person, by By, now time.Time) Candidate {
	return Candidate{ID: uuid.NewString(), Name: strings.TrimSpace(p.Name), Email: strings.TrimSpace(p.Email),
		CreatedAt: now, LastActivityAt: now,
		History: []Change{{At: now, Kind: Created, To: strings.TrimSpace(p.Name), By: by}}}
}

// save stores c and its address, and updates the search index once the
// transaction has committed.
func (s *Service) save(tx *store.Tx, c *Candidate, now time.Time) error {
	c.touch(now)
	if err := store.PutJSON(tx, store.BucketCandidates, []byte(c.ID), c); err != nil {
		return fmt.Errorf("store candidate %s: %w", c.ID, err)
	}
	if err := store.BucketOf(tx, store.BucketCandidateEmails).Put([]byte(validation.Fold(c.Email)), []byte(c.ID)); err != nil {
		return fmt.Errorf("index candidate %s by email: %w", c.ID, err)
	}
	e := entryOf(*c)
	tx.OnCommit(func() { s.index.put(e) })
	return nil
}

// change loads candidate key, lets fn modify it and stores it; fn returning
// an error changes nothing.
func (s *Service) change(key string, fn func(tx *store.Tx, c *Candidate, now time.Time) error) (Candidate, error) {
	var c Candidate
	err := s.db.Update(func(tx *store.Tx) error {
		var err error
		if c, err = lookup(tx, key); err != nil {
			return err
		}
		now := s.now().UTC()
		if err := fn(tx, &c, now); err != nil {
			return err
		}
		return s.save(tx, &c, now)
	})
	return s.present(c), err
}

// Update changes a candidate's contact details or notes; fields left nil
// are kept.
type Update struct {
	Name  *string `json:"name,omitempty"`
	Email *string `json:"email,omitempty"`
	Notes *string `json:"notes,omitempty"`
}

// Update applies u to candidate key. A new address that another candidate
// has now is refused (ErrConflict); one another candidate had before is
// taken over.
func (s *Service) Update(key string, u Update) (Candidate, error) {
	return s.change(key, func(tx *store.Tx, c *Candidate, now time.Time) error {
		e := validation.Errors{}
		var name, email, notes string
		if u.Name != nil {
			name = e.Line("name", *u.Name, "name", 1, 120)
		}
		if u.Email != nil {
			email = e.Email("email", *u.Email)
		}
		if u.Notes != nil {
			notes = e.Block("notes", *u.Notes, "notes", 0, MaxNotes)
		}
		if err := e.Err(); err != nil {
			return err
		}
		if u.Email != nil {
			if err := readdress(tx, c, email, now); err != nil {
				return err
			}
		}
		if u.Name != nil && name != c.Name {
			c.History = append(c.History, Change{At: now, Kind: Renamed, From: c.Name, To: name, By: ByRecruiter})
			c.Name = name
		}
		if u.Notes != nil {
			c.Notes = notes
		}
		return nil
	})
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// readdress gives c the address email; the old one keeps finding c.
func readdress(tx *store.Tx, c *Candidate, email string, now time.Time) error {
	if email == c.Email {
		return nil
	}
	if validation.Fold(email) != validation.Fold(c.Email) {
		other, ok, err := byEmail(tx, email)
		if err != nil {
			return err
		}
		if ok && other.ID != c.ID && validation.Fold(other.Email) == validation.Fold(email) {
			return conflict(fmt.Sprintf("%s already has the address %s. Change theirs first, or keep this candidate's.",
				other.Name, other.Email))
		}
	}
	c.History = append(c.History, Change{At: now, Kind: Readdr, From: c.Email, To: email, By: ByRecruiter})
	c.Email = email
	return nil
}

// MoveStage sets the stage of candidate key's application for position.
func (s *Service) MoveStage(key, position string, stage Stage) (Candidate, error) {
	return s.change(key, func(_ *store.Tx, c *Candidate, now time.Time) error {
		e := validation.Errors{}
		if !slices.Contains(Stages(), stage) {
			var names []string
			for _, st := range Stages() {
				names = append(names, st.Label())
			}
			e.Add("stage", "Choose one of the stages: "+strings.Join(names, ", ")+".")
		}
		a := c.application(position)
		if a == nil {
			e.Add("position", fmt.Sprintf("%s has not applied for “%s”. Choose one of their positions.", c.Name, strings.TrimSpace(position)))
		}
		if err := e.Err(); err != nil {
			return err
		}
		c.move(a, stage, ByRecruiter, now)
		return nil
	})
}

// Interviews returns candidate key's interviews: upcoming soonest first,
// then past and cancelled ones, the latest first.
func (s *Service) Interviews(key string) ([]interviews.Summary, error) {
	c, err := s.Get(key)
	if err != nil {
		return nil, err
	}
	rank := map[interviews.Tense]int{interviews.Upcoming: 0, interviews.Past: 1, interviews.CancelledList: 2}
	out := slices.Clone(c.Interviews)
	slices.SortStableFunc(out, func(a, b interviews.Summary) int {
		if ra, rb := rank[a.Tense], rank[b.Tense]; ra != rb {
			return ra - rb
		}
		if a.Tense == interviews.Upcoming {
			return a.StartsAt.Compare(b.StartsAt)
		}
		return b.StartsAt.Compare(a.StartsAt)
	})
	return out, nil
}
