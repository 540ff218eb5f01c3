package room

import (
	"context"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// recordingConn is a Conn that keeps what it was sent and why it was closed.
type recordingConn struct {
	mu     sync.Mutex
	sent   []any
	reason string
}

func (c *recordingConn) Send(msg any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent = append(c.sent, msg)
	return nil
}

func (c *recordingConn) Close(reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reason == "" {
		c.reason = reason
	}
}

func (c *recordingConn) closedWith() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reason
}

func tokenOf(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path[strings.LastIndex(u.Path, "/")+1:]
}

// TestRightsTakenAwayCloseOpenConnections connects the candidate and two
// interviewers, removes one interviewer, then cancels the interview: each
// change closes exactly the connections it took the right from, at once.
func TestRightsTakenAwayCloseOpenConnections(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	now := func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }
	ts := templates.New(db, now)
	tpl, err := ts.Create(templates.Content{Name: "T", Plan: []templates.Topic{{Title: "Experience"}}})
	if err != nil {
		t.Fatal(err)
	}
	hub := NewHub()
	ivs := interviews.New(db, ts, settings.New(db), now, Revoke(hub))
	log := slog.New(slog.DiscardHandler)
	sessions, err := NewSessions(SessionsConfig{Log: New(db, ivs, log, now), Interviews: ivs, Hub: hub, Logger: log, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	iv, err := ivs.Create(interviews.NewInterview{TemplateID: tpl.ID, Position: "P", CandidateName: "Olivia",
		CandidateEmail: "olivia@example.com", When: "now"})
	if err != nil {
		t.Fatal(err)
	}
	if iv, err = ivs.AddInterviewer(iv.ID, interviews.Person{Name: "Ivan", Email: "ivan@example.com"}); err != nil {
		t.Fatal(err)
	}
	connect := func(token string) *recordingConn {
		t.Helper()
		sess, err := sessions.Admit(token)
		if err != nil {
			t.Fatalf("admit: %v", err)
		}
		c := &recordingConn{}
		if err := sess.Connect(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	organizer, ivan, candidate := connect(iv.Interviewers[0].Token), connect(iv.Interviewers[1].Token), connect(iv.CandidateToken)

	if _, err := ivs.RemoveInterviewer(iv.ID, "ivan@example.com"); err != nil {
		t.Fatal(err)
	}
	if got := ivan.closedWith(); got != ReasonRemoved {
		t.Errorf("removed interviewer's connection closed with %q, want %q", got, ReasonRemoved)
	}
	if organizer.closedWith() != "" || candidate.closedWith() != "" {
		t.Error("removing one interviewer closed other connections")
	}
	if _, err := sessions.Admit(iv.Interviewers[1].Token); err == nil {
		t.Error("the removed interviewer's link still admits")
	}

	if _, err := ivs.Cancel(iv.ID); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*recordingConn{"organizer": organizer, "candidate": candidate} {
		if got := c.closedWith(); got != ReasonCancelled {
			t.Errorf("%s's connection closed with %q after cancel, want %q", name, got, ReasonCancelled)
		}
	}
}
