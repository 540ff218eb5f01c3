package mixdown

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

const s = time.Second

// interview records three participants: Alice (the candidate) reconnects,
// so her camera and microphone each have two files with a 2 s gap; Bob
// joins at 0.5 s and his camera halves its resolution midway; Carol joins
// late with audio only. Each voice is a tone of its own.
func interview(t *testing.T) []Track {
	t.Helper()
	dir := t.TempDir()
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	tracks := []Track{
		{Participant: "a", Name: "Alice Candidate", Kind: KindVideo, Source: "camera", Started: at(0), Duration: 4 * s},
		{Participant: "a", Name: "Alice Candidate", Kind: KindAudio, Source: "microphone", Started: at(0), Duration: 4 * s},
		{Participant: "a", Name: "Alice Candidate", Kind: KindVideo, Source: "camera", Started: at(6 * s), Duration: 4 * s},
		{Participant: "a", Name: "Alice Candidate", Kind: KindAudio, Source: "microphone", Started: at(6 * s), Duration: 4 * s},
		{Participant: "b", Name: "Bob Interviewer", Kind: KindVideo, Source: "camera", Started: at(s / 2), Duration: 9500 * time.Millisecond},
		{Participant: "b", Name: "Bob Interviewer", Kind: KindAudio, Source: "microphone", Started: at(s / 2), Duration: 9500 * time.Millisecond},
		{Participant: "c", Name: "Carol", Kind: KindAudio, Source: "microphone", Started: at(3 * s), Duration: 6 * s},
	}
	tones := map[string]int{"a": aliceHz, "b": bobHz, "c": carolHz}
	for i := range tracks {
		tr := &tracks[i]
		tr.Path = filepath.Join(dir, tr.Participant+"-"+tr.Source+"-"+string(rune('1'+i))+".webm")
		switch {
		case tr.Kind == KindAudio:
			microphone(t, tr.Path, tr.Duration, tones[tr.Participant])
		case tr.Participant == "b":
			cameraResized(t, tr.Path, tr.Duration)
		default:
			camera(t, tr.Path, tr.Duration, "320x240")
		}
	}
	return tracks
}

const (
	aliceHz = 300
	bobHz   = 500
	carolHz = 2000
	span    = 10 * s
	// A tile showing the test pattern is far brighter than one showing
	// the dark background.
	brightLuma = 60
	darkLuma   = 40
	// A tone's level in dB when it plays, and the most that leaks through
	// the band filter when it does not.
	toneOn  = -30
	toneOff = -45
)

func TestBuild(t *testing.T) {
	ffmpegOrFail(t)
	tracks := interview(t)
	out := t.TempDir()

	t.Run("grid", func(t *testing.T) {
		var last, total time.Duration
		res := build(t, Input{Tracks: tracks, Layout: LayoutGrid, Focus: "a", Out: filepath.Join(out, "grid.webm"),
			Progress: func(done, all time.Duration) { last, total = done, all }})
		checkFile(t, res)
		if last != span || total != span {
			t.Errorf("last progress %v of %v, want %v of %v", last, total, span, span)
		}
		// 3 tiles in 2 rows: Alice top left, Bob top right, Carol below.
		alice, bob, carolCorner := rect{120, 40, 240, 160}, rect{600, 40, 240, 160}, rect{250, 280, 60, 40}
		checkLuma(t, res.Path, []lumaCheck{
			{"Bob before he joins", 200 * time.Millisecond, bob, false},
			{"Alice", 2 * s, alice, true},
			{"Bob", 2 * s, bob, true},
			{"Alice's reconnect gap", 5 * s, alice, false},
			{"Alice after reconnecting", 8 * s, alice, true},
			{"Bob at half resolution", 8 * s, bob, true},
			{"Carol's tile (audio only)", 5 * s, carolCorner, false},
		})
		checkTones(t, res.Path)
	})

	t.Run("pip", func(t *testing.T) {
		res := build(t, Input{Tracks: tracks, Layout: LayoutPIP, Focus: "a", Out: filepath.Join(out, "pip.webm")})
		checkFile(t, res)
		// Alice over the whole frame, Bob small in the bottom-right corner.
		alice, bob := rect{100, 50, 300, 200}, rect{760, 400, 130, 90}
		checkLuma(t, res.Path, []lumaCheck{
			{"Alice", 2 * s, alice, true},
			{"Bob", 2 * s, bob, true},
			{"Alice's reconnect gap", 5 * s, alice, false},
			{"Bob during Alice's gap", 5 * s, bob, true},
			{"Alice after reconnecting", 8 * s, alice, true},
		})
	})
}

