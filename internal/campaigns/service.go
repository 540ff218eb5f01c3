package campaigns

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Service keeps campaigns and books their registrations.
type Service struct {
	db         *store.DB
	interviews *interviews.Service
	templates  *templates.Service
	settings   *settings.Service
	now        func() time.Time
}

// Config wires a Service.
type Config struct {
	DB         *store.DB
	Interviews *interviews.Service
	Templates  *templates.Service
	Settings   *settings.Service
	Now        func() time.Time
}

// New returns a Service. The interviews service must run Hook in its changes.
func New(cfg Config) *Service {
	return &Service{db: cfg.DB, interviews: cfg.Interviews, templates: cfg.Templates, settings: cfg.Settings, now: cfg.Now}
}

// Preview resolves in's slots without storing anything: the slot generator's preview.
func (s *Service) Preview(in Input) ([]Slot, error) {
	c, _, err := s.resolve(in)
	return c.slots, err
}

// resolve validates in against its template and the settings.
func (s *Service) resolve(in Input) (checked, templates.Template, error) {
	st, err := s.settings.Get()
	if err != nil {
		return checked{}, templates.Template{}, err
	}
	var tpl templates.Template
	tplErr := error(nil)
	if strings.TrimSpace(in.TemplateID) == "" {
		tplErr = store.ErrNotFound
	} else {
		tpl, tplErr = s.templates.Get(in.TemplateID)
	}
	c, err := in.check(tpl.DurationMinutes, st.DefaultTimeZone)
	if tplErr != nil {
		e := validation.Errors{}
		var ve validation.Errors
		if errors.As(err, &ve) {
			e = ve
		}
		e.Add("templateId", "Choose a template from the list; this one does not exist (any more).")
		err = e
	}
	return c, tpl, err
}

// Create stores a new open campaign with its shared link.
func (s *Service) Create(in Input) (Campaign, error) {
	chk, tpl, err := s.resolve(in)
	if err != nil {
		return Campaign{}, err
	}
	now := s.now().UTC()
	c := Campaign{ID: uuid.NewString(), Status: Open, CreatedAt: now}
	c.apply(chk, tpl, now)
	err = s.db.Update(func(tx *store.Tx) error {
		var err error
		if c.Token, err = links.Issue(tx, links.Link{Kind: links.Campaign, CampaignID: c.ID}); err != nil {
			return err
		}
		return put(tx, c)
	})
	if err != nil {
		return Campaign{}, fmt.Errorf("create campaign: %w", err)
	}
	return c, nil
}

// apply copies the checked input into c.
func (c *Campaign) apply(chk checked, tpl templates.Template, now time.Time) {
	in := chk.in
	c.Name, c.Position, c.TemplateID, c.TemplateName = in.Name, in.Position, tpl.ID, tpl.Name
	c.Interviewers, c.TimeZone, c.Mode, c.DurationMinutes = in.Interviewers, in.TimeZone, in.Mode, in.DurationMinutes
	c.Slots, c.Deadline, c.MaxCandidates = chk.slots, chk.deadline, in.MaxCandidates
	c.CandidateChanges, c.ChangeHours, c.UpdatedAt = in.CandidateChanges, in.ChangeHours, now
	if c.Slots == nil {
		c.Slots = []Slot{}
	}
	if c.Interviewers == nil {
		c.Interviewers = []interviews.Person{}
	}
}

// Update replaces campaign id's settings; bookings stay with their slots.
func (s *Service) Update(id string, in Input) (Campaign, error) {
	chk, tpl, err := s.resolve(in)
	if err != nil {
		return Campaign{}, err
	}
	var c Campaign
	err = s.db.Update(func(tx *store.Tx) error {
		if err := get(tx, id, &c); err != nil {
			return err
		}
		if c.Mode != chk.in.Mode && c.Registered > 0 {
			return validation.Errors{"mode": "Candidates have registered already, so the mode stays as it is."}
		}
		if err := keepBookings(c.Slots, chk.slots, chk.loc); err != nil {
			return err
		}
		c.apply(chk, tpl, s.now().UTC())
		return put(tx, c)
	})
	if err != nil {
		return Campaign{}, fmt.Errorf("update campaign: %w", err)
	}
	return c, nil
}

// SetStatus closes or reopens campaign id; its shared link follows at once.
func (s *Service) SetStatus(id string, st Status) (Campaign, error) {
	if st != Open && st != Closed {
		return Campaign{}, validation.Errors{"status": `Choose "open" or "closed".`}
	}
	var c Campaign
	err := s.db.Update(func(tx *store.Tx) error {
		if err := get(tx, id, &c); err != nil {
			return err
		}
		c.Status, c.UpdatedAt = st, s.now().UTC()
		return put(tx, c)
	})
	return c, err
}

// Get returns campaign id.
func (s *Service) Get(id string) (Campaign, error) {
	var c Campaign
	err := s.db.View(func(tx *store.Tx) error { return get(tx, id, &c) })
	return c, err
}

// Find returns the campaign with ID or name key (case-insensitive), for the CLI.
func (s *Service) Find(key string) (Campaign, error) {
	if c, err := s.Get(key); err == nil {
		return c, nil
	}
	all, err := s.all()
	if err != nil {
		return Campaign{}, err
	}
	for _, c := range all {
		if strings.EqualFold(c.Name, strings.TrimSpace(key)) {
			return c, nil
		}
	}
	return Campaign{}, fmt.Errorf("campaign %q: %w", key, ErrNotFound)
}

// List returns every campaign, newest first.
func (s *Service) List() ([]Summary, error) {
	all, err := s.all()
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := make([]Summary, 0, len(all))
	for _, c := range all {
		out = append(out, c.Summary(now))
	}
	slices.SortFunc(out, func(a, b Summary) int { return b.CreatedAt.Compare(a.CreatedAt) })
	return out, nil
}

func (s *Service) all() ([]Campaign, error) {
	var out []Campaign
	err := s.db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketCampaigns).ForEach(func(_, v []byte) error {
			var c Campaign
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list campaigns: %w", err)
	}
	return out, nil
}

// Registrations returns campaign id's registrations, in the order they came.
func (s *Service) Registrations(id string) ([]Registration, error) {
	var out []Registration
	err := s.db.View(func(tx *store.Tx) error {
		var c Campaign
		if err := get(tx, id, &c); err != nil {
			return err
		}
		cur := store.BucketOf(tx, store.BucketRegistrations).Cursor()
		prefix := []byte(id + "|")
		for k, v := cur.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, v = cur.Next() {
			if k[len(prefix)] == '@' {
				continue
			}
			var r Registration
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b Registration) int { return a.RegisteredAt.Compare(b.RegisteredAt) })
	return out, err
}

func get(tx *store.Tx, id string, c *Campaign) error {
	if err := store.GetJSON(tx, store.BucketCampaigns, []byte(id), c); err != nil {
		return fmt.Errorf("campaign %q: %w", id, err)
	}
	return nil
}

func put(tx *store.Tx, c Campaign) error {
	return store.PutJSON(tx, store.BucketCampaigns, []byte(c.ID), c)
}

func registrationKey(campaignID, interviewID string) []byte {
	return []byte(campaignID + "|" + interviewID)
}

func emailKey(campaignID, email string) []byte {
	return []byte(campaignID + "|@" + validation.Fold(email))
}
