package room

import (
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Reasons a connection is closed when its right is taken away; browsers show them.
const (
	ReasonCancelled = "This interview was cancelled."
	ReasonRemoved   = "You were removed from this interview."
)

// Revoke returns an interviews.Hook that, once a change to an interview has
// committed, closes the open connections the change took the right from:
// every connection of a cancelled interview, and a removed interviewer's. A
// right taken away is gone at once, not at the next reconnect.
func Revoke(hub *Hub) interviews.Hook {
	return func(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
		if before != nil {
			tx.OnCommit(func() { hub.revoke(after) })
		}
		return nil
	}
}

// revoke closes the members of iv's room who may no longer be there.
func (h *Hub) revoke(iv interviews.Interview) {
	for _, m := range h.Members(iv.ID) {
		switch {
		case iv.Status == interviews.Cancelled:
			m.Conn.Close(ReasonCancelled)
		case m.Role == RoleInterviewer && !stillInterviewer(iv, m):
			m.Conn.Close(ReasonRemoved)
		}
	}
}

func stillInterviewer(iv interviews.Interview, m *Member) bool {
	for _, in := range iv.Interviewers {
		if in.Participant == m.Participant {
			return true
		}
	}
	return false
}