func checkFile(t *testing.T, res Result) {
	t.Helper()
	if res.Width != 960 || res.Height != 540 || res.Duration != span || !res.Start.Equal(t0) || !res.Names {
		t.Errorf("result %+v, want 960x540, %v from %v, with names", res, span, t0)
	}
	p := probe(t, res.Path)
	if d := p.duration(t); !within(d, span, 300*time.Millisecond) {
		t.Errorf("duration %v, want %v ± 0.3 s", d, span)
	}
	var video, audio int
	for _, st := range p.Streams {
		switch st.CodecType {
		case "video":
			video++
			if st.CodecName != "vp9" || st.Width != 960 || st.Height != 540 {
				t.Errorf("video stream %+v, want vp9 960x540", st)
			}
		case "audio":
			audio++
			if st.CodecName != "opus" {
				t.Errorf("audio codec %s, want opus", st.CodecName)
			}
		}
	}
	if video != 1 || audio != 1 || len(p.Streams) != 2 {
		t.Errorf("%d streams, %d video and %d audio; want one of each", len(p.Streams), video, audio)
	}
	if _, err := os.Stat(res.Path + ".tmp"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file left behind: %v", err)
	}
}

type lumaCheck struct {
	what   string
	at     time.Duration
	region rect
	bright bool
}

func checkLuma(t *testing.T, path string, checks []lumaCheck) {
	t.Helper()
	for _, c := range checks {
		y := luma(t, path, c.at, c.region)
		if c.bright && y < brightLuma {
			t.Errorf("%s at %v: luma %.1f, want video (≥ %d)", c.what, c.at, y, brightLuma)
		}
		if !c.bright && y > darkLuma {
			t.Errorf("%s at %v: luma %.1f, want the dark background (≤ %d)", c.what, c.at, y, darkLuma)
		}
	}
}

// checkTones finds each voice where its files put it on the timeline.
func checkTones(t *testing.T, path string) {
	t.Helper()
	cases := []struct {
		what     string
		from, to time.Duration
		hz       int
		on       bool
	}{
		{"Carol before she joins at 3 s", s / 2, 2800 * time.Millisecond, carolHz, false},
		{"Carol after she joins", 3300 * time.Millisecond, 8700 * time.Millisecond, carolHz, true},
		{"Alice before her reconnect", s, 3700 * time.Millisecond, aliceHz, true},
		{"Alice in her reconnect gap", 4300 * time.Millisecond, 5700 * time.Millisecond, aliceHz, false},
		{"Alice after her reconnect", 6300 * time.Millisecond, 9700 * time.Millisecond, aliceHz, true},
		{"Bob before he joins", 0, 400 * time.Millisecond, bobHz, false},
		{"Bob", s, 9 * s, bobHz, true},
	}
	for _, c := range cases {
		db := toneLevel(t, path, c.from, c.to, c.hz)
		if c.on && db < toneOn {
			t.Errorf("%s (%v–%v): %.1f dB, want ≥ %d dB", c.what, c.from, c.to, db, toneOn)
		}
		if !c.on && db > toneOff {
			t.Errorf("%s (%v–%v): %.1f dB, want silence (≤ %d dB)", c.what, c.from, c.to, db, toneOff)
		}
	}
}

