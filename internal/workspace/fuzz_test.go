package workspace

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// FuzzWorkspaceMessage decodes each input as the room channel does and has
// the candidate, then an interviewer, send it to a room with live code and
// the whiteboard. Whatever it is, nothing panics, and the candidate's
// connection never receives the interviewers' pad or an expected answer.
// The seed corpus is testdata/fuzz/FuzzWorkspaceMessage.
func FuzzWorkspaceMessage(f *testing.F) {
	w := newWorld(f, interviews.Tools{LiveCode: true, Whiteboard: true})
	candidate, rita := w.candidate(), w.join(w.iv.Interviewers[0].Token)
	rita.must(f, `{"type":"action","action":"started"}`) // the candidate may write once admitted
	f.Fuzz(func(t *testing.T, raw []byte) {
		var msg room.Message
		if json.Unmarshal(raw, &msg) != nil {
			return // the channel refuses it before the room sees it
		}
		msg.Raw = raw
		candidate.sess.Handle(context.Background(), msg)
		rita.sess.Handle(context.Background(), msg)
		c := candidate.conn
		c.mu.Lock()
		sent := c.sent
		c.sent = nil
		c.mu.Unlock()
		for _, m := range sent {
			if strings.Contains(m, `"doc":"pad"`) || strings.Contains(m, "Expected secret") {
				t.Fatalf("the candidate was sent interviewer-only data: %s", m)
			}
		}
		rita.conn.mu.Lock()
		rita.conn.sent = nil
		rita.conn.mu.Unlock()
	})
}
