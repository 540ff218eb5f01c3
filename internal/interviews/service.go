package interviews

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// MaxInterviewers bounds the interviewers per room (with the candidate, six people).
const MaxInterviewers = 5

// Service schedules and changes interviews.
type Service struct {
	db        *store.DB
	templates *templates.Service
	settings  *settings.Service
	now       func() time.Time
	index     index
	// writeMu orders commits and index updates the same way.
	writeMu sync.Mutex
	hook    Hook
}

// Hook runs inside the transaction of every change: before is nil for a new
// interview. Whatever it writes (e.g. queued invitations) commits or rolls back
// with the change; an error it returns undoes the change.
type Hook func(tx *store.Tx, before *Interview, after Interview) error

func (s *Service) runHook(tx *store.Tx, before *Interview, after Interview) error {
	if s.hook == nil {
		return nil
	}
	return s.hook(tx, before, after)
}

// New returns a Service; now is the clock. hook, if given, runs inside the
// transaction of every change (see Hook).
func New(db *store.DB, t *templates.Service, s *settings.Service, now func() time.Time, hook ...Hook) *Service {
	svc := &Service{db: db, templates: t, settings: s, now: now}
	if len(hook) > 0 {
		svc.hook = hook[0]
	}
	return svc
}

// Get returns one interview.
func (s *Service) Get(id string) (Interview, error) {
	var iv Interview
	err := s.db.View(func(tx *store.Tx) error { return get(tx, id, &iv) })
	return iv, err
}

func get(tx *store.Tx, id string, iv *Interview) error {
	if err := store.GetJSON(tx, store.BucketInterviews, []byte(id), iv); err != nil {
		return fmt.Errorf("interview %q: %w", id, err)
	}
	return nil
}

// put writes iv and its index entry; oldStart is the previous start (zero for new).
func put(tx *store.Tx, iv Interview, oldStart time.Time) error {
	if !oldStart.IsZero() {
		if err := store.BucketOf(tx, store.BucketInterviewsByStart).Delete(startKey(oldStart, iv.ID)); err != nil {
			return fmt.Errorf("unindex interview %s: %w", iv.ID, err)
		}
	}
	if err := store.PutJSON(tx, store.BucketInterviews, []byte(iv.ID), iv); err != nil {
		return err
	}
	return store.PutJSON(tx, store.BucketInterviewsByStart, startKey(iv.StartsAt, iv.ID), iv.Summary().entry())
}

func startKey(t time.Time, id string) []byte {
	return []byte(store.TimeKey(t) + "|" + id)
}

// Create validates in and schedules a new interview with fresh link tokens.
func (s *Service) Create(in NewInterview) (Interview, error) { return s.CreateBooked(in, Booking{}) }

// Booking is what a campaign adds to a new interview (internal/campaigns).
type Booking struct {
	CampaignID string
	// Interviewers join the organizer, each with a room link of their own.
	Interviewers []Person
	// Book runs inside the new interview's transaction before the hook: an
	// error it returns (e.g. the slot is full) creates nothing.
	Book func(tx *store.Tx, iv Interview) error
}

