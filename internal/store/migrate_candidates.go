package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// The layout migration 6 writes, as internal/candidates reads it. Frozen:
// later changes to candidates are later migrations.

type v6Candidate struct {
	ID             string            `json:"id"`
	Name           string            `json:"name"`
	Email          string            `json:"email"`
	Notes          string            `json:"notes"`
	Applications   []v6Application   `json:"applications"`
	Interviews     []json.RawMessage `json:"interviews"` // interview summaries, as interviews_by_start holds them
	History        []v6Change        `json:"history"`
	CreatedAt      time.Time         `json:"createdAt"`
	UpdatedAt      time.Time         `json:"updatedAt"`
	LastActivityAt time.Time         `json:"lastActivityAt"`
	Revision       int               `json:"revision"`
}

type v6Application struct {
	Position  string    `json:"position"`
	Stage     string    `json:"stage"`
	StageAt   time.Time `json:"stageAt"`
	AppliedAt time.Time `json:"appliedAt"`
}

type v6Change struct {
	At   time.Time `json:"at"`
	Kind string    `json:"kind"`
	From string    `json:"from,omitempty"`
	To   string    `json:"to,omitempty"`
	By   string    `json:"by"`
}

// v6Interview is what migration 6 reads of an interview.
type v6Interview struct {
	ID        string `json:"id"`
	Position  string `json:"position"`
	Status    string `json:"status"`
	Candidate struct {
		Name  string `json:"name"`
		Email string `json:"email"`
	} `json:"candidate"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
	summary   json.RawMessage
}

// addCandidates makes one candidate per case-folded candidate email of the
// interviews so far, with an application per position: "Live interview
// scheduled" while an interview is planned, "Interviewed" once one was held,
// else "Applied". Names come from the latest interview; earlier names are kept
// as renames.
func addCandidates(tx *Tx) error {
	if err := createBuckets(tx, BucketCandidates, BucketCandidateEmails, BucketInterviewCandidates,
		BucketTakehome, BucketTakehomeKeys); err != nil {
		return err
	}
	byEmail := map[string][]v6Interview{}
	var order []string
	err := tx.Bucket(BucketInterviewsByStart).ForEach(func(k, v []byte) error {
		var iv v6Interview
		if err := json.Unmarshal(tx.Bucket(BucketInterviews).Get(keyID(k)), &iv); err != nil {
			return fmt.Errorf("interview of index entry %s: %w", k, err)
		}
		iv.summary = slices.Clone(v)
		key := validation.Fold(iv.Candidate.Email)
		if _, seen := byEmail[key]; !seen {
			order = append(order, key)
		}
		byEmail[key] = append(byEmail[key], iv)
		return nil
	})
	if err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Second)
	for _, key := range order {
		if err := putV6Candidate(tx, key, v6CandidateOf(byEmail[key], now)); err != nil {
			return err
		}
	}
	return nil
}

// keyID is the interview ID of an interviews_by_start key (<time>|<id>).
func keyID(k []byte) []byte {
	for i, b := range k {
		if b == '|' {
			return k[i+1:]
		}
	}
	return k
}

func v6CandidateOf(ivs []v6Interview, now time.Time) v6Candidate {
	slices.SortStableFunc(ivs, func(a, b v6Interview) int { return a.CreatedAt.Compare(b.CreatedAt) })
	first, last := ivs[0], ivs[len(ivs)-1]
	c := v6Candidate{ID: uuid.NewString(), Name: last.Candidate.Name, Email: last.Candidate.Email,
		CreatedAt: first.CreatedAt, UpdatedAt: now, Revision: 1,
		History: []v6Change{{At: first.CreatedAt, Kind: "created", To: first.Candidate.Name, By: "upgrade"}}}
	name := first.Candidate.Name
	apps := map[string]int{}
	for _, iv := range ivs {
		if iv.Candidate.Name != name {
			c.History = append(c.History, v6Change{At: iv.CreatedAt, Kind: "renamed", From: name, To: iv.Candidate.Name, By: "upgrade"})
			name = iv.Candidate.Name
		}
		c.Interviews = append(c.Interviews, iv.summary)
		c.LastActivityAt = maxTime(c.LastActivityAt, iv.UpdatedAt)
		pos := validation.Fold(iv.Position)
		i, ok := apps[pos]
		if !ok {
			i, apps[pos] = len(c.Applications), len(c.Applications)
			c.Applications = append(c.Applications, v6Application{Position: iv.Position, Stage: "applied", AppliedAt: iv.CreatedAt})
		}
		a := &c.Applications[i]
		a.Position, a.StageAt = iv.Position, maxTime(a.StageAt, iv.UpdatedAt)
		switch {
		case iv.Status == "scheduled":
			a.Stage = "live_scheduled"
		case iv.Status == "finished" && a.Stage != "live_scheduled":
			a.Stage = "interviewed"
		}
	}
	return c
}

func putV6Candidate(tx *Tx, emailKey string, c v6Candidate) error {
	if err := PutJSON(tx, BucketCandidates, []byte(c.ID), c); err != nil {
		return err
	}
	if err := tx.Bucket(BucketCandidateEmails).Put([]byte(emailKey), []byte(c.ID)); err != nil {
		return fmt.Errorf("index candidate %s by email: %w", c.ID, err)
	}
	for _, raw := range c.Interviews {
		var sm struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(raw, &sm); err != nil {
			return fmt.Errorf("interview summary of candidate %s: %w", c.ID, err)
		}
		if err := tx.Bucket(BucketInterviewCandidates).Put([]byte(sm.ID), []byte(c.ID)); err != nil {
			return fmt.Errorf("link interview %s to candidate %s: %w", sm.ID, c.ID, err)
		}
	}
	return nil
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
