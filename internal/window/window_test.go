package window

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTheGeometryComesBackAfterARestart(t *testing.T) {
	dir := t.TempDir()
	if g, err := Load(dir); err != nil || g != Default {
		t.Fatalf("first start: %+v, %v; want Default", g, err)
	}
	want := Geometry{X: 40, Y: 30, Width: 1000, Height: 700, Placed: true}
	if err := Save(dir, want); err != nil {
		t.Fatal(err)
	}
	if g, err := Load(dir); err != nil || g != want {
		t.Errorf("after a restart: %+v, %v; want %+v", g, err, want)
	}
	info, err := os.Stat(filepath.Join(dir, File))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("file %v, %v; want mode 0600", info, err)
	}
	if err := os.WriteFile(filepath.Join(dir, File), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if g, err := Load(dir); err == nil || g != Default {
		t.Errorf("a damaged file: %+v, %v; want Default and an error", g, err)
	}
}

func TestObserved(t *testing.T) {
	prev := Geometry{X: 40, Y: 30, Width: 1000, Height: 700, Placed: true}
	tests := []struct {
		name                 string
		x, y, width, height  int
		maximised, minimised bool
		want                 Geometry
	}{
		{"moved and resized", 100, 80, 1100, 760, false, false, Geometry{X: 100, Y: 80, Width: 1100, Height: 760, Placed: true}},
		{"maximised keeps the normal size", 0, 0, 1920, 1080, true, false, Geometry{X: 40, Y: 30, Width: 1000, Height: 700, Placed: true, Maximised: true}},
		{"minimised keeps everything", -32000, -32000, 160, 28, false, true, prev},
		{"no size reported", 10, 10, 0, 0, false, false, prev},
		{"below the minimum", 5, 5, 300, 200, false, false, Geometry{X: 5, Y: 5, Width: MinWidth, Height: MinHeight, Placed: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Observed(prev, tc.x, tc.y, tc.width, tc.height, tc.maximised, tc.minimised); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestFitKeepsTheWindowOnTheScreen(t *testing.T) {
	tests := []struct {
		name   string
		g      Geometry
		sw, sh int
		want   Geometry
	}{
		{"fits already", Geometry{X: 40, Y: 30, Width: 1000, Height: 700, Placed: true}, 1920, 1080,
			Geometry{X: 40, Y: 30, Width: 1000, Height: 700, Placed: true}},
		{"was on a larger monitor", Geometry{X: 2400, Y: 1300, Width: 2000, Height: 1200, Placed: true}, 1280, 800,
			Geometry{X: 0, Y: 0, Width: 1280, Height: 800, Placed: true}},
		{"off the left and top", Geometry{X: -500, Y: -90, Width: 1000, Height: 700, Placed: true}, 1920, 1080,
			Geometry{X: 0, Y: 0, Width: 1000, Height: 700, Placed: true}},
		{"hanging off the right", Geometry{X: 1500, Y: 600, Width: 1000, Height: 700, Placed: true}, 1920, 1080,
			Geometry{X: 920, Y: 380, Width: 1000, Height: 700, Placed: true}},
		{"never placed stays centred", Geometry{X: 5000, Y: 5000, Width: 1280, Height: 820}, 1024, 768,
			Geometry{X: 5000, Y: 5000, Width: 1024, Height: 768}},
		{"unknown screen", Geometry{X: 10, Y: 10, Width: 100, Height: 100, Placed: true}, 0, 0,
			Geometry{X: 10, Y: 10, Width: MinWidth, Height: MinHeight, Placed: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.g.Fit(tc.sw, tc.sh); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}
