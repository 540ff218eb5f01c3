package app

import (
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/push"
)

func TestPushRelayEmitsEachEventUntilStopped(t *testing.T) {
	bus := push.NewBus()
	got := make(chan push.Event, 4)
	r := startPushRelay(bus, func(e push.Event) { got <- e })
	bus.Publish(push.Event{Type: push.Presence, InterviewID: "iv1"})
	if e := <-got; e.Type != push.Presence || e.InterviewID != "iv1" {
		t.Fatalf("emitted %+v", e)
	}
	r.stop() // returns once the relay's goroutine is done
	if n := bus.Subscribers(); n != 0 {
		t.Errorf("%d subscribers after stop", n)
	}
	bus.Publish(push.Event{Type: push.Outbox})
	if len(got) != 0 {
		t.Error("an event was emitted after stop")
	}
	var none *pushRelay
	none.stop() // the app without a host
}

func TestPushRelayEndsWhenTheHostCloses(t *testing.T) {
	bus := push.NewBus()
	r := startPushRelay(bus, func(push.Event) {})
	bus.Close()
	<-r.done
	r.stop()
}
