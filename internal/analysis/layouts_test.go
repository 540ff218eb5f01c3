package analysis

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// fileCombiner writes a small file for each job, as mixdown would a video,
// and can be told to fail or to hold a layout until it is cancelled.
type fileCombiner struct {
	mu   sync.Mutex
	jobs []CombineJob
	fail map[LayoutName]error
	hold map[LayoutName]chan struct{} // closed when the held build began
}

func (f *fileCombiner) combine(ctx context.Context, j CombineJob) (Combined, error) {
	f.mu.Lock()
	f.jobs = append(f.jobs, j)
	err, hold := f.fail[j.Layout], f.hold[j.Layout]
	f.mu.Unlock()
	if hold != nil {
		close(hold)
		<-ctx.Done()
		return Combined{}, ctx.Err()
	}
	if err != nil {
		return Combined{}, err
	}
	j.Progress(0.5)
	if err := os.MkdirAll(filepath.Dir(j.Out), 0o700); err != nil {
		return Combined{}, err
	}
	return Combined{Start: t0, DurationMs: 60000, Width: 960, Height: 540}, os.WriteFile(j.Out, []byte(j.Layout), 0o600)
}

func (f *fileCombiner) count(layout LayoutName) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, j := range f.jobs {
		if j.Layout == layout {
			n++
		}
	}
	return n
}

// waitLayout follows the bus until layout name of id's recording is no
// longer being built.
func waitLayout(t *testing.T, svc *Service, sub *push.Subscription, id string, name LayoutName) Layout {
	t.Helper()
	for {
		a, err := svc.Get(id)
		if err == nil && a.Recording != nil {
			if l, ok := a.Recording.layoutOf(name); ok && l.Status != LayoutBuilding {
				return l
			}
		}
		<-sub.Events()
	}
}

// The analysis builds the picture-in-picture recording; the grid follows in
// the background (at a lower priority), a failed layout can be asked for
// again, and a build a stop cut short resumes at the next start.
func TestLayoutsAfterTheAnalysis(t *testing.T) {
	f := newFixture(t, templates.Question{Text: "What is a goroutine?", Alternative: "Explain", ExpectedAnswer: "A lightweight thread.",
		KeyPoints: []string{"lightweight thread"}})
	dir := t.TempDir()
	comb := &fileCombiner{fail: map[LayoutName]error{LayoutGrid: errors.New("ffmpeg: out of memory")}, hold: map[LayoutName]chan struct{}{}}
	bus := push.NewBus()
	t.Cleanup(bus.Close)
	sub := bus.Subscribe()
	cfg := Config{DB: f.db, Rooms: f.rooms, Recordings: recordings{started: t0}, Push: bus, Logger: f.log, Now: f.now,
		Transcriber: scriptTranscriber{}, Scorer: wordScorer{}, Combine: comb.combine, Dir: dir}
	svc := New(cfg)
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	rita := room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com", Name: "Rita"}
	for _, typ := range []room.Type{room.TypeStarted, room.TypeEnded} {
		if _, _, err := f.rooms.Append(f.iv.ID, rita, typ, nil); err != nil {
			t.Fatal(err)
		}
	}
	id := f.iv.ID
	if _, err := svc.Queue(id); err != nil {
		t.Fatal(err)
	}
	waitFor(t, svc, sub, id)
	if l := waitLayout(t, svc, sub, id, LayoutGrid); l.Status != LayoutFailed || l.Error != "ffmpeg: out of memory" {
		t.Fatalf("grid = %+v, want failed with ffmpeg's words", l)
	}
	pip, err := svc.RecordingFile(id, "")
	if raw, _ := os.ReadFile(pip); err != nil || string(raw) != "pip" {
		t.Fatalf("picture-in-picture file %s: %q, %v", pip, raw, err)
	}
	if _, err := svc.RecordingFile(id, LayoutGrid); !errors.Is(err, ErrNoRecording) {
		t.Errorf("the failed grid's file: %v, want ErrNoRecording", err)
	}
	if _, err := svc.RecordingFile(id, "mosaic"); !errors.Is(err, ErrLayout) {
		t.Errorf("a layout that does not exist: %v, want ErrLayout", err)
	}
	if _, err := svc.BuildLayout(id, "mosaic"); !errors.Is(err, ErrLayout) {
		t.Errorf("building a layout that does not exist: %v, want ErrLayout", err)
	}

	// Asked for again, the grid is built; asked once more, nothing is redone.
	comb.mu.Lock()
	delete(comb.fail, LayoutGrid)
	comb.mu.Unlock()
	if a, err := svc.BuildLayout(id, LayoutGrid); err != nil || a.Recording.Layouts[1].Status != LayoutBuilding {
		t.Fatalf("BuildLayout = %+v, %v; want the grid being built", a.Recording, err)
	}
	if l := waitLayout(t, svc, sub, id, LayoutGrid); l.Status != LayoutReady || l.Progress != 1 {
		t.Fatalf("grid = %+v, want ready", l)
	}
	grid, err := svc.RecordingFile(id, LayoutGrid)
	if raw, _ := os.ReadFile(grid); err != nil || string(raw) != "grid" {
		t.Fatalf("grid file %s: %q, %v", grid, raw, err)
	}
	if _, err := svc.BuildLayout(id, LayoutGrid); err != nil || comb.count(LayoutGrid) != 2 {
		t.Errorf("a ready grid was built again (%d builds, %v)", comb.count(LayoutGrid), err)
	}
	comb.mu.Lock()
	for _, j := range comb.jobs {
		if j.LowPriority != (j.Layout == LayoutGrid) {
			t.Errorf("%s combined with LowPriority %v; want the grid in the background only", j.Layout, j.LowPriority)
		}
	}
	comb.mu.Unlock()

	// A re-run keeps the ready grid: the tracks of an ended interview do not change.
	if _, err := svc.Queue(id); err != nil {
		t.Fatal(err)
	}
	if a := waitFor(t, svc, sub, id); len(a.Recording.Layouts) != 2 || a.Recording.Layouts[1].Status != LayoutReady {
		t.Errorf("after a re-run: %+v", a.Recording.Layouts)
	}

	// An analysis stored before layouts and voice activity reads as a
	// picture-in-picture recording, no one's voice.
	if err := svc.update(id, func(a *Analysis) { a.Recording.Layouts, a.Voice = nil, nil }); err != nil {
		t.Fatal(err)
	}
	if old, err := svc.Get(id); err != nil || old.Voice == nil || len(old.Recording.Layouts) != 1 ||
		old.Recording.Layouts[0] != (Layout{Name: LayoutPIP, Status: LayoutReady, Progress: 1}) {
		t.Errorf("an older analysis: %+v, %v", old, err)
	}

	// A stop in the middle of a build: the next start builds it.
	if err := os.Remove(grid); err != nil {
		t.Fatal(err)
	}
	began := make(chan struct{})
	comb.mu.Lock()
	comb.hold[LayoutGrid] = began
	comb.mu.Unlock()
	if err := svc.update(id, func(a *Analysis) { a.Recording.Layouts = a.Recording.Layouts[:1] }); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.BuildLayout(id, LayoutGrid); err != nil {
		t.Fatal(err)
	}
	<-began
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}
	comb.mu.Lock()
	delete(comb.hold, LayoutGrid)
	comb.mu.Unlock()
	again := New(cfg)
	if err := again.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = again.Close() })
	if l := waitLayout(t, again, sub, id, LayoutGrid); l.Status != LayoutReady {
		t.Errorf("after a restart: grid %+v, want ready", l)
	}
}
