package push

import "testing"

func TestPublishReachesEverySubscriber(t *testing.T) {
	b := NewBus()
	a, c := b.Subscribe(), b.Subscribe()
	defer a.Close()
	defer c.Close()
	b.Publish(Event{Type: Outbox, InterviewID: "iv1"})
	for _, s := range []*Subscription{a, c} {
		if got := <-s.Events(); got.Type != Outbox || got.InterviewID != "iv1" {
			t.Fatalf("got %+v", got)
		}
	}
}

func TestSlowSubscriberIsResyncedNotBlocking(t *testing.T) {
	b := NewBus()
	s := b.Subscribe()
	defer s.Close()
	for i := 0; i < Buffer+10; i++ { // never blocks, though nobody reads
		b.Publish(Event{Type: Timeline, InterviewID: "iv"})
	}
	for i := 0; i < Buffer; i++ {
		<-s.Events()
	}
	b.Publish(Event{Type: Presence, InterviewID: "iv"})
	if got := <-s.Events(); got.Type != Resync {
		t.Fatalf("after falling behind got %q, want resync", got.Type)
	}
	if got := <-s.Events(); got.Type != Presence {
		t.Fatalf("after resync got %q, want the new event", got.Type)
	}
}

func TestCloseEndsDeliveryOnce(t *testing.T) {
	b := NewBus()
	s := b.Subscribe()
	s.Close()
	s.Close()
	if _, open := <-s.Events(); open {
		t.Fatal("events still open after Close")
	}
	b.Publish(Event{Type: Outbox}) // no panic on a closed subscription
	if n := b.Subscribers(); n != 0 {
		t.Fatalf("subscribers = %d after Close", n)
	}
	var nilBus *Bus
	nilBus.Publish(Event{Type: Outbox})
}

func TestCloseEndsEverySubscription(t *testing.T) {
	b := NewBus()
	s := b.Subscribe()
	b.Close()
	b.Close()
	if _, open := <-s.Events(); open {
		t.Fatal("events still open after the bus closed")
	}
	s.Close() // the subscriber's own Close after the bus's is harmless
	late := b.Subscribe()
	if _, open := <-late.Events(); open {
		t.Fatal("a subscription on a closed bus is open")
	}
	b.Publish(Event{Type: Outbox})
	if n := b.Subscribers(); n != 0 {
		t.Fatalf("subscribers = %d after Close", n)
	}
}
