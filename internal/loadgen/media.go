package loadgen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/pion/webrtc/v4/pkg/media/ivfreader"
	"github.com/pion/webrtc/v4/pkg/media/oggreader"
)

// Media is what every participant sends, read once and shared: VP8 frames
// and Opus packets, each looped in real time.
type Media struct {
	Video    [][]byte
	FrameDur time.Duration
	Audio    [][]byte
	AudioDur time.Duration
}

// MediaSpec says what MakeMedia encodes.
type MediaSpec struct {
	// Seconds of media, looped by the senders; default 10.
	Seconds int
	// Width, Height and FPS of the video; default 640x480 at 30.
	Width, Height, FPS int
	// VideoKbps is the VP8 bit rate; default 1000. AudioKbps the Opus one; default 32.
	VideoKbps, AudioKbps int
	// KeyframeSeconds is the distance between keyframes; default 2.
	KeyframeSeconds int
}

func (s *MediaSpec) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&s.Seconds, 10)
	def(&s.Width, 640)
	def(&s.Height, 480)
	def(&s.FPS, 30)
	def(&s.VideoKbps, 1000)
	def(&s.AudioKbps, 32)
	def(&s.KeyframeSeconds, 2)
}

// name is the cache key of the spec's files.
func (s MediaSpec) name() string {
	return fmt.Sprintf("%dx%d-%dfps-%dk-%dk-g%d-%ds", s.Width, s.Height, s.FPS, s.VideoKbps, s.AudioKbps, s.KeyframeSeconds, s.Seconds)
}

// MakeMedia encodes spec's media with ffmpeg from its test sources (testsrc2
// for video, a sine for audio) into dir as VP8 IVF and Opus Ogg, unless the
// files are there already, and loads them.
func MakeMedia(ctx context.Context, ffmpeg, dir string, spec MediaSpec) (Media, error) {
	spec.defaults()
	if ffmpeg == "" {
		ffmpeg = "ffmpeg"
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return Media{}, fmt.Errorf("media folder: %w", err)
	}
	video := filepath.Join(dir, spec.name()+".ivf")
	audio := filepath.Join(dir, spec.name()+".ogg")
	kbps := func(k int) string { return strconv.Itoa(k) + "k" }
	jobs := []struct {
		path string
		args []string
	}{
		{video, []string{"-f", "lavfi", "-i", fmt.Sprintf("testsrc2=size=%dx%d:rate=%d", spec.Width, spec.Height, spec.FPS),
			"-t", strconv.Itoa(spec.Seconds), "-c:v", "libvpx", "-b:v", kbps(spec.VideoKbps), "-minrate", kbps(spec.VideoKbps),
			"-maxrate", kbps(spec.VideoKbps), "-bufsize", kbps(spec.VideoKbps / 2), "-g", strconv.Itoa(spec.KeyframeSeconds * spec.FPS),
			"-auto-alt-ref", "0", "-deadline", "realtime", "-cpu-used", "8", "-error-resilient", "1"}},
		{audio, []string{"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", strconv.Itoa(spec.Seconds),
			"-ac", "1", "-c:a", "libopus", "-b:a", kbps(spec.AudioKbps), "-frame_duration", "20", "-page_duration", "20000"}},
	}
	for _, j := range jobs {
		if _, err := os.Stat(j.path); err == nil {
			continue
		}
		tmp := j.path + ".tmp" + filepath.Ext(j.path)
		args := append([]string{"-nostdin", "-hide_banner", "-loglevel", "error", "-y"}, j.args...)
		if out, err := exec.CommandContext(ctx, ffmpeg, append(args, tmp)...).CombinedOutput(); err != nil {
			return Media{}, fmt.Errorf("encode %s with ffmpeg (needs libvpx and libopus): %w: %s", filepath.Base(j.path), err, out)
		}
		if err := os.Rename(tmp, j.path); err != nil {
			return Media{}, fmt.Errorf("keep %s: %w", j.path, err)
		}
	}
	return LoadMedia(video, audio)
}

// LoadMedia reads a VP8 IVF file and an Opus Ogg file (one packet per page).
func LoadMedia(ivfPath, oggPath string) (Media, error) {
	var m Media
	var err error
	if m.Video, m.FrameDur, err = readIVF(ivfPath); err != nil {
		return Media{}, err
	}
	if m.Audio, err = readOgg(oggPath); err != nil {
		return Media{}, err
	}
	m.AudioDur = 20 * time.Millisecond
	if len(m.Video) == 0 || len(m.Audio) == 0 {
		return Media{}, fmt.Errorf("media %s, %s: no frames", ivfPath, oggPath)
	}
	return m, nil
}

func readIVF(path string) ([][]byte, time.Duration, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("open video: %w", err)
	}
	defer f.Close()
	r, h, err := ivfreader.NewWith(f)
	if err != nil {
		return nil, 0, fmt.Errorf("read %s: %w", path, err)
	}
	if h.TimebaseDenominator == 0 {
		return nil, 0, fmt.Errorf("read %s: no time base", path)
	}
	var frames [][]byte
	for {
		frame, _, err := r.ParseNextFrame()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("read %s: %w", path, err)
		}
		frames = append(frames, frame)
	}
	dur := time.Second * time.Duration(h.TimebaseNumerator) / time.Duration(h.TimebaseDenominator)
	return frames, dur, nil
}

func readOgg(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open audio: %w", err)
	}
	defer f.Close()
	r, _, err := oggreader.NewWith(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var packets [][]byte
	for {
		page, _, err := r.ParseNextPage()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		if bytes.HasPrefix(page, []byte("OpusTags")) {
			continue
		}
		packets = append(packets, page)
	}
	return packets, nil
}
