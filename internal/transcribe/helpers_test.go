package transcribe

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// The programs the tests make and decode speech with, and their Debian
// packages (scripts/deps.sh test installs them).
var testTools = map[string]string{
	"espeak-ng":          "espeak-ng",
	"sox":                "sox",
	"ffmpeg":             "ffmpeg",
	"pocketsphinx_batch": "pocketsphinx",
}

func need(tb testing.TB, programs ...string) {
	tb.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			tb.Fatalf("%s is not installed: install the Debian package %s (scripts/deps.sh test)", p, testTools[p])
		}
	}
}

func newSphinx(tb testing.TB) *Sphinx {
	tb.Helper()
	need(tb, "pocketsphinx_batch")
	s, err := NewSphinx(SphinxConfig{})
	if err != nil {
		tb.Fatalf("NewSphinx: %v (install the Debian packages pocketsphinx and pocketsphinx-en-us)", err)
	}
	return s
}

func sh(tb testing.TB, name string, args ...string) {
	tb.Helper()
	if out, err := exec.CommandContext(context.Background(), name, args...).CombinedOutput(); err != nil {
		tb.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// part of a test track: a sentence spoken by espeak-ng, or a pause of low
// noise (a quiet room, not digital silence; the same noise every run) when
// text is empty.
type part struct {
	text  string
	pause time.Duration
}

func say(text string) part              { return part{text: text} }
func quiet(d time.Duration) part        { return part{pause: d} }
func secs(s float64) time.Duration      { return time.Duration(s * float64(time.Second)) }
func near(a, b, tol time.Duration) bool { return (a - b).Abs() <= tol }

// makeTrack writes the parts one after another to a 16 kHz mono WAV file
// and returns it with the spans where speech is.
func makeTrack(tb testing.TB, dir, name string, parts ...part) (string, []Span) {
	tb.Helper()
	need(tb, "espeak-ng", "sox")
	var files []string
	var spans []Span
	var at time.Duration
	for i, p := range parts {
		f := filepath.Join(dir, fmt.Sprintf("%s-%d.wav", name, i))
		if p.text == "" {
			sh(tb, "sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", f, "synth", fmt.Sprint(p.pause.Seconds()), "whitenoise", "vol", "0.002")
		} else {
			raw := f + ".raw.wav"
			sh(tb, "espeak-ng", "-w", raw, p.text)
			// Resample and trim espeak's own leading and trailing silence, so
			// the speech fills the clip.
			sh(tb, "sox", raw, "-r", "16000", "-c", "1", "-b", "16", f,
				"silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse")
		}
		info, err := readWAV(f)
		if err != nil {
			tb.Fatal(err)
		}
		if p.text != "" {
			spans = append(spans, Span{Start: at, End: at + info.duration})
		}
		at += info.duration
		files = append(files, f)
	}
	out := filepath.Join(dir, name+".wav")
	sh(tb, "sox", append(files, out)...)
	return out, spans
}

// toWebM encodes a WAV file as a recording of package media is: Opus in
// WebM, 48 kHz stereo.
func toWebM(tb testing.TB, wav string) string {
	tb.Helper()
	need(tb, "ffmpeg")
	out := wav[:len(wav)-len(filepath.Ext(wav))] + ".webm"
	sh(tb, "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", wav, "-ar", "48000", "-ac", "2", "-c:a", "libopus", out)
	return out
}
