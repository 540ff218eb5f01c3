package candidates

import (
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

var _ interviews.Hook = (*Service)(nil).InterviewChanged

// InterviewChanged is the interviews' hook (interviews.Hook): inside the
// change's transaction it links the interview to its candidate by email
// address (creating the candidate when the address is new), keeps the
// candidate's copy of the interview current, moves the application's stage
// where the change makes it obvious, and checks that a take-home result the
// interview names is this candidate's.
func (s *Service) InterviewChanged(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
	now := s.now().UTC()
	c, previous, err := candidateOf(tx, before, after, now)
	if err != nil {
		return err
	}
	if previous != nil { // the interview's candidate address changed to someone else's
		previous.unlink(after.ID, now)
		if err := s.save(tx, previous, now); err != nil {
			return err
		}
	}
	if err := checkTakehome(tx, c, before, after); err != nil {
		return err
	}
	c.link(after, now)
	if err := s.save(tx, &c, now); err != nil {
		return err
	}
	if err := store.BucketOf(tx, store.BucketInterviewCandidates).Put([]byte(after.ID), []byte(c.ID)); err != nil {
		return fmt.Errorf("link interview %s to candidate %s: %w", after.ID, c.ID, err)
	}
	return nil
}

// candidateOf is the candidate of interview after: the one it is linked to,
// unless its candidate address changed; then (or for a new interview) the
// candidate with that address, or a new one. previous is the candidate it
// was linked to when that is someone else now.
func candidateOf(tx *store.Tx, before *interviews.Interview, after interviews.Interview, now time.Time) (Candidate, *Candidate, error) {
	var c Candidate
	linked := string(store.BucketOf(tx, store.BucketInterviewCandidates).Get([]byte(after.ID)))
	readdressed := before != nil && validation.Fold(before.Candidate.Email) != validation.Fold(after.Candidate.Email)
	if linked != "" && !readdressed {
		err := get(tx, linked, &c)
		return c, nil, err
	}
	c, found, err := byEmail(tx, after.Candidate.Email)
	if err != nil {
		return c, nil, err
	}
	if !found {
		c = newCandidate(after.Candidate, ByInterview, now)
	}
	if linked == "" || linked == c.ID {
		return c, nil, nil
	}
	var previous Candidate
	if err := get(tx, linked, &previous); err != nil {
		return c, nil, err
	}
	return c, &previous, nil
}

// link keeps c's copy of iv, names the campaign an application came
// through, and follows the evidence of the positions it touches.
func (c *Candidate) link(iv interviews.Interview, now time.Time) {
	sm := iv.Summary()
	positions := []string{iv.Position}
	i := c.interviewIndex(iv.ID)
	if i >= 0 && validation.Fold(c.Interviews[i].Position) != validation.Fold(iv.Position) {
		positions = append(positions, c.Interviews[i].Position)
	}
	if a := c.apply(iv.Position, now); a.CampaignID == "" && iv.CampaignID != "" {
		a.CampaignID = iv.CampaignID // the first campaign the candidate applied through stays
	}
	c.reconsider(positions, ByInterview, now, func() {
		if i >= 0 {
			c.Interviews[i] = sm
		} else {
			c.Interviews = append(c.Interviews, sm)
		}
	})
}

// unlink drops interview id from c (it is someone else's now).
func (c *Candidate) unlink(id string, now time.Time) {
	i := c.interviewIndex(id)
	if i < 0 {
		return
	}
	c.reconsider([]string{c.Interviews[i].Position}, ByInterview, now, func() {
		c.Interviews = append(c.Interviews[:i:i], c.Interviews[i+1:]...)
	})
}

// reconsider runs mutate and moves each position's application as far as
// the evidence changed.
func (c *Candidate) reconsider(positions []string, by By, now time.Time, mutate func()) {
	before := make([]evidence, len(positions))
	for i, p := range positions {
		before[i] = c.evidenceFor(p, c.hasTakehome(p))
	}
	mutate()
	for i, p := range positions {
		if a := c.application(p); a != nil {
			c.follow(a, before[i], c.evidenceFor(p, c.hasTakehome(p)), by, now)
		}
	}
}

// checkTakehome refuses an interview that names a take-home result that is
// not its candidate's.
func checkTakehome(tx *store.Tx, c Candidate, before *interviews.Interview, after interviews.Interview) error {
	if after.TakehomeID == "" || (before != nil && before.TakehomeID == after.TakehomeID) {
		return nil
	}
	var r Result
	if err := getResult(tx, after.TakehomeID, &r); err != nil {
		return validation.Errors{"takehomeId": "This take-home result does not exist (any more). Choose one of the candidate's results, or none."}
	}
	if r.CandidateID != c.ID {
		return validation.Errors{"takehomeId": fmt.Sprintf("This take-home result is %s’s (%s), not %s’s. Choose one of this candidate's results, or none.",
			r.Candidate.Name, r.Candidate.Email, after.Candidate.Name)}
	}
	return nil
}
