package privacy

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Contents is what deleting an interview removes (or removed).
type Contents struct {
	InterviewID string            `json:"interviewId"`
	Candidate   interviews.Person `json:"candidate"`
	Position    string            `json:"position"`
	StartsAt    time.Time         `json:"startsAt"`
	Status      interviews.Status `json:"status"`
	// Recordings are the call's tracks and the combined recording.
	Recordings Files `json:"recordings"`
	// Events is the length of its log: what happened in the room, notes,
	// code and whiteboard, the candidate's consent.
	Events   int  `json:"events"`
	Analysis bool `json:"analysis"`
	// Emails are its outbox entries; Unsent of them were not sent (yet) and
	// never will be once it is deleted.
	Emails int `json:"emails"`
	Unsent int `json:"unsent"`
	// Deletable says whether it can be deleted now; Reason says why not.
	Deletable bool   `json:"deletable"`
	Reason    string `json:"reason,omitempty"`
}

// Preview says what deleting interview id would remove, and whether it can
// be deleted now.
func (s *Service) Preview(id string) (Contents, error) {
	iv, err := s.cfg.Interviews.Get(id)
	if err != nil {
		return Contents{}, err
	}
	c := Contents{InterviewID: iv.ID, Candidate: iv.Candidate, Position: iv.Position, StartsAt: iv.StartsAt, Status: iv.Status}
	if c.Recordings, err = s.filesOf(id); err != nil {
		return Contents{}, err
	}
	err = s.cfg.DB.View(func(tx *store.Tx) error {
		if b := store.BucketOf(tx, store.BucketEvents).Bucket([]byte(id)); b != nil {
			c.Events = b.Stats().KeyN
		}
		c.Analysis = store.BucketOf(tx, store.BucketAnalysis).Get([]byte(id)) != nil
		letters, err := mail.Letters(tx, id)
		for _, l := range letters {
			c.Emails++
			if l.State != mail.Sent {
				c.Unsent++
			}
		}
		return err
	})
	if err != nil {
		return Contents{}, err
	}
	if err := s.deletable(iv); err != nil {
		c.Reason = fault.Text(err)
	} else if a, err := s.analysisOf(id); err == nil && (a.Status == analysis.StatusQueued || a.Status == analysis.StatusRunning) {
		c.Reason = "The analysis of this interview is running. Wait until it has finished (or failed), then delete it."
	}
	c.Deletable = c.Reason == ""
	return c, nil
}

func (s *Service) analysisOf(id string) (analysis.Analysis, error) {
	if s.cfg.Analysis == nil {
		return analysis.Analysis{}, analysis.ErrNone
	}
	return s.cfg.Analysis.Get(id)
}

// over reports whether iv has taken place or will not: finished, cancelled
// or with its links expired.
func over(iv interviews.Interview, now time.Time) bool {
	return iv.Status != interviews.Scheduled || iv.Expired(now)
}

// deletable refuses an interview that is live or still to come, saying
// which and what to do.
func (s *Service) deletable(iv interviews.Interview) error {
	if over(iv, s.cfg.Now()) {
		return nil
	}
	if st, _, err := s.cfg.Rooms.State(iv.ID); err == nil && st.Phase != room.PhaseWaiting && st.Phase != room.PhaseEnded {
		return fault.Explain(fault.Conflict, ErrNotOver,
			"This interview is live. End it in the room first; then it can be deleted.")
	}
	return fault.Explain(fault.Conflict, ErrNotOver,
		"This interview has not taken place. Cancel it first (Delete interview); a cancelled interview can then be deleted for good.")
}

// DeleteInterview deletes interview id for good with everything of it (see
// the package documentation) and returns what was deleted. why, when not
// empty, says why in the audit entry (a retention period).
func (s *Service) DeleteInterview(ctx context.Context, id, why string) (Contents, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deleteInterview(ctx, id, why)
}

func (s *Service) deleteInterview(ctx context.Context, id, why string) (Contents, error) {
	c, err := s.Preview(id)
	if err != nil {
		return Contents{}, err
	}
	if !c.Deletable {
		return Contents{}, fmt.Errorf("delete interview %s: %w", id, fault.Explain(fault.Conflict, ErrNotOver, c.Reason))
	}
	_, err = s.cfg.Interviews.Delete(id, func(tx *store.Tx, iv interviews.Interview) error {
		if !over(iv, s.cfg.Now()) { // changed since the preview (restored)
			return fault.Explain(fault.Conflict, ErrNotOver, "This interview was restored meanwhile; cancel it again to delete it.")
		}
		if _, err := analysis.Delete(tx, id); err != nil {
			return err
		}
		if c.Events, err = room.DeleteLog(tx, id); err != nil {
			return err
		}
		if c.Emails, err = mail.DeleteRef(tx, id); err != nil {
			return err
		}
		if s.cfg.Candidates != nil {
			if err := s.cfg.Candidates.InterviewDeleted(tx, id); err != nil {
				return err
			}
		}
		if err := campaigns.InterviewDeleted(tx, iv); err != nil {
			return err
		}
		_, err := audit.Record(ctx, tx, s.cfg.Now(), audit.Deletion, id, deletionText(c, why))
		return err
	})
	if err != nil {
		return Contents{}, fmt.Errorf("delete interview %s: %w", id, err)
	}
	s.cfg.Rooms.Forget(id)
	if err := s.removeFiles(ctx, id); err != nil {
		// The records are gone; the next retention run removes what is left.
		s.cfg.Logger.Warn("deleted interview: files left behind", "interview", id, "err", err)
	}
	s.changed(id)
	c.Deletable, c.Reason = false, ""
	return c, nil
}

// deletionText says what deleting c removed, without the candidate's name.
func deletionText(c Contents, why string) string {
	parts := []string{fmt.Sprintf("%s recording %s (%s)", count(c.Recordings.Count), plural(c.Recordings.Count, "file", "files"), audit.SizeText(c.Recordings.Bytes)),
		fmt.Sprintf("%s %s", count(c.Events), plural(c.Events, "event", "events"))}
	if c.Analysis {
		parts = append(parts, "its analysis")
	}
	parts = append(parts, fmt.Sprintf("%s %s", count(c.Emails), plural(c.Emails, "email", "emails")))
	text := fmt.Sprintf("Deleted interview %s (%s, %s, %s) with %s.", c.InterviewID, c.Position,
		c.StartsAt.UTC().Format("2 Jan 2006"), c.Status, joinWords(parts))
	if why != "" {
		text += " " + why
	}
	return text
}

func count(n int) string {
	if n == 0 {
		return "no"
	}
	return fmt.Sprint(n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinWords joins "a", "b" and "c" as "a, b and c".
func joinWords(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// isGone reports whether err means the interview no longer exists.
func isGone(err error) bool { return errors.Is(err, interviews.ErrNotFound) }