func TestBuildCancelled(t *testing.T) {
	ffmpegOrFail(t)
	dir := t.TempDir()
	mic := filepath.Join(dir, "a-microphone-1.webm")
	microphone(t, mic, 3*s, aliceHz)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := filepath.Join(dir, "mix.webm")
	_, err := Build(ctx, Input{
		// A long timeline, so that ffmpeg is still encoding when it is stopped.
		Tracks: []Track{
			{Path: mic, Participant: "a", Kind: KindAudio, Started: t0, Duration: 3 * s},
			{Path: mic, Participant: "b", Kind: KindAudio, Started: t0.Add(time.Hour), Duration: 3 * s},
		},
		Out:      out,
		Progress: func(done, _ time.Duration) { cancel() },
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Build: %v, want context.Canceled", err)
	}
	for _, p := range []string{out, out + ".tmp"} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s after cancel: %v, want no file", p, err)
		}
	}
}

// At a low priority ffmpeg runs niced, and the file is the same.
func TestBuildLowPriority(t *testing.T) {
	ffmpegOrFail(t)
	dir := t.TempDir()
	mic := filepath.Join(dir, "a-microphone-1.webm")
	microphone(t, mic, 3*s, aliceHz)
	var nices []int
	res := build(t, Input{Tracks: []Track{{Path: mic, Participant: "a", Kind: KindAudio, Started: t0, Duration: 3 * s}},
		Out: filepath.Join(dir, "mix.webm"), LowPriority: true,
		Progress: func(done, total time.Duration) {
			if done < total {
				for _, c := range testmain.Children(t) {
					if c.Name == "ffmpeg" {
						nices = append(nices, c.Nice)
					}
				}
			}
		}})
	if len(nices) == 0 || slices.ContainsFunc(nices, func(n int) bool { return n != 10 }) {
		t.Errorf("ffmpeg's niceness while it ran: %v, want 10", nices)
	}
	if d := probe(t, res.Path).duration(t); !within(d, 3*s, 200*time.Millisecond) {
		t.Errorf("duration = %v, want 3s", d)
	}
}

func TestBuildFFmpegError(t *testing.T) {
	ffmpegOrFail(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "a-camera-1.webm")
	if err := os.WriteFile(bad, []byte("not a recording"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Input{
		Tracks: []Track{{Path: bad, Participant: "a", Kind: KindVideo, Started: t0, Duration: s}},
		Out:    filepath.Join(dir, "mix.webm"),
	})
	if !errors.Is(err, ErrFFmpeg) || !strings.Contains(err.Error(), "Invalid data") {
		t.Fatalf("Build: %v, want ErrFFmpeg with ffmpeg's message", err)
	}
}

func TestBuildInvalid(t *testing.T) {
	ok := Track{Path: "a.webm", Participant: "a", Kind: KindAudio, Started: t0, Duration: s}
	with := func(f func(*Track)) []Track { tr := ok; f(&tr); return []Track{tr} }
	cases := []struct {
		name string
		in   Input
	}{
		{"no tracks", Input{Out: "x.webm"}},
		{"no output", Input{Tracks: []Track{ok}}},
		{"unknown layout", Input{Tracks: []Track{ok}, Out: "x.webm", Layout: "mosaic"}},
		{"odd size", Input{Tracks: []Track{ok}, Out: "x.webm", Width: 961, Height: 540}},
		{"no start time", Input{Tracks: with(func(t *Track) { t.Started = time.Time{} }), Out: "x.webm"}},
		{"no duration", Input{Tracks: with(func(t *Track) { t.Duration = 0 }), Out: "x.webm"}},
		{"no kind", Input{Tracks: with(func(t *Track) { t.Kind = "" }), Out: "x.webm"}},
		{"no participant", Input{Tracks: with(func(t *Track) { t.Participant = "" }), Out: "x.webm"}},
		{"missing font", Input{Tracks: []Track{ok}, Out: "x.webm", Font: "/nonexistent/font.ttf"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.in.FFmpeg = "/nonexistent/ffmpeg" // never reached
			if _, err := Build(context.Background(), c.in); !errors.Is(err, ErrInvalid) {
				t.Errorf("Build: %v, want ErrInvalid", err)
			}
		})
	}
}
