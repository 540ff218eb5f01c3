package analysis

import (
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// recordings stands in for the media backend's list (internal/media records
// and lists real files): one finished microphone track of the candidate.
type recordings struct{ started time.Time }

func (r recordings) Recordings(string) ([]media.Recording, error) {
	return []media.Recording{
		{Participant: "candidate", Kind: media.KindAudio, Source: media.SourceMicrophone, Started: r.started, Finalised: true,
			Duration: time.Hour},
		{Participant: "candidate", Kind: media.KindVideo, Source: media.SourceCamera, Started: r.started, Finalised: true},
	}, nil
}

func TestServiceAnalysesAnEndedInterviewAndKeepsOverrides(t *testing.T) {
	f := newFixture(t, templates.Question{Text: "What is a goroutine?", Alternative: "Explain goroutines",
		ExpectedAnswer: "A lightweight thread managed by the Go runtime.", KeyPoints: []string{"lightweight thread", "runtime schedules it"}})
	db, rooms, iv, log, now := f.db, f.rooms, f.iv, f.log, f.now
	bus := push.NewBus()
	t.Cleanup(bus.Close)
	sub := bus.Subscribe()
	tr := scriptTranscriber{"candidate": {Segments: []Segment{{Span{0, sec(5)}, "a lightweight thread"}}}}
	// The engines are chosen as each run starts (the host reads them from settings).
	var chosen Transcriber = tr
	var chooseErr error
	svc := New(Config{DB: db, Rooms: rooms, Recordings: recordings{started: t0.Add(sec(30))}, Push: bus, Logger: log, Now: now,
		Engines: func() (Transcriber, Scorer, error) { return chosen, wordScorer{}, chooseErr }})
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })

	rita := room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com", Name: "Rita"}
	olivia := room.Actor{Role: room.RoleCandidate, Name: "Olivia"}
	must := func(a room.Actor, typ room.Type, data any) {
		t.Helper()
		if _, _, err := rooms.Append(iv.ID, a, typ, data); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
	}
	must(olivia, room.TypeConsented, room.ConsentData{PersonalData: true, AIAnalysis: true, RecordingNotice: true})
	must(rita, room.TypeStarted, nil)
	if _, err := svc.Queue(iv.ID); !errors.Is(err, ErrNotEnded) {
		t.Errorf("queue during the interview: %v, want ErrNotEnded", err)
	}
	*f.clock = t0.Add(sec(29))
	must(rita, room.TypeTechnicalStarted, nil)
	must(rita, room.TypeRated, room.RatingData{Index: 0, Rating: 3})
	must(rita, room.TypeEnded, nil)

	if _, err := svc.Queue(iv.ID); err != nil {
		t.Fatal(err)
	}
	a := waitFor(t, svc, sub, iv.ID)
	if a.Status != StatusDone || len(a.Answers) != 1 || a.Answers[0].Answer != "a lightweight thread" ||
		a.Answers[0].Score != 2.5 || a.Answers[0].Rating != 3 || a.Engines.Transcription != "script" || a.FinishedAt.IsZero() {
		t.Fatalf("analysis = %+v", a)
	}
	got, err := svc.Override(iv.ID, 0, 4.5, "explained scheduling well in the follow-up", "Rita")
	if err != nil {
		t.Fatal(err)
	}
	if o := got.Answers[0].Override; o == nil || o.By != "Rita" || got.Answers[0].Final() != 4.5 || got.Overall.Score != 4.5 {
		t.Errorf("after override: %+v", got.Answers[0])
	}
	if _, err := svc.Override(iv.ID, 0, 7, "", "Rita"); !errors.Is(err, ErrOverride) {
		t.Errorf("override 7/5: %v", err)
	}
	// A re-run keeps the interviewer's override, and uses the engines chosen now.
	chosen = renamed{tr, "another engine"}
	if _, err := svc.Queue(iv.ID); err != nil {
		t.Fatal(err)
	}
	a = waitFor(t, svc, sub, iv.ID)
	if a.Answers[0].Override == nil || a.Overall.Score != 4.5 || a.Answers[0].Score != 2.5 ||
		a.Engines.Transcription != "another engine" {
		t.Errorf("after a re-run: %+v / %+v / %+v", a.Answers[0], a.Overall, a.Engines)
	}
	chooseErr = errors.New("settings unreadable")
	if _, err := svc.Queue(iv.ID); err != nil {
		t.Fatal(err)
	}
	if a = waitFor(t, svc, sub, iv.ID); a.Status != StatusFailed || !strings.Contains(a.Error, "settings unreadable") {
		t.Errorf("with no engines to choose: %s %q, want failed with the cause", a.Status, a.Error)
	}
}

// renamed is a transcriber under another name.
type renamed struct {
	Transcriber
	name string
}

func (r renamed) Name() string { return r.name }

// waitFor follows the push bus until the analysis is no longer queued or running.
func waitFor(t *testing.T, svc *Service, sub *push.Subscription, id string) Analysis {
	t.Helper()
	for {
		select {
		case <-sub.Events():
			a, err := svc.Get(id)
			if err == nil && a.Status != StatusQueued && a.Status != StatusRunning {
				return a
			}
		case <-time.After(30 * time.Second):
			t.Fatal("the analysis did not finish")
		}
	}
}

// fixture is a real store with one interview of the given questions.
type fixture struct {
	db    *store.DB
	rooms *room.Service
	iv    interviews.Interview
	log   *slog.Logger
	now   func() time.Time
	clock *time.Time
}

func newFixture(t *testing.T, questions ...templates.Question) fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clock := t0
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	ts := templates.New(db, now)
	tpl, err := ts.Create(templates.Content{Name: "Go", Plan: []templates.Topic{{Title: "Intro"}}, Questions: questions})
	if err != nil {
		t.Fatal(err)
	}
	ivs := interviews.New(db, ts, settings.New(db), now)
	iv, err := ivs.Create(interviews.NewInterview{TemplateID: tpl.ID, Position: "Go", CandidateName: "Olivia",
		CandidateEmail: "olivia@example.com", When: "now"})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	return fixture{db: db, rooms: room.New(db, ivs, log, now), iv: iv, log: log, now: now, clock: &clock}
}
