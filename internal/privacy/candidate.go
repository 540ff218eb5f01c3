package privacy

import (
	"context"
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// CandidateData is everything the install holds about one candidate (by
// email), as exporting or erasing it sees it.
type CandidateData struct {
	Email string `json:"email"`
	// Names are the names the candidate was interviewed under.
	Names []string `json:"names"`
	// Interviews are the candidate's interviews, the earliest first, each
	// with what deleting it removes.
	Interviews []Contents `json:"interviews"`
	// Recordings, Events, Analyses and Emails add up the interviews'.
	Recordings Files `json:"recordings"`
	Events     int   `json:"events"`
	Analyses   int   `json:"analyses"`
	Emails     int   `json:"emails"`
	// Profile says whether there is a candidate profile (internal/candidates)
	// with this address; Results counts their take-home results.
	Profile bool `json:"profile"`
	Results int  `json:"results"`
	// Erasable says whether all of it can be erased now; Reason says why not
	// (an interview still to come or live).
	Erasable bool   `json:"erasable"`
	Reason   string `json:"reason,omitempty"`
}

// Candidate returns what the install holds about the candidate with email
// (compared case-insensitively); ErrNoCandidate when no interview has them.
func (s *Service) Candidate(email string) (CandidateData, error) {
	email = strings.TrimSpace(email)
	ids, err := s.interviewsOf(email)
	if err != nil {
		return CandidateData{}, err
	}
	d := CandidateData{Email: email, Names: []string{}, Interviews: []Contents{}}
	for _, id := range ids {
		c, err := s.Preview(id)
		if isGone(err) {
			continue
		}
		if err != nil {
			return CandidateData{}, err
		}
		d.add(c)
	}
	if s.cfg.Candidates != nil {
		profile, results, found, err := s.cfg.Candidates.ResultsOf(email)
		if err != nil {
			return CandidateData{}, err
		}
		if found {
			d.Profile, d.Results = true, len(results)
			if !containsFold(d.Names, profile.Name) {
				d.Names = append(d.Names, profile.Name)
			}
		}
	}
	if len(d.Interviews) == 0 && !d.Profile {
		return CandidateData{}, fmt.Errorf("candidate %s: %w", audit.CandidateRef(email), ErrNoCandidate)
	}
	d.Erasable = d.Reason == ""
	return d, nil
}

func (d *CandidateData) add(c Contents) {
	d.Interviews = append(d.Interviews, c)
	if !containsFold(d.Names, c.Candidate.Name) {
		d.Names = append(d.Names, c.Candidate.Name)
	}
	d.Recordings.Count += c.Recordings.Count
	d.Recordings.Bytes += c.Recordings.Bytes
	d.Events += c.Events
	d.Emails += c.Emails
	if c.Analysis {
		d.Analyses++
	}
	if !c.Deletable && d.Reason == "" {
		d.Reason = fmt.Sprintf("The interview for %s on %s: %s", c.Position, c.StartsAt.UTC().Format("2 Jan 2006"), c.Reason)
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// interviewsOf lists the IDs of the interviews whose candidate has email.
func (s *Service) interviewsOf(email string) ([]string, error) {
	if email == "" {
		return nil, fault.Explain(fault.Invalid, ErrNoCandidate, "Enter the candidate's email address.")
	}
	all, err := s.cfg.Interviews.All()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, sm := range all {
		if strings.EqualFold(strings.TrimSpace(sm.Candidate.Email), email) {
			out = append(out, sm.ID)
		}
	}
	return out, nil
}

// Erase deletes everything the install holds about the candidate with
// email: every interview of theirs with all its data. Nothing is erased
// while one of them is live or still to come (cancel it first). It returns
// what was erased.
func (s *Service) Erase(ctx context.Context, email string) (CandidateData, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.Candidate(email)
	if err != nil {
		return CandidateData{}, err
	}
	if !d.Erasable {
		return d, fault.Explain(fault.Conflict, ErrNotOver, d.Reason+" Nothing was erased.")
	}
	ref := audit.CandidateRef(email)
	for i, c := range d.Interviews {
		done, err := s.deleteInterview(ctx, c.InterviewID, "Erasure of "+ref+".")
		if err != nil && !isGone(err) {
			return d, fmt.Errorf("erase %s: %d of %d interviews erased: %w", ref, i, len(d.Interviews), err)
		}
		d.Interviews[i] = done
	}
	text := fmt.Sprintf("Erased %s: %d %s, %s recording %s (%s), %s %s, %s %s, %s %s", ref,
		len(d.Interviews), plural(len(d.Interviews), "interview", "interviews"),
		count(d.Recordings.Count), plural(d.Recordings.Count, "file", "files"), audit.SizeText(d.Recordings.Bytes),
		count(d.Events), plural(d.Events, "event", "events"), count(d.Analyses), plural(d.Analyses, "analysis", "analyses"),
		count(d.Emails), plural(d.Emails, "email", "emails"))
	if d.Profile {
		text += fmt.Sprintf(", the candidate profile and %s take-home %s", count(d.Results), plural(d.Results, "result", "results"))
	}
	err = s.cfg.DB.Update(func(tx *store.Tx) error {
		if s.cfg.Candidates != nil {
			if _, err := s.cfg.Candidates.Erase(tx, email); err != nil {
				return err
			}
		}
		_, err := audit.Record(ctx, tx, s.cfg.Now(), audit.Erasure, ref, text+".")
		return err
	})
	if err != nil {
		return d, fmt.Errorf("erase %s: the interviews are erased, the profile not: %w", ref, err)
	}
	d.Erasable, d.Reason = false, ""
	return d, nil
}
