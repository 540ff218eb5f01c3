package mixdown

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// t0 is the wall-clock start of the test timelines.
var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func ffmpegOrFail(t testing.TB) {
	t.Helper()
	for _, p := range []string{"ffmpeg", "ffprobe"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("%s is needed for these tests: %v", p, err)
		}
	}
}

func ffmpeg(t testing.TB, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("ffmpeg", append([]string{"-nostdin", "-hide_banner", "-loglevel", "error", "-y"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ffmpeg %v: %v: %s", args, err, stderr.String())
	}
	return out
}

// camera records a test pattern of the given size as a VP8 WebM file, the
// way the media host records a camera.
func camera(t testing.TB, path string, d time.Duration, size string) {
	t.Helper()
	ffmpeg(t, "-f", "lavfi", "-i", fmt.Sprintf("testsrc2=s=%s:r=30:d=%s", size, secs(d)),
		"-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "400k", "-f", "webm", path)
}

// cameraResized records a camera whose resolution drops halfway, as WebRTC
// does when bandwidth falls.
func cameraResized(t testing.TB, path string, d time.Duration) {
	t.Helper()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.webm"), filepath.Join(dir, "b.webm")
	camera(t, a, d/2, "320x240")
	camera(t, b, d-d/2, "160x120")
	list := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(list, fmt.Appendf(nil, "file '%s'\nfile '%s'\n", a, b), 0o600); err != nil {
		t.Fatal(err)
	}
	ffmpeg(t, "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", "-f", "webm", path)
}

// microphone records a sine tone as an Opus WebM file.
func microphone(t testing.TB, path string, d time.Duration, hz int) {
	t.Helper()
	ffmpeg(t, "-f", "lavfi", "-i", fmt.Sprintf("sine=f=%d:d=%s:r=48000", hz, secs(d)),
		"-c:a", "libopus", "-b:a", "32k", "-f", "webm", path)
}

type probed struct {
	Streams []struct {
		CodecType string `json:"codec_type"`
		CodecName string `json:"codec_name"`
		Width     int    `json:"width"`
		Height    int    `json:"height"`
	} `json:"streams"`
	Format struct {
		Duration string `json:"duration"`
	} `json:"format"`
}

func probe(t testing.TB, path string) probed {
	t.Helper()
	out, err := exec.Command("ffprobe", "-v", "error", "-show_entries",
		"stream=codec_type,codec_name,width,height:format=duration", "-of", "json", path).Output()
	if err != nil {
		t.Fatalf("ffprobe %s: %v", path, err)
	}
	var p probed
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p probed) duration(t testing.TB) time.Duration {
	t.Helper()
	d, err := strconv.ParseFloat(p.Format.Duration, 64)
	if err != nil {
		t.Fatalf("duration %q: %v", p.Format.Duration, err)
	}
	return time.Duration(d * float64(time.Second))
}

// luma is the mean brightness (0–255) of region r of the frame shown at at.
func luma(t testing.TB, path string, at time.Duration, r rect) float64 {
	t.Helper()
	raw := ffmpeg(t, "-ss", secs(at), "-i", path, "-frames:v", "1",
		"-vf", fmt.Sprintf("crop=%d:%d:%d:%d,format=gray", r.w, r.h, r.x, r.y), "-f", "rawvideo", "-")
	if len(raw) != r.w*r.h {
		t.Fatalf("frame at %v: %d bytes, want %d", at, len(raw), r.w*r.h)
	}
	sum := 0
	for _, b := range raw {
		sum += int(b)
	}
	return float64(sum) / float64(len(raw))
}

var meanVolume = regexp.MustCompile(`mean_volume: (-?[0-9.]+|-inf) dB`)

// toneLevel is the mean level in dB of the hz tone between from and to,
// everything else filtered out.
func toneLevel(t testing.TB, path string, from, to time.Duration, hz int) float64 {
	t.Helper()
	band := fmt.Sprintf("bandpass=f=%d:width_type=q:w=8", hz)
	cmd := exec.Command("ffmpeg", "-nostdin", "-hide_banner", "-ss", secs(from), "-t", secs(to-from), "-i", path,
		"-vn", "-af", band+","+band+",volumedetect", "-f", "null", "-")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("volumedetect: %v: %s", err, out)
	}
	m := meanVolume.FindSubmatch(out)
	if m == nil {
		t.Fatalf("no mean_volume in %s", out)
	}
	if string(m[1]) == "-inf" {
		return math.Inf(-1)
	}
	v, _ := strconv.ParseFloat(string(m[1]), 64)
	return v
}

func within(got, want, tolerance time.Duration) bool {
	return got >= want-tolerance && got <= want+tolerance
}

func build(t testing.TB, in Input) Result {
	t.Helper()
	res, err := Build(context.Background(), in)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}
