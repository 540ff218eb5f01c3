package window

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is the geometry's file in the data folder.
const File = "window.json"

// The window's smallest and first size.
const (
	MinWidth      = 900
	MinHeight     = 600
	DefaultWidth  = 1280
	DefaultHeight = 820
	// maxSide bounds a stored side, so a damaged file asks no absurd window.
	maxSide = 16384
)

// Geometry is the window's place on its screen, in the screen's pixels.
type Geometry struct {
	X      int `json:"x"`
	Y      int `json:"y"`
	Width  int `json:"width"`
	Height int `json:"height"`
	// Placed says X and Y were recorded; otherwise the window opens centred.
	Placed    bool `json:"placed"`
	Maximised bool `json:"maximised"`
}

// Default is the geometry of a first start: centred, 1280×820.
var Default = Geometry{Width: DefaultWidth, Height: DefaultHeight}

// Load reads dir's geometry: Default when none was saved, and Default with
// the error when the file is unreadable.
func Load(dir string) (Geometry, error) {
	b, err := os.ReadFile(filepath.Join(dir, File))
	if errors.Is(err, os.ErrNotExist) {
		return Default, nil
	}
	if err != nil {
		return Default, fmt.Errorf("read the window's size and place: %w", err)
	}
	var g Geometry
	if err := json.Unmarshal(b, &g); err != nil {
		return Default, fmt.Errorf("read the window's size and place from %s: %w", File, err)
	}
	return g.sized(), nil
}

// Save writes g to dir (private to the user), replacing the old file whole.
func Save(dir string, g Geometry) error {
	b, err := json.Marshal(g.sized())
	if err != nil {
		return fmt.Errorf("save the window's size and place: %w", err)
	}
	tmp, err := os.CreateTemp(dir, File+".*")
	if err != nil {
		return fmt.Errorf("save the window's size and place: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("save the window's size and place: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save the window's size and place: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, File)); err != nil {
		return fmt.Errorf("save the window's size and place: %w", err)
	}
	return nil
}

// sized is g with its sides between the minimum and maxSide.
func (g Geometry) sized() Geometry {
	g.Width = min(max(g.Width, MinWidth), maxSide)
	g.Height = min(max(g.Height, MinHeight), maxSide)
	return g
}

// Observed is the geometry to remember from what the window reports as it
// closes: a maximised or minimised window keeps prev's size (and place), so
// it comes back to its normal size when un-maximised.
func Observed(prev Geometry, x, y, width, height int, maximised, minimised bool) Geometry {
	if minimised || width <= 0 || height <= 0 {
		return prev
	}
	if maximised {
		prev.Maximised = true
		return prev
	}
	return Geometry{X: x, Y: y, Width: width, Height: height, Placed: true}.sized()
}

// Fit is g on a screen of the given size: no larger than the screen, and
// wholly on it. A window smaller than its minimum fits a screen smaller than
// that minimum.
func (g Geometry) Fit(screenWidth, screenHeight int) Geometry {
	g = g.sized()
	if screenWidth <= 0 || screenHeight <= 0 {
		return g
	}
	g.Width = min(g.Width, screenWidth)
	g.Height = min(g.Height, screenHeight)
	if g.Placed {
		g.X = min(max(g.X, 0), screenWidth-g.Width)
		g.Y = min(max(g.Y, 0), screenHeight-g.Height)
	}
	return g
}