// CreateBooked is Create for an interview a campaign books: b's checks and
// writes commit with the interview or not at all.
func (s *Service) CreateBooked(in NewInterview, b Booking) (Interview, error) {
	st, err := s.settings.Get()
	if err != nil {
		return Interview{}, err
	}
	tpl, err := s.resolveTemplate(in.TemplateID)
	now := s.now()
	when, verr := in.validate(now, st.DefaultTimeZone)
	if err != nil {
		verr.Add("templateId", "Choose a template from the list; this one does not exist (any more).")
	}
	if err := verr.Err(); err != nil {
		return Interview{}, err
	}
	duration := in.DurationMinutes
	if duration == 0 {
		duration = tpl.DurationMinutes
	}
	iv := Interview{
		ID: mustV7(), Position: in.Position,
		Candidate: Person{Name: in.CandidateName, Email: in.CandidateEmail},
		Campaign:  in.Campaign,
		StartsAt:  when.at, TimeZone: when.zone, DurationMinutes: duration,
		Status: Scheduled,
		Template: TemplateRef{ID: tpl.ID, Name: tpl.Name, Specialization: tpl.Specialization,
			Technical: len(tpl.Questions) > 0, TopicCount: len(tpl.Plan), QuestionCount: len(tpl.Questions)},
		Plan: tpl.Plan, Questions: tpl.Questions,
		Interviewers: []Interviewer{{Person: in.organizer(st.Organizer), Participant: links.NewInterviewerParticipant()}},
		Tools:        Tools{LiveCode: len(tpl.Questions) > 0},
		TakehomeID:   strings.TrimSpace(in.TakehomeID),
		CampaignID:   b.CampaignID,
		CreatedAt:    now.UTC(), UpdatedAt: now.UTC(),
	}
	for _, p := range b.Interviewers {
		if len(iv.Interviewers) < MaxInterviewers && !strings.EqualFold(p.Email, iv.Interviewers[0].Email) {
			iv.Interviewers = append(iv.Interviewers, Interviewer{Person: p, Participant: links.NewInterviewerParticipant()})
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err = s.db.Update(func(tx *store.Tx) error {
		var err error
		if iv.CandidateToken, err = links.Issue(tx, Link{Kind: RoleCandidate, InterviewID: iv.ID,
			Participant: links.CandidateParticipant}); err != nil {
			return err
		}
		for i := range iv.Interviewers {
			in := &iv.Interviewers[i]
			if in.Token, err = links.Issue(tx, Link{Kind: RoleInterviewer, InterviewID: iv.ID, Email: in.Email,
				Participant: in.Participant}); err != nil {
				return err
			}
		}
		if err := put(tx, iv, time.Time{}); err != nil {
			return err
		}
		if b.Book != nil {
			if err := b.Book(tx, iv); err != nil {
				return err
			}
		}
		return s.runHook(tx, nil, iv)
	})
	if err != nil {
		return Interview{}, fmt.Errorf("create interview: %w", err)
	}
	s.index.put(iv.Summary(), time.Time{})
	return iv, nil
}

func (s *Service) resolveTemplate(id string) (templates.Template, error) {
	if strings.TrimSpace(id) == "" {
		return templates.Template{}, ErrNotFound
	}
	return s.templates.Get(id)
}

func mustV7() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

// change loads interview id, lets fn modify it, and stores it with Sequence + 1.
// fn returning an error changes nothing.
func (s *Service) change(id string, fn func(tx *store.Tx, iv *Interview) error) (Interview, error) {
	var (
		iv       Interview
		oldStart time.Time
	)
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.db.Update(func(tx *store.Tx) error {
		if err := get(tx, id, &iv); err != nil {
			return err
		}
		oldStart = iv.StartsAt
		before := iv
		before.Interviewers = append([]Interviewer(nil), iv.Interviewers...)
		if err := fn(tx, &iv); err != nil {
			return err
		}
		iv.Sequence++
		iv.UpdatedAt = s.now().UTC()
		if err := put(tx, iv, oldStart); err != nil {
			return err
		}
		return s.runHook(tx, &before, iv)
	})
	if err != nil {
		return Interview{}, err
	}
	s.index.put(iv.Summary(), oldStart)
	return iv, nil
}

func requireScheduled(iv *Interview, action string) error {
	switch iv.Status {
	case Cancelled:
		return conflict("This interview was cancelled, so you cannot " + action + ". Restore it first.")
	case Finished:
		return conflict("This interview has already taken place, so you cannot " + action + ".")
	}
	return nil
}

// Reschedule moves interview id to startsAt (wall time or RFC 3339) in zone (empty:
// keep the interview's zone).
func (s *Service) Reschedule(id, startsAt, zone string) (Interview, error) {
	return s.change(id, func(_ *store.Tx, iv *Interview) error {
		if err := requireScheduled(iv, "reschedule it"); err != nil {
			return err
		}
		if strings.TrimSpace(zone) == "" {
			zone = iv.TimeZone
		}
		e := validation.Errors{}
		start, tz := parseWhen(e, startsAt, zone, s.now(), true)
		if err := e.Err(); err != nil {
			return err
		}
		iv.StartsAt, iv.TimeZone = start, tz
		return nil
	})
}

// AddInterviewer adds p with a new room link.
func (s *Service) AddInterviewer(id string, p Person) (Interview, error) {
	return s.change(id, func(tx *store.Tx, iv *Interview) error {
		if err := requireScheduled(iv, "change its interviewers"); err != nil {
			return err
		}
		e := validation.Errors{}
		p = Person{Name: e.Line("name", p.Name, "interviewer's name", 1, 120), Email: e.Email("email", p.Email)}
		for _, other := range iv.Interviewers {
			if strings.EqualFold(other.Email, p.Email) {
				e.Add("email", other.Name+" already interviews with this email address.")
			}
		}
		if strings.EqualFold(iv.Candidate.Email, p.Email) {
			e.Add("email", "This is the candidate's email address.")
		}
		if len(iv.Interviewers) >= MaxInterviewers {
			e.Add("email", fmt.Sprintf("A room holds at most %d interviewers.", MaxInterviewers))
		}
		if err := e.Err(); err != nil {
			return err
		}
		in := Interviewer{Person: p, Participant: links.NewInterviewerParticipant()}
		var err error
		if in.Token, err = links.Issue(tx, Link{Kind: RoleInterviewer, InterviewID: iv.ID, Email: p.Email,
			Participant: in.Participant}); err != nil {
			return err
		}
		iv.Interviewers = append(iv.Interviewers, in)
		return nil
	})
}

// RemoveInterviewer removes the interviewer with email and revokes their link. The
// organizer (first interviewer) stays.
func (s *Service) RemoveInterviewer(id, email string) (Interview, error) {
	return s.change(id, func(tx *store.Tx, iv *Interview) error {
		if err := requireScheduled(iv, "change its interviewers"); err != nil {
			return err
		}
		for i, in := range iv.Interviewers {
			if !strings.EqualFold(in.Email, email) {
				continue
			}
			if i == 0 {
				return conflict(in.Name + " organizes this interview and cannot be removed.")
			}
			iv.Interviewers = append(iv.Interviewers[:i:i], iv.Interviewers[i+1:]...)
			if err := revokeResults(tx, in); err != nil {
				return err
			}
			return links.Revoke(tx, in.Token)
		}
		return fmt.Errorf("interviewer %q: %w", email, ErrNotFound)
	})
}

// SetTools switches room tools.
func (s *Service) SetTools(id string, t Tools) (Interview, error) {
	return s.change(id, func(_ *store.Tx, iv *Interview) error {
		if err := requireScheduled(iv, "edit its room"); err != nil {
			return err
		}
		iv.Tools = t
		return nil
	})
}

// Cancel cancels interview id; its links then answer "cancelled".
func (s *Service) Cancel(id string) (Interview, error) {
	return s.change(id, func(_ *store.Tx, iv *Interview) error {
		if err := requireScheduled(iv, "delete it"); err != nil {
			return err
		}
		iv.Status = Cancelled
		return nil
	})
}

// Restore undoes Cancel.
func (s *Service) Restore(id string) (Interview, error) {
	return s.change(id, func(_ *store.Tx, iv *Interview) error {
		if iv.Status != Cancelled {
			return conflict("Only a cancelled interview can be restored; this one is " + string(iv.Status) + ".")
		}
		if s.now().After(iv.EndsAt()) {
			return validation.Errors{"startsAt": "This interview's time has passed, so restoring it would invite people to the past. Schedule a new interview instead."}
		}
		iv.Status = Scheduled
		return nil
	})
}

// Invite runs the change hook as for a new interview, without changing it: the
// invitations go out again (e.g. to an interview scheduled before email was set up).
func (s *Service) Invite(id string) (Interview, error) {
	var iv Interview
	err := s.db.Update(func(tx *store.Tx) error {
		if err := get(tx, id, &iv); err != nil {
			return err
		}
		if err := requireScheduled(&iv, "send invitations for"); err != nil {
			return err
		}
		return s.runHook(tx, nil, iv)
	})
	return iv, err
}

// Finish marks interview id as held and over; its links then answer "finished".
// Finishing a finished interview changes nothing.
func (s *Service) Finish(id string) (Interview, error) {
	iv, err := s.Get(id)
	if err != nil || iv.Status == Finished {
		return iv, err
	}
	return s.change(id, func(_ *store.Tx, iv *Interview) error {
		if err := requireScheduled(iv, "finish it"); err != nil {
			return err
		}
		iv.Status = Finished
		return nil
	})
}

// Delete removes interview id for good, with its index entry and every link
// to it, in one transaction in which fn first checks that it may go and
// deletes what else belongs to it (fn returning an error changes nothing).
// The change hook does not run: there is no interview after. It returns the
// interview as it was.
func (s *Service) Delete(id string, fn func(tx *store.Tx, iv Interview) error) (Interview, error) {
	var iv Interview
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.db.Update(func(tx *store.Tx) error {
		if err := get(tx, id, &iv); err != nil {
			return err
		}
		if err := fn(tx, iv); err != nil {
			return err
		}
		if _, err := links.RevokeInterview(tx, id); err != nil {
			return err
		}
		if err := store.BucketOf(tx, store.BucketInterviewsByStart).Delete(startKey(iv.StartsAt, id)); err != nil {
			return fmt.Errorf("unindex interview %s: %w", id, err)
		}
		if err := store.BucketOf(tx, store.BucketInterviews).Delete([]byte(id)); err != nil {
			return fmt.Errorf("delete interview %s: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return Interview{}, err
	}
	s.index.remove(id, iv.StartsAt)
	return iv, nil
}

// ResolveLink returns the interview and role behind a link token.
func (s *Service) ResolveLink(token string) (Interview, Link, error) {
	var (
		iv Interview
		l  Link
	)
	err := s.db.View(func(tx *store.Tx) error {
		var err error
		if l, err = links.Lookup(tx, token); err != nil {
			return fmt.Errorf("link: %w", ErrNotFound)
		}
		return get(tx, l.InterviewID, &iv)
	})
	return iv, l, err
}

// ListQuery selects interviews for a list.
type ListQuery struct {
	Tense Tense
	Text  string // matches candidate name or email, position or campaign, case-insensitive
	Limit int    // default 200
	// CampaignID keeps the interviews of one campaign only; "" keeps all.
	CampaignID string
	// Interviewer keeps to the interviews with this email among their
	// interviewers (any case); "" lists every interview.
	Interviewer string
	// Offset skips that many matches: the next page starts where the last
	// one ended.
	Offset int
}

// List returns one page of the matching summaries (upcoming soonest first,
// others newest first) and how many matched in all.
func (s *Service) List(q ListQuery) ([]Summary, int, error) {
	if q.Limit <= 0 {
		q.Limit = 200
	}
	if q.Offset < 0 {
		return nil, 0, validation.Errors{"offset": "Start at 0 or later."}
	}
	if q.Tense == "" {
		q.Tense = Upcoming
	}
	if q.Tense != Upcoming && q.Tense != Past && q.Tense != CancelledList {
		return nil, 0, validation.Errors{"tense": "Choose upcoming, past or cancelled."}
	}
	idx, err := s.summaries()
	if err != nil {
		return nil, 0, fmt.Errorf("list interviews: %w", err)
	}
	now := s.now()
	needle := strings.ToLower(strings.TrimSpace(q.Text))
	var (
		out   []Summary
		total int
	)
	visit := func(sm Summary) {
		if tense := sm.tenseAt(now); tense != q.Tense || !matches(sm, needle) || (q.CampaignID != "" && sm.CampaignID != q.CampaignID) ||
			q.Interviewer != "" && !sm.has(q.Interviewer) {
			return
		}
		total++
		if total > q.Offset && len(out) < q.Limit {
			sm.Tense = q.Tense
			out = append(out, sm)
		}
	}
	idx.each(q.Tense == Upcoming, now.Add(-templates.MaxDuration*time.Minute), visit)
	return out, total, nil
}

// All returns every interview's summary, the earliest start first.
func (s *Service) All() ([]Summary, error) {
	idx, err := s.summaries()
	if err != nil {
		return nil, fmt.Errorf("list interviews: %w", err)
	}
	var out []Summary
	idx.each(true, time.Time{}, func(sm Summary) { out = append(out, sm) })
	return out, nil
}

func matches(sm Summary, needle string) bool {
	return needle == "" || strings.Contains(sm.search, needle)
}
