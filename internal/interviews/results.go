package interviews

import (
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Results links: a read-only link to one interview's results for each of
// its interviewers, made the first time they ask for it (through their room
// link) once the interview has ended. It is revoked with the interviewer,
// and all of an interview's at once by RevokeResults.

// ResultsLink returns the results link token of the interviewer whose room
// link is roomToken, making it on first use. The interview must have ended.
func (s *Service) ResultsLink(roomToken string) (Interview, string, error) {
	var (
		iv    Interview
		token string
	)
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.db.Update(func(tx *store.Tx) error {
		l, err := links.Lookup(tx, roomToken)
		if err != nil || l.Kind != RoleInterviewer {
			return fmt.Errorf("room link: %w", ErrNotFound)
		}
		if err := get(tx, l.InterviewID, &iv); err != nil {
			return err
		}
		switch {
		case iv.Status != Finished:
			return conflict("The results of this interview come once it has ended.")
		case iv.ResultsClosed:
			return conflict("The organizer has closed the results links of this interview. Ask them for the results.")
		}
		for i := range iv.Interviewers {
			in := &iv.Interviewers[i]
			if in.Token != roomToken {
				continue
			}
			if in.ResultsToken == "" {
				if in.ResultsToken, err = links.Issue(tx, Link{Kind: links.Results, InterviewID: iv.ID, Email: in.Email,
					Participant: in.Participant}); err != nil {
					return err
				}
				iv.UpdatedAt = s.now().UTC()
				if err := put(tx, iv, iv.StartsAt); err != nil {
					return err
				}
			}
			token = in.ResultsToken
			return nil
		}
		return fmt.Errorf("room link: %w", ErrNotFound)
	})
	return iv, token, err
}

// RevokeResults ends every results link of interview id; no new ones are
// made.
func (s *Service) RevokeResults(id string) (Interview, error) {
	var iv Interview
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.db.Update(func(tx *store.Tx) error {
		if err := get(tx, id, &iv); err != nil {
			return err
		}
		for i := range iv.Interviewers {
			if err := revokeResults(tx, iv.Interviewers[i]); err != nil {
				return err
			}
			iv.Interviewers[i].ResultsToken = ""
		}
		iv.ResultsClosed, iv.UpdatedAt = true, s.now().UTC().Truncate(time.Second)
		return put(tx, iv, iv.StartsAt)
	})
	return iv, err
}

// revokeResults ends in's results link, if it has one.
func revokeResults(tx *store.Tx, in Interviewer) error {
	if in.ResultsToken == "" {
		return nil
	}
	return links.Revoke(tx, in.ResultsToken)
}
