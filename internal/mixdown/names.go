package mixdown

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// fontFiles are where Linux distributions put DejaVu Sans.
var fontFiles = []string{
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", // Debian, Ubuntu
	"/usr/share/fonts/TTF/DejaVuSans.ttf",             // Arch
	"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
	"/usr/share/fonts/dejavu/DejaVuSans.ttf",
}

// names draws each tile's name. The names go through files (drawtext's
// textfile, no expansion) so that no name needs escaping for ffmpeg.
type names struct {
	font  string
	files []string // per tile
}

// prepareNames writes the tiles' names to a temporary folder; it returns nil
// when ffmpeg lacks drawtext or no font is found. cleanup removes the folder.
func prepareNames(ctx context.Context, in Input, p *plan) (*names, func(), error) {
	none := func() {}
	font, err := findFont(in.Font)
	if err != nil || font == "" {
		return nil, none, err
	}
	if ok, err := hasFilter(ctx, in.FFmpeg, "drawtext"); err != nil || !ok {
		return nil, none, err
	}
	dir, err := os.MkdirTemp("", "mixdown-")
	if err != nil {
		return nil, none, fmt.Errorf("names: %w", err)
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	nm := &names{font: font}
	for i, t := range p.tiles {
		path := filepath.Join(dir, fmt.Sprintf("name-%d.txt", i))
		if err := os.WriteFile(path, []byte(fitName(t.name, t.at.w/captionSize(t)*5/3)), 0o600); err != nil {
			cleanup()
			return nil, none, fmt.Errorf("names: %w", err)
		}
		nm.files = append(nm.files, path)
	}
	return nm, cleanup, nil
}

// findFont returns the font file to use: want if set (it must exist), else
// the first DejaVu Sans found, else "".
func findFont(want string) (string, error) {
	if want != "" {
		if _, err := os.Stat(want); err != nil {
			return "", fmt.Errorf("%w: font: %w", ErrInvalid, err)
		}
		return want, nil
	}
	for _, f := range fontFiles {
		if _, err := os.Stat(f); err == nil {
			return f, nil
		}
	}
	return "", nil
}

// hasFilter reports whether ffmpeg was built with the named filter.
func hasFilter(ctx context.Context, ffmpeg, name string) (bool, error) {
	out, err := exec.CommandContext(ctx, ffmpeg, "-hide_banner", "-filters").Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return false, fmt.Errorf("%w: list filters: %w: %s", ErrFFmpeg, err, bytes.TrimSpace(exit.Stderr))
		}
		return false, fmt.Errorf("%w: list filters: %w", ErrNoFFmpeg, err)
	}
	for line := range strings.Lines(string(out)) {
		if f := strings.Fields(line); len(f) >= 2 && f[1] == name {
			return true, nil
		}
	}
	return false, nil
}

// drawtext writes tile i's name: at the bottom of a tile that shows video,
// large in the middle of one that never does.
func (nm *names) drawtext(i int, t tile) string {
	size := captionSize(t)
	pad := max(4, size/2)
	x := fmt.Sprintf("%d+%d", t.at.x, pad)
	y := fmt.Sprintf("%d+%d-th-%d", t.at.y, t.at.h, pad)
	if len(t.segments) == 0 {
		x = fmt.Sprintf("%d+(%d-tw)/2", t.at.x, t.at.w)
		y = fmt.Sprintf("%d+(%d-th)/2", t.at.y, t.at.h)
	}
	return fmt.Sprintf("drawtext=fontfile=%s:textfile=%s:expansion=none:fontcolor=white:fontsize=%d:x=%s:y=%s:box=1:boxcolor=%s:boxborderw=%d",
		escape(nm.font), escape(nm.files[i]), size, x, y, captionBox, max(2, size/4))
}

// captionSize is the font size of a tile's name in pixels.
func captionSize(t tile) int {
	if len(t.segments) == 0 {
		return min(max(14, t.at.h/9), 40)
	}
	return min(max(10, t.at.h/16), 24)
}

// fitName shortens name to at most n characters, ending in an ellipsis.
func fitName(name string, n int) string {
	name = strings.Join(strings.Fields(name), " ")
	if n < 2 || utf8.RuneCountInString(name) <= n {
		return name
	}
	r := []rune(name)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// escape quotes s as an option value inside a filtergraph: once for the
// filter's options, once for the graph
// (https://ffmpeg.org/ffmpeg-filters.html#Notes-on-filtergraph-escaping).
func escape(s string) string {
	opt := strings.NewReplacer(`\`, `\\`, `'`, `\'`, `:`, `\:`).Replace(s)
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`, `[`, `\[`, `]`, `\]`, `,`, `\,`, `;`, `\;`).Replace(opt)
}
