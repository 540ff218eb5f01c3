package notify

import (
	"context"
	"log/slog"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// noteTimeout bounds one Notify call, so a stuck notification service never
// holds back the next note.
const noteTimeout = 5 * time.Second

// ReadyNote is what the recruiter is told when candidate is ready and waiting.
func ReadyNote(candidate string, open func()) Note {
	return Note{Title: "Candidate " + candidate + " is ready and waiting",
		Body: "Open the interview to let them in and start.", OnClick: open}
}

// Watch tells the recruiter about candidates who are ready and waiting, until
// Stop.
type Watch struct {
	sub  *push.Subscription
	done chan struct{}
}

// Ready watches bus's presence events and shows n a ReadyNote each time a
// candidate becomes ready in an interview's waiting room while no interviewer
// is there; a click calls open with the interview's ID.
func Ready(bus *push.Bus, n Notifier, open func(interviewID string), log *slog.Logger) *Watch {
	w := &Watch{sub: bus.Subscribe(), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		told := map[string]string{} // interview ID → the candidate connection told about
		for e := range w.sub.Events() {
			p, ok := e.Data.(room.PresenceView)
			if e.Type != push.Presence || !ok {
				continue
			}
			who, name := waiting(p)
			if who == "" || told[e.InterviewID] == who {
				if who == "" {
					delete(told, e.InterviewID)
				}
				continue
			}
			told[e.InterviewID] = who
			id := e.InterviewID
			ctx, cancel := context.WithTimeout(context.Background(), noteTimeout)
			if err := n.Notify(ctx, ReadyNote(name, func() { open(id) })); err != nil && !IsUnavailable(err) {
				log.Warn("candidate ready: notification not shown", "interview", id, "err", err)
			}
			cancel()
		}
	}()
	return w
}

// waiting returns the connection ID and name of the candidate who waits in p
// for an interviewer, or "" when nobody does.
func waiting(p room.PresenceView) (id, name string) {
	if p.Phase != room.PhaseWaiting {
		return "", ""
	}
	for _, m := range p.Members {
		if m.Role == room.RoleInterviewer {
			return "", ""
		}
	}
	for _, m := range p.Members {
		if m.Role == room.RoleCandidate && m.Ready {
			return m.ID, m.Name
		}
	}
	return "", ""
}

// Stop ends the watch and waits for it. A nil Watch does nothing.
func (w *Watch) Stop() {
	if w == nil {
		return
	}
	w.sub.Close()
	<-w.done
}
