package notify

import (
	"context"
	"log/slog"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// notes records what a Notifier was asked to show.
type notes chan Note

func (n notes) Notify(_ context.Context, note Note) error { n <- note; return nil }
func (n notes) Close() error                              { return nil }

func TestReadyTellsOncePerArrivalWhileNoInterviewerIsThere(t *testing.T) {
	bus := push.NewBus()
	shown := make(notes, 8)
	opened := make(chan string, 8)
	w := Ready(bus, shown, func(id string) { opened <- id }, slog.New(slog.DiscardHandler))
	defer w.Stop()

	candidate := func(id string, ready bool) room.Presence {
		return room.Presence{ID: id, Role: room.RoleCandidate, Name: "Olivia Diaz", Ready: ready}
	}
	interviewer := room.Presence{ID: "c9", Role: room.RoleInterviewer, Name: "Alex Recruiter"}
	presence := func(iv string, phase room.Phase, members ...room.Presence) {
		bus.Publish(push.Event{Type: push.Presence, InterviewID: iv, Data: room.PresenceView{Phase: phase, Members: members}})
	}
	presence("iv1", room.PhaseWaiting, candidate("c1", false)) // checking devices
	presence("iv1", room.PhaseWaiting, candidate("c1", true))  // told
	presence("iv1", room.PhaseWaiting, candidate("c1", true))  // the same arrival again
	bus.Publish(push.Event{Type: push.Outbox, InterviewID: "iv1"})
	presence("iv1", room.PhaseWaiting, candidate("c1", true), interviewer) // someone is with them
	presence("iv2", room.PhasePlan, candidate("c5", true))                 // the interview runs
	presence("iv1", room.PhaseWaiting, candidate("c2", true))              // reconnected, alone again: told

	first, second := <-shown, <-shown
	for _, n := range []Note{first, second} {
		if n.Title != "Candidate Olivia Diaz is ready and waiting" || n.OnClick == nil {
			t.Errorf("note %+v", n)
		}
	}
	second.OnClick()
	if id := <-opened; id != "iv1" {
		t.Errorf("the click opened %q, want iv1", id)
	}
	w.Stop() // every event above was handled
	if len(shown) != 0 {
		t.Errorf("a third note was shown: %+v", <-shown)
	}
}
