package candidates

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// ImportReport says what an import stored.
type ImportReport struct {
	// Imported counts the file's results: Created new, Updated ones imported before.
	Imported      int              `json:"imported"`
	Created       int              `json:"created"`
	Updated       int              `json:"updated"`
	NewCandidates int              `json:"newCandidates"`
	Results       []ImportedResult `json:"results"`
}

// ImportedResult is one result of an import, with its candidate.
type ImportedResult struct {
	ResultSummary
	CandidateID   string `json:"candidateId"`
	CandidateName string `json:"candidateName"`
	// Updated is true for a result imported before.
	Updated bool `json:"updated"`
}

// Import stores the results of file name (Decode's formats), all or
// nothing. Candidates are found by email address, or created. A result
// imported before (the same id, or the same candidate, assessment and
// completion time) is updated in place; a CSV file, which has no tasks,
// keeps the tasks imported before. Problems are a validation.FileErrors.
func (s *Service) Import(name string, data []byte) (ImportReport, error) {
	rs, places, err := decodeFile(name, data)
	if err != nil {
		return ImportReport{}, err
	}
	var report ImportReport
	err = s.db.Update(func(tx *store.Tx) error {
		im := importer{tx: tx, now: s.now().UTC(), byEmail: map[string]*Candidate{}, summaryOnly: isCSV(name, data), source: name}
		report = ImportReport{Results: []ImportedResult{}}
		for i := range rs {
			if err := im.put(rs[i], places[i], &report); err != nil {
				return err
			}
		}
		if err := im.problems.err(); err != nil {
			return err
		}
		for _, c := range im.order {
			if err := s.save(tx, c, im.now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, fmt.Errorf("import %s: %w", name, err)
	}
	return report, nil
}

// importer is one import's transaction.
type importer struct {
	tx          *store.Tx
	now         time.Time
	source      string
	summaryOnly bool
	byEmail     map[string]*Candidate // the candidates changed so far
	order       []*Candidate
	problems    problems
}

// put stores one result and records it on its candidate.
func (im *importer) put(r Result, at place, report *ImportReport) error {
	c, err := im.candidate(r.Candidate, report)
	if err != nil {
		return err
	}
	r.CandidateID = c.ID
	var old Result
	id := store.BucketOf(im.tx, store.BucketTakehomeKeys).Get(r.identity())
	updated := id != nil
	if updated {
		if err := getResult(im.tx, string(id), &old); err != nil {
			return err
		}
		if old.CandidateID != c.ID {
			line, field := at.locate("id")
			im.problems.add(line, field, fmt.Sprintf("This id was imported before for %s (%s), not %s. Each result's id belongs to one candidate.",
				old.Candidate.Name, old.Candidate.Email, r.Candidate.Email))
			return nil
		}
		r.ID, r.ImportedAt = old.ID, old.ImportedAt
		if im.summaryOnly {
			r.Tasks = old.Tasks
		}
	} else {
		r.ID, r.ImportedAt = uuid.NewString(), im.now
	}
	r.UpdatedAt, r.Source = im.now, im.source
	if err := store.PutJSON(im.tx, store.BucketTakehome, []byte(r.ID), r); err != nil {
		return err
	}
	if err := store.BucketOf(im.tx, store.BucketTakehomeKeys).Put(r.identity(), []byte(r.ID)); err != nil {
		return fmt.Errorf("index take-home result %s: %w", r.ID, err)
	}
	c.addResult(r.Summary(), !updated, im.now)
	report.Imported++
	if updated {
		report.Updated++
	} else {
		report.Created++
	}
	report.Results = append(report.Results, ImportedResult{ResultSummary: r.Summary(), CandidateID: c.ID,
		CandidateName: c.Name, Updated: updated})
	return nil
}

// candidate is the candidate with p's address: one changed earlier in this
// import, a stored one, or a new one.
func (im *importer) candidate(p interviews.Person, report *ImportReport) (*Candidate, error) {
	key := validation.Fold(p.Email)
	if c, ok := im.byEmail[key]; ok {
		return c, nil
	}
	c, found, err := byEmail(im.tx, p.Email)
	if err != nil {
		return nil, err
	}
	if found {
		if prev := slices.IndexFunc(im.order, func(x *Candidate) bool { return x.ID == c.ID }); prev >= 0 {
			im.byEmail[key] = im.order[prev] // an earlier address of a candidate changed in this import
			return im.order[prev], nil
		}
	} else {
		c = newCandidate(p, ByImport, im.now)
		report.NewCandidates++
	}
	im.byEmail[key] = &c
	im.order = append(im.order, &c)
	return &c, nil
}

// addResult keeps sm on c (replacing an earlier import of it) and moves the
// applications it concerns: its position's (applied for by it if need be),
// or every one when it names none.
func (c *Candidate) addResult(sm ResultSummary, isNew bool, now time.Time) {
	var positions []string
	if sm.Position != "" {
		c.apply(sm.Position, now)
		positions = []string{sm.Position}
	} else {
		for _, a := range c.Applications {
			positions = append(positions, a.Position)
		}
	}
	if isNew {
		c.History = append(c.History, Change{At: now, Kind: Takehome, Position: sm.Position, To: sm.Assessment, By: ByImport})
	}
	c.reconsider(positions, ByImport, now, func() {
		if i := slices.IndexFunc(c.Takehome, func(r ResultSummary) bool { return r.ID == sm.ID }); i >= 0 {
			c.Takehome[i] = sm
		} else {
			c.Takehome = append(c.Takehome, sm)
		}
	})
}
