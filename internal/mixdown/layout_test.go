package mixdown

import (
	"slices"
	"testing"
	"time"
)

func TestGridRects(t *testing.T) {
	cases := []struct {
		n    int
		want []rect
	}{
		{1, []rect{{0, 0, 960, 540}}},
		{2, []rect{{0, 0, 480, 540}, {480, 0, 480, 540}}},
		{3, []rect{{0, 0, 480, 270}, {480, 0, 480, 270}, {240, 270, 480, 270}}},
		{5, []rect{{0, 0, 320, 270}, {320, 0, 320, 270}, {640, 0, 320, 270}, {160, 270, 320, 270}, {480, 270, 320, 270}}},
	}
	for _, c := range cases {
		if got := gridRects(c.n, 960, 540); !slices.Equal(got, c.want) {
			t.Errorf("gridRects(%d) = %v, want %v", c.n, got, c.want)
		}
	}
}

func TestPIPRects(t *testing.T) {
	got := pipRects(5, 960, 540)
	want := []rect{
		{0, 0, 960, 540},
		{706, 392, 240, 134}, {452, 392, 240, 134}, {198, 392, 240, 134}, // bottom row, right to left
		{706, 244, 240, 134}, // the row above
	}
	if !slices.Equal(got, want) {
		t.Errorf("pipRects(5) = %v, want %v", got, want)
	}
}

func TestPlanTiles(t *testing.T) {
	tr := func(who, name string, kind Kind, source string, start time.Duration) Track {
		return Track{Path: who + source + start.String(), Participant: who, Name: name, Kind: kind, Source: source, Started: t0.Add(start), Duration: time.Second}
	}
	p, err := newPlan(Input{Focus: "cand", Width: 960, Height: 540, Layout: LayoutGrid, Tracks: []Track{
		tr("int", "Ivan", KindVideo, "camera", 0),
		tr("cand", "", KindAudio, "microphone", time.Second),
		tr("cand", "Cora", KindVideo, "screen", 2*time.Second),
		tr("int", "Ivan", KindVideo, "camera", 5*time.Second),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if p.span != 6*time.Second || !p.start.Equal(t0) {
		t.Errorf("timeline %v from %v, want 6s from %v", p.span, p.start, t0)
	}
	var got []string
	for _, tl := range p.tiles {
		got = append(got, tl.name)
	}
	// The focus first (named from a later track), screens last.
	if want := []string{"Cora", "Ivan", "Cora (screen)"}; !slices.Equal(got, want) {
		t.Errorf("tiles %q, want %q", got, want)
	}
	if segs := p.tiles[1].segments; len(segs) != 2 || segs[1].offset != 5*time.Second {
		t.Errorf("Ivan's camera segments %v, want two, the second at 5s", segs)
	}
	if len(p.tiles[0].segments) != 0 || len(p.audio) != 1 || p.audio[0].offset != time.Second {
		t.Errorf("Cora's camera %v, audio %v; want no camera, audio at 1s", p.tiles[0].segments, p.audio)
	}
}

func TestProgressLine(t *testing.T) {
	cases := []struct {
		line string
		want time.Duration
		ok   bool
	}{
		{"out_time_us=1500000", 1500 * time.Millisecond, true},
		{"out_time_ms=2000000", 2 * time.Second, true},
		{"out_time_us=N/A", 0, false},
		{"out_time=00:00:01.500000", 0, false},
		{"progress=continue", 0, false},
	}
	for _, c := range cases {
		if got, ok := progressLine(c.line); got != c.want || ok != c.ok {
			t.Errorf("progressLine(%q) = %v, %v; want %v, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}

func TestTailWriter(t *testing.T) {
	w := &tailWriter{max: 2}
	for _, chunk := range []string{"one\ntw", "o\n\nthree\nfou", "r"} {
		_, _ = w.Write([]byte(chunk))
	}
	if got, want := w.String(), "two; three; four"; got != want {
		t.Errorf("tail %q, want %q", got, want)
	}
}

func TestEscape(t *testing.T) {
	if got, want := escape(`/tmp/a:b'c,d[e]`), `/tmp/a\\:b\\\'c\,d\[e\]`; got != want {
		t.Errorf("escape = %s, want %s", got, want)
	}
}

func TestFitName(t *testing.T) {
	cases := []struct {
		name string
		n    int
		want string
	}{
		{"  Ada   Lovelace ", 20, "Ada Lovelace"},
		{"Ada Lovelace", 5, "Ada…"},
		{"Zoë Ångström", 4, "Zoë…"},
	}
	for _, c := range cases {
		if got := fitName(c.name, c.n); got != c.want {
			t.Errorf("fitName(%q, %d) = %q, want %q", c.name, c.n, got, c.want)
		}
	}
}
