package candidates

import (
	"slices"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Stage is where an application is in the hiring pipeline.
type Stage string

// Stages, in pipeline order.
const (
	Applied       Stage = "applied"
	TakehomeDone  Stage = "takehome_done"
	LiveScheduled Stage = "live_scheduled"
	Interviewed   Stage = "interviewed"
	Offer         Stage = "offer"
	Hired         Stage = "hired"
	Rejected      Stage = "rejected"
)

// Stages lists every stage in pipeline order.
func Stages() []Stage {
	return []Stage{Applied, TakehomeDone, LiveScheduled, Interviewed, Offer, Hired, Rejected}
}

var stageLabels = map[Stage]string{Applied: "Applied", TakehomeDone: "Take-home done", LiveScheduled: "Live interview scheduled",
	Interviewed: "Interviewed", Offer: "Offer", Hired: "Hired", Rejected: "Rejected"}

// Label is the stage's name for people.
func (s Stage) Label() string {
	if l, ok := stageLabels[s]; ok {
		return l
	}
	return string(s)
}

// decided reports whether s is the recruiter's decision, which automatic
// moves leave alone.
func (s Stage) decided() bool { return s == Offer || s == Hired || s == Rejected }

// By says who made a change.
type By string

// Who changes candidates.
const (
	ByRecruiter By = "recruiter" // in the console or the CLI
	ByInterview By = "interview" // automatically, after an interview changed
	ByImport    By = "import"    // a take-home results import
	ByUpgrade   By = "upgrade"   // the upgrade that made candidates of earlier interviews
)

// ChangeKind says what a history entry records.
type ChangeKind string

// Kinds of history entry.
const (
	Created  ChangeKind = "created"
	Renamed  ChangeKind = "renamed"
	Readdr   ChangeKind = "email"    // the email address changed
	Moved    ChangeKind = "stage"    // an application's stage changed
	Takehome ChangeKind = "takehome" // a take-home result was imported
)

// Change is one entry of a candidate's history.
type Change struct {
	At       time.Time  `json:"at"`
	Kind     ChangeKind `json:"kind"`
	Position string     `json:"position,omitempty"`
	From     string     `json:"from,omitempty"`
	To       string     `json:"to,omitempty"`
	By       By         `json:"by"`
}

// Application is a candidate's application for one position.
type Application struct {
	Position  string    `json:"position"`
	Stage     Stage     `json:"stage"`
	StageAt   time.Time `json:"stageAt"`
	AppliedAt time.Time `json:"appliedAt"`
	// CampaignID names the campaign the candidate applied through, if any.
	CampaignID string `json:"campaignId,omitempty"`
}

// Candidate is a stored candidate.
type Candidate struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Email        string        `json:"email"`
	Notes        string        `json:"notes"`
	Applications []Application `json:"applications"`
	// Interviews are the candidate's interviews as lists show them, kept
	// current by InterviewChanged.
	Interviews []interviews.Summary `json:"interviews"`
	// Takehome are the candidate's take-home results, without their work.
	Takehome       []ResultSummary `json:"takehome"`
	History        []Change        `json:"history"`
	CreatedAt      time.Time       `json:"createdAt"`
	UpdatedAt      time.Time       `json:"updatedAt"`
	LastActivityAt time.Time       `json:"lastActivityAt"`
	// Revision counts the stored changes; the search index keeps the newest.
	Revision int `json:"revision"`
}

// application returns the application for position (compared folded), or nil.
func (c *Candidate) application(position string) *Application {
	key := validation.Fold(position)
	for i := range c.Applications {
		if validation.Fold(c.Applications[i].Position) == key {
			return &c.Applications[i]
		}
	}
	return nil
}

// apply returns the application for position, adding it at the stage its
// evidence so far makes obvious.
func (c *Candidate) apply(position string, at time.Time) *Application {
	if a := c.application(position); a != nil {
		return a
	}
	stage := c.evidenceFor(position, c.hasTakehome(position)).stage()
	c.Applications = append(c.Applications, Application{Position: position, Stage: stage, StageAt: at, AppliedAt: at})
	return &c.Applications[len(c.Applications)-1]
}

// move sets a's stage, recording it in the history.
func (c *Candidate) move(a *Application, to Stage, by By, at time.Time) {
	if a.Stage == to {
		return
	}
	c.History = append(c.History, Change{At: at, Kind: Moved, Position: a.Position, From: string(a.Stage), To: string(to), By: by})
	a.Stage, a.StageAt = to, at
}

// evidence is what the automatic stage of an application follows.
type evidence struct {
	scheduled, held, takehome bool
}

// evidenceFor gathers the evidence for position from c's interviews and
// take-home results (hasTakehome: a result for the position or for none).
func (c *Candidate) evidenceFor(position string, hasTakehome bool) evidence {
	key := validation.Fold(position)
	e := evidence{takehome: hasTakehome}
	for _, iv := range c.Interviews {
		if validation.Fold(iv.Position) != key {
			continue
		}
		switch iv.Status {
		case interviews.Scheduled:
			e.scheduled = true
		case interviews.Finished:
			e.held = true
		}
	}
	return e
}

// stage is the stage the evidence makes obvious.
func (e evidence) stage() Stage {
	switch {
	case e.scheduled:
		return LiveScheduled
	case e.held:
		return Interviewed
	case e.takehome:
		return TakehomeDone
	}
	return Applied
}

// follow moves a when a change turned the obvious stage from before into
// after, unless the recruiter has decided (Offer, Hired, Rejected). A stage
// set by hand stays until the evidence changes.
func (c *Candidate) follow(a *Application, before, after evidence, by By, at time.Time) {
	if before.stage() == after.stage() || a.Stage.decided() {
		return
	}
	c.move(a, after.stage(), by, at)
}

// hasTakehome reports whether c has a take-home result for position, or
// one that names no position.
func (c *Candidate) hasTakehome(position string) bool {
	key := validation.Fold(position)
	return slices.ContainsFunc(c.Takehome, func(r ResultSummary) bool {
		return r.Position == "" || validation.Fold(r.Position) == key
	})
}

// sortedTakehome is c's take-home results, the latest completed first.
func (c *Candidate) sortedTakehome() []ResultSummary {
	out := slices.Clone(c.Takehome)
	slices.SortStableFunc(out, func(a, b ResultSummary) int { return b.CompletedAt.Compare(a.CompletedAt) })
	return out
}

// interviewIndex is the position of interview id in c.Interviews, or -1.
func (c *Candidate) interviewIndex(id string) int {
	return slices.IndexFunc(c.Interviews, func(sm interviews.Summary) bool { return sm.ID == id })
}

// touch records a stored change at now.
func (c *Candidate) touch(now time.Time) {
	c.UpdatedAt, c.Revision = now, c.Revision+1
	if now.After(c.LastActivityAt) {
		c.LastActivityAt = now
	}
}
