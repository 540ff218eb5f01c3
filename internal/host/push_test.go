package host

import (
	"bufio"
	"context"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/push"
)

func TestRecordingChangesArePushedAndGrowthPulses(t *testing.T) {
	h := &Host{push: push.NewBus()}
	h.growing.every = time.Millisecond
	sub := h.Push().Subscribe()
	next := func() push.Event {
		t.Helper()
		select {
		case e := <-sub.Events():
			return e
		case <-time.After(5 * time.Second):
			t.Fatal("no event")
			return push.Event{}
		}
	}
	track := func(typ media.EventType, room string) media.Event {
		return media.Event{Type: typ, Room: room, Track: &media.TrackInfo{}}
	}

	h.publishRecordings(track(media.EventTrackPublished, "iv1"))
	h.publishRecordings(track(media.EventTrackPublished, "iv1")) // the microphone too
	// The two changes, then the growth pulse.
	for i := 0; i < 4; i++ {
		if e := next(); e.Type != push.Recordings || e.InterviewID != "iv1" {
			t.Fatalf("event %d: %+v, want recordings of iv1", i, e)
		}
	}
	h.publishRecordings(track(media.EventTrackUnpublished, "iv1"))
	if !h.growing.pulsing("iv1") {
		t.Error("the pulse stopped while a track is still recorded")
	}
	h.publishRecordings(track(media.EventTrackUnpublished, "iv1"))
	if h.growing.pulsing("iv1") {
		t.Error("the pulse goes on after the last track stopped")
	}
	h.publishRecordings(media.Event{Type: media.EventConnectionState, Room: "iv1"}) // not about recordings
	h.publishRecordings(media.Event{Type: media.EventRecordingFinalised, Room: "iv2"})
	for e := next(); e.InterviewID != "iv2"; e = next() {
		if e.InterviewID != "iv1" || e.Type != push.Recordings {
			t.Fatalf("got %+v before the finalised recording", e)
		}
	}

	h.publishRecordings(track(media.EventTrackPublished, "iv3"))
	h.closePush()
	if h.growing.pulsing("iv3") {
		t.Error("a pulse outlived the host")
	}
	for range sub.Events() { // drains, then ends: the bus closed
	}
}

func TestCloseEndsConsoleStreams(t *testing.T) {
	h, err := Open(Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", Media: Media{Disabled: true}},
		slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", h.URL()+"/api/stream", nil)
	req.Header.Set("Authorization", "Bearer "+h.Key())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if line, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil || line != "event: hello\n" {
		t.Fatalf("stream opened with %q, %v", line, err)
	}
	// An open stream must not hold the HTTP server's drain until its deadline.
	start := time.Now()
	if err := h.Close(); err != nil {
		t.Fatalf("close with a console stream open: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("close took %v with a console stream open", d)
	}
}

func TestOutboxChangesOfAnInterviewArePushed(t *testing.T) {
	h := &Host{push: push.NewBus()}
	sub := h.Push().Subscribe()
	defer sub.Close()
	h.publishOutbox(mail.Entry{Ref: ""}) // a test email: no interview's screen
	h.publishOutbox(mail.Entry{Ref: "iv1"})
	if e := <-sub.Events(); e.Type != push.Outbox || e.InterviewID != "iv1" {
		t.Fatalf("got %+v, want outbox of iv1", e)
	}
}

func TestInterviewChangesArePushedAfterCommit(t *testing.T) {
	h, err := Open(Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", Media: Media{Disabled: true}},
		slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	c := client.InProcess(h.Handler(), h.Key())
	ctx := context.Background()
	var list struct{ Templates []struct{ ID string } }
	if err := c.Do(ctx, "GET", "/api/templates", nil, &list); err != nil || len(list.Templates) == 0 {
		t.Fatalf("templates: %+v, %v", list, err)
	}
	sub := h.Push().Subscribe()
	defer sub.Close()
	var iv struct{ ID string }
	if err := c.Do(ctx, "POST", "/api/interviews", map[string]any{"templateId": list.Templates[0].ID, "position": "Backend",
		"candidateName": "Olivia Diaz", "candidateEmail": "olivia@example.com", "when": "now"}, &iv); err != nil {
		t.Fatal(err)
	}
	// A refused change commits nothing and is not announced.
	if err := c.Do(ctx, "POST", "/api/interviews/"+iv.ID+"/interviewers", map[string]string{"name": "", "email": "x"}, nil); err == nil {
		t.Fatal("an interviewer without a name was added")
	}
	if err := c.Do(ctx, "PUT", "/api/interviews/"+iv.ID+"/tools", map[string]bool{"liveCode": true, "whiteboard": false}, nil); err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // created, then the tools
		select {
		case e := <-sub.Events():
			if e.Type != push.Interview || e.InterviewID != iv.ID {
				t.Fatalf("event %d: %+v, want interview %s", i, e, iv.ID)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("event %d: none", i)
		}
	}
	select {
	case e := <-sub.Events():
		t.Errorf("an event more than the two changes: %+v", e)
	default:
	}
}
