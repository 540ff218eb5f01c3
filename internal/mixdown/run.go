package mixdown

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	stderrLines = 12              // ffmpeg's last lines kept for the error
	killWait    = 5 * time.Second // after ctx ends, how long ffmpeg's pipes may stay open
)

// run runs ffmpeg (prog: the program and its first arguments) with args,
// reporting its "-progress pipe:1" output to progress, and waits for it to
// exit. Cancelling ctx kills it.
func run(ctx context.Context, prog []string, args []string, total time.Duration, progress func(done, total time.Duration)) error {
	cmd := exec.CommandContext(ctx, prog[0], append(prog[1:len(prog):len(prog)], args...)...)
	cmd.WaitDelay = killWait
	tail := &tailWriter{max: stderrLines}
	cmd.Stderr = tail
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("ffmpeg: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%w: %w", ErrNoFFmpeg, err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if done, ok := progressLine(sc.Text()); ok && progress != nil {
			progress(min(max(done, 0), total), total)
		}
	}
	err = cmd.Wait()
	if ctx.Err() != nil {
		return fmt.Errorf("ffmpeg stopped: %w", ctx.Err())
	}
	if err != nil {
		return fmt.Errorf("%w: %w: %s", ErrFFmpeg, err, tail)
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

// progressLine reads the encoded time from a line of ffmpeg's progress
// report ("out_time_us=1234567"; older builds say out_time_ms, also in µs).
func progressLine(line string) (time.Duration, bool) {
	key, v, ok := strings.Cut(line, "=")
	if !ok || (key != "out_time_us" && key != "out_time_ms") {
		return 0, false
	}
	us, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		return 0, false // "N/A" before the first frame
	}
	return time.Duration(us) * time.Microsecond, true
}

// tailWriter keeps the last lines written to it.
type tailWriter struct {
	mu    sync.Mutex
	max   int
	lines []string
	part  string
}

func (w *tailWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	text := w.part + string(p)
	parts := strings.Split(text, "\n")
	w.part = parts[len(parts)-1]
	for _, l := range parts[:len(parts)-1] {
		if l = strings.TrimSpace(l); l != "" {
			w.lines = append(w.lines, l)
		}
	}
	if over := len(w.lines) - w.max; over > 0 {
		w.lines = w.lines[over:]
	}
	return len(p), nil
}

func (w *tailWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	lines := w.lines
	if p := strings.TrimSpace(w.part); p != "" {
		lines = append(lines[:len(lines):len(lines)], p)
	}
	if len(lines) == 0 {
		return "no output"
	}
	return strings.Join(lines, "; ")
}
