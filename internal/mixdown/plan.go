package mixdown

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// plan is the timeline: every track placed at its offset from the earliest
// start, the tiles they fill and where each tile sits in the frame.
type plan struct {
	start time.Time
	span  time.Duration
	// inputs are the tracks in ffmpeg input order (by start time).
	inputs []Track
	tiles  []tile
	audio  []placed
}

// tile is one participant's camera (or screen) over the whole timeline.
type tile struct {
	participant string
	name        string
	screen      bool
	segments    []placed // the files that show in it, by start time
	at          rect
}

// placed is one input at its offset on the timeline.
type placed struct {
	input  int
	offset time.Duration
}

func newPlan(in Input) (*plan, error) {
	if len(in.Tracks) == 0 {
		return nil, fmt.Errorf("%w: no tracks", ErrInvalid)
	}
	for _, t := range in.Tracks {
		if err := checkTrack(t); err != nil {
			return nil, err
		}
	}
	p := &plan{inputs: slices.Clone(in.Tracks)}
	slices.SortStableFunc(p.inputs, func(a, b Track) int {
		return cmp.Or(a.Started.Compare(b.Started), cmp.Compare(a.Path, b.Path))
	})
	p.start = p.inputs[0].Started
	for _, t := range p.inputs {
		p.span = max(p.span, t.Started.Add(t.Duration).Sub(p.start))
	}
	p.placeTracks(in.Focus)
	rects := gridRects(len(p.tiles), in.Width, in.Height)
	if in.Layout == LayoutPIP {
		rects = pipRects(len(p.tiles), in.Width, in.Height)
	}
	for i := range p.tiles {
		p.tiles[i].at = rects[i]
	}
	return p, nil
}

func checkTrack(t Track) error {
	switch {
	case t.Path == "":
		return fmt.Errorf("%w: a track has no file", ErrInvalid)
	case t.Participant == "":
		return fmt.Errorf("%w: track %s has no participant", ErrInvalid, t.Path)
	case t.Kind != KindVideo && t.Kind != KindAudio:
		return fmt.Errorf("%w: track %s has kind %q", ErrInvalid, t.Path, t.Kind)
	case t.Started.IsZero():
		return fmt.Errorf("%w: track %s has no start time", ErrInvalid, t.Path)
	case t.Duration <= 0:
		return fmt.Errorf("%w: track %s has no duration", ErrInvalid, t.Path)
	}
	return nil
}

// placeTracks gives every participant a camera tile (a screen tile too if
// they shared one), the focus participant's first, the others in the order
// they first appear, and lists the audio.
func (p *plan) placeTracks(focus string) {
	index := map[[2]string]int{}
	tileOf := func(t Track, screen bool) *tile {
		key := [2]string{t.Participant, fmt.Sprint(screen)}
		i, ok := index[key]
		if !ok {
			i = len(p.tiles)
			index[key] = i
			p.tiles = append(p.tiles, tile{participant: t.Participant, screen: screen})
		}
		if p.tiles[i].name == "" {
			p.tiles[i].name = t.Name
		}
		return &p.tiles[i]
	}
	for i, t := range p.inputs {
		at := placed{input: i, offset: t.Started.Sub(p.start)}
		cam := tileOf(t, false)
		switch {
		case t.Kind == KindAudio:
			p.audio = append(p.audio, at)
		case t.Source == SourceScreen:
			scr := tileOf(t, true)
			scr.segments = append(scr.segments, at)
		default:
			cam.segments = append(cam.segments, at)
		}
	}
	for i := range p.tiles {
		t := &p.tiles[i]
		t.name = cmp.Or(t.name, t.participant)
		if t.screen {
			t.name += " (screen)"
		}
	}
	slices.SortStableFunc(p.tiles, func(a, b tile) int {
		return cmp.Compare(rank(a, focus), rank(b, focus))
	})
}

// rank puts the focus participant's camera first and screens after cameras.
func rank(t tile, focus string) int {
	switch {
	case t.participant == focus && !t.screen:
		return 0
	case !t.screen:
		return 1
	}
	return 2
}
