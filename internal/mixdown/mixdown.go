package mixdown

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// Layout is how the participants' tiles share the frame.
type Layout string

// Layouts.
const (
	// LayoutGrid: every tile the same size, in rows and columns.
	LayoutGrid Layout = "grid"
	// LayoutPIP: the focus participant over the whole frame, the others
	// small in the bottom-right corner (picture-in-picture).
	LayoutPIP Layout = "pip"
)

// Kind is a track's media kind.
type Kind string

// Kinds.
const (
	KindVideo Kind = "video"
	KindAudio Kind = "audio"
)

// SourceScreen is the Track.Source of a screen share: it gets a tile of its
// own. Every other video source is the participant's camera.
const SourceScreen = "screen"

// Track is one recorded file: one participant's camera, microphone or
// screen from one connection.
type Track struct {
	Path        string
	Participant string // the participant's ID: tracks with the same ID share a tile
	Name        string // the person's name, drawn in their tile
	Kind        Kind
	Source      string        // "camera", "microphone", "screen", "screen-audio"
	Started     time.Time     // wall-clock time of the file's first frame
	Duration    time.Duration // length of the file
}

// Input says what to build.
type Input struct {
	Tracks []Track
	Layout Layout // LayoutGrid when empty
	// Focus is the participant ID shown first in a grid and large in
	// picture-in-picture (the candidate); the earliest participant when
	// empty or unknown.
	Focus string
	// Out is the file to write. It is replaced only when the build succeeds.
	Out string
	// Progress, when set, is called from Build's goroutine as ffmpeg
	// reports how much of the timeline it has encoded.
	Progress func(done, total time.Duration)

	// Width, Height and FPS of the output: 960x540 at 15 fps when zero.
	Width, Height, FPS int
	// FFmpeg is the ffmpeg program; found on PATH when empty.
	FFmpeg string
	// Font is the font file for names; DejaVu Sans when empty.
	Font string
	// LowPriority runs ffmpeg at a lower CPU priority (nice 10, where the
	// nice program exists), so that work someone waits for comes first.
	LowPriority bool
}

// Result describes the file Build wrote.
type Result struct {
	Path     string
	Start    time.Time     // wall-clock time of the output's 0 s: the earliest track's start
	Duration time.Duration // from the earliest track's start to the latest track's end
	Width    int
	Height   int
	Names    bool // the names were drawn (drawtext and a font were available)
}

const (
	defaultWidth  = 960
	defaultHeight = 540
	defaultFPS    = 15
)

// Build encodes in.Tracks into one WebM file at in.Out. It blocks until
// ffmpeg is done; cancelling ctx stops ffmpeg and removes the partial file.
func Build(ctx context.Context, in Input) (Result, error) {
	in, err := withDefaults(in)
	if err != nil {
		return Result{}, err
	}
	p, err := newPlan(in)
	if err != nil {
		return Result{}, err
	}
	names, cleanup, err := prepareNames(ctx, in, p)
	if err != nil {
		return Result{}, err
	}
	defer cleanup()
	tmp := in.Out + ".tmp"
	args := ffmpegArgs(in, p, names, tmp)
	if err := run(ctx, command(in), args, p.span, in.Progress); err != nil {
		_ = os.Remove(tmp)
		return Result{}, fmt.Errorf("mixdown %s: %w", in.Out, err)
	}
	if err := os.Rename(tmp, in.Out); err != nil {
		_ = os.Remove(tmp)
		return Result{}, fmt.Errorf("mixdown %s: %w", in.Out, err)
	}
	return Result{Path: in.Out, Start: p.start, Duration: p.span, Width: in.Width, Height: in.Height, Names: names != nil}, nil
}

// command is the program and its first arguments: ffmpeg, through nice
// when asked for a lower priority and nice is there.
func command(in Input) []string {
	if in.LowPriority {
		if nice, err := exec.LookPath("nice"); err == nil {
			return []string{nice, "-n", "10", in.FFmpeg}
		}
	}
	return []string{in.FFmpeg}
}

func withDefaults(in Input) (Input, error) {
	if in.Layout == "" {
		in.Layout = LayoutGrid
	}
	if in.Layout != LayoutGrid && in.Layout != LayoutPIP {
		return in, fmt.Errorf("%w: layout %q (want %q or %q)", ErrInvalid, in.Layout, LayoutGrid, LayoutPIP)
	}
	if in.Out == "" {
		return in, fmt.Errorf("%w: no output file", ErrInvalid)
	}
	if in.Width == 0 && in.Height == 0 {
		in.Width, in.Height = defaultWidth, defaultHeight
	}
	if in.Width < 64 || in.Height < 64 || in.Width%2 != 0 || in.Height%2 != 0 {
		return in, fmt.Errorf("%w: size %dx%d (want even, at least 64x64)", ErrInvalid, in.Width, in.Height)
	}
	if in.FPS == 0 {
		in.FPS = defaultFPS
	}
	if in.FPS < 1 || in.FPS > 60 {
		return in, fmt.Errorf("%w: %d fps", ErrInvalid, in.FPS)
	}
	if in.FFmpeg == "" {
		path, err := exec.LookPath("ffmpeg")
		if err != nil {
			return in, fmt.Errorf("%w: %w", ErrNoFFmpeg, err)
		}
		in.FFmpeg = path
	}
	return in, nil
}
