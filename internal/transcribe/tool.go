package transcribe

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// tool is an external program and the Debian package that installs it.
type tool struct{ name, pkg string }

var (
	ffmpeg = tool{"ffmpeg", "ffmpeg"}
	sphinx = tool{"pocketsphinx_batch", "pocketsphinx"}
)

// waitDelay bounds how long a killed program's pipes may stay open.
const waitDelay = 5 * time.Second

// path finds the program on PATH.
func (t tool) path() (string, error) {
	p, err := exec.LookPath(t.name)
	if err != nil {
		return "", fmt.Errorf("%s: %w (install the Debian package %s)", t.name, ErrMissing, t.pkg)
	}
	return p, nil
}

// run runs a program to its end and returns its standard error. A failure
// names the program and quotes the end of its standard error; a cancelled
// ctx kills it and returns ctx's error.
func run(ctx context.Context, prog string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.WaitDelay = waitDelay
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(prog), ctx.Err())
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %s", filepath.Base(prog), err, tail(stderr.String(), 300))
	}
	return stderr.Bytes(), nil
}

// tail is the last n bytes of s's last lines, trimmed.
func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		s = "…" + s[len(s)-n:]
	}
	return s
}
