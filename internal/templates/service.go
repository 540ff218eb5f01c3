package templates

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Service stores and edits templates.
type Service struct {
	db  *store.DB
	now func() time.Time
}

// New returns a Service over db; now is the clock.
func New(db *store.DB, now func() time.Time) *Service {
	return &Service{db: db, now: now}
}

// List returns every template's summary, sorted by name.
func (s *Service) List() ([]Summary, error) {
	var out []Summary
	err := s.db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketTemplates).ForEach(func(k, v []byte) error {
			var t Template
			if err := store.GetJSON(tx, store.BucketTemplates, k, &t); err != nil {
				return err
			}
			out = append(out, t.Summary())
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, nil
}

// Get returns one template.
func (s *Service) Get(id string) (Template, error) {
	var t Template
	err := s.db.View(func(tx *store.Tx) error { return get(tx, id, &t) })
	return t, err
}

func get(tx *store.Tx, id string, t *Template) error {
	if err := store.GetJSON(tx, store.BucketTemplates, []byte(id), t); err != nil {
		return fmt.Errorf("template %q: %w", id, err)
	}
	return nil
}

// Create validates c and stores it as a new template.
func (s *Service) Create(c Content) (Template, error) {
	var t Template
	err := s.db.Update(func(tx *store.Tx) error {
		var err error
		t, err = s.insert(tx, c, false, false)
		return err
	})
	return t, err
}

// insert stores c as a new template; rename resolves a name clash with " (2)".
func (s *Service) insert(tx *store.Tx, c Content, builtIn, rename bool) (Template, error) {
	c.normalize(uuid.NewString)
	if err := c.validate(); err != nil {
		return Template{}, err
	}
	if rename {
		name := c.Name
		c.Name = freeName(tx, name, func(n int) string { return fmt.Sprintf("%s (%d)", truncate(name, 112), n) })
	} else if err := checkNameFree(tx, c.Name, ""); err != nil {
		return Template{}, err
	}
	now := s.now().UTC()
	t := Template{ID: uuid.NewString(), Content: c, Technical: len(c.Questions) > 0,
		BuiltIn: builtIn, CreatedAt: now, UpdatedAt: now}
	return t, store.PutJSON(tx, store.BucketTemplates, []byte(t.ID), t)
}

// Update replaces the content of template id.
func (s *Service) Update(id string, c Content) (Template, error) {
	var t Template
	err := s.db.Update(func(tx *store.Tx) error {
		if err := get(tx, id, &t); err != nil {
			return err
		}
		c.normalize(uuid.NewString)
		if err := c.validate(); err != nil {
			return err
		}
		if err := checkNameFree(tx, c.Name, id); err != nil {
			return err
		}
		t.Content, t.Technical, t.UpdatedAt = c, len(c.Questions) > 0, s.now().UTC()
		return store.PutJSON(tx, store.BucketTemplates, []byte(id), t)
	})
	return t, err
}

// Delete removes template id. Interviews keep the copy they were created with.
func (s *Service) Delete(id string) error {
	return s.db.Update(func(tx *store.Tx) error {
		var t Template
		if err := get(tx, id, &t); err != nil {
			return err
		}
		return store.BucketOf(tx, store.BucketTemplates).Delete([]byte(id))
	})
}

// Duplicate copies template id under the name "NAME (copy)".
func (s *Service) Duplicate(id string) (Template, error) {
	var t Template
	err := s.db.Update(func(tx *store.Tx) error {
		var src Template
		if err := get(tx, id, &src); err != nil {
			return err
		}
		c := src.Content
		base := truncate(c.Name, 105)
		c.Name = freeName(tx, base+" (copy)", func(n int) string { return fmt.Sprintf("%s (copy %d)", base, n) })
		c.Plan = append([]Topic(nil), c.Plan...)
		c.Questions = append([]Question(nil), c.Questions...)
		var err error
		t, err = s.insert(tx, c, false, true)
		return err
	})
	return t, err
}

func checkNameFree(tx *store.Tx, name, except string) error {
	if other := findByName(tx, name); other != "" && other != except {
		return validation.Errors{"name": "A template with this name already exists. Choose another name."}
	}
	return nil
}

// freeName returns first if no template uses it, else the first unused variant(n)
// for n = 2, 3, …
func freeName(tx *store.Tx, first string, variant func(n int) string) string {
	if findByName(tx, first) == "" {
		return first
	}
	for n := 2; ; n++ {
		if name := variant(n); findByName(tx, name) == "" {
			return name
		}
	}
}

// findByName returns the ID of the template named name (case-insensitive), or "".
func findByName(tx *store.Tx, name string) string {
	found := ""
	_ = store.BucketOf(tx, store.BucketTemplates).ForEach(func(k, v []byte) error {
		var t struct{ Name string }
		if store.GetJSON(tx, store.BucketTemplates, k, &t) == nil && strings.EqualFold(t.Name, name) {
			found = string(k)
		}
		return nil
	})
	return found
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
