package analysis

import (
	"context"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// clippedTranscriber stands in for speech recognition (tested on real audio
// in internal/transcribe) and checks the clip it is asked for.
type clippedTranscriber struct{ got chan Track }

func (clippedTranscriber) Name() string    { return "clip" }
func (clippedTranscriber) Quality() string { return "exact" }
func (c clippedTranscriber) Transcribe(_ context.Context, t Track) (Heard, error) {
	c.got <- t
	return Heard{Segments: []Segment{{Span{t.From, t.To}, "a lightweight thread"}}}, nil
}

// When Next closes question 1's window, its preliminary assessment is made
// from the clip of the candidate's microphone inside that window and posted
// to the room; a candidate who declined AI analysis gets none.
func TestLiveAssessmentAsAWindowCloses(t *testing.T) {
	f := newFixture(t,
		templates.Question{Text: "Goroutine?", Alternative: "Explain", ExpectedAnswer: "A lightweight thread.",
			KeyPoints: []string{"lightweight thread", "runtime schedules it"}},
		templates.Question{Text: "Channel?", Alternative: "Explain", ExpectedAnswer: "A typed conduit."})
	db, rooms, iv, log, now := f.db, f.rooms, f.iv, f.log, f.now
	tr := clippedTranscriber{got: make(chan Track, 1)}
	posted := make(chan room.AssessmentData, 1)
	svc := New(Config{DB: db, Rooms: rooms, Recordings: recordings{started: t0}, Transcriber: tr, Scorer: wordScorer{},
		Logger: log, Now: now, Post: func(_ context.Context, _ string, d room.AssessmentData) error {
			posted <- d
			return nil
		}})
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	listen := svc.Listener()
	rita := room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com", Name: "Rita"}
	step := func(a room.Actor, typ room.Type, data any) room.Event {
		t.Helper()
		_, e, err := rooms.Append(iv.ID, a, typ, data)
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		listen(context.Background(), iv, e)
		return e
	}
	step(room.Actor{Role: room.RoleCandidate, Name: "Olivia"}, room.TypeConsented,
		room.ConsentData{PersonalData: true, AIAnalysis: true, RecordingNotice: true})
	step(rita, room.TypeStarted, nil)
	shown := step(rita, room.TypeTechnicalStarted, nil)
	next := step(rita, room.TypeQuestionShown, room.QuestionData{Index: 1})

	select {
	case clip := <-tr.got:
		if clip.From != shown.At.Sub(t0) || clip.To != next.At.Sub(t0) {
			t.Errorf("clip %v–%v, want the window %v–%v", clip.From, clip.To, shown.At.Sub(t0), next.At.Sub(t0))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no clip was transcribed")
	}
	select {
	case d := <-posted:
		if d.Index != 0 || d.Score != 2.5 || len(d.Covered) != 1 || d.Heard != "a lightweight thread" {
			t.Errorf("assessment = %+v", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no assessment was posted")
	}
}
