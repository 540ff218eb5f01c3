package loadgen

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/host"
)

// TestTwoInterviewsOnARealHost runs the generator against a host in this
// process: on loopback and far below any limit, every forwarded packet
// arrives and every recording is intact, so the figures it prints for a
// loaded host mean what they say.
func TestTwoInterviewsOnARealHost(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	m, h := mediaAndHost(ctx, t, MediaSpec{Seconds: 2, Width: 320, Height: 240, FPS: 15, VideoKbps: 300, KeyframeSeconds: 1})

	res, err := Run(ctx, Config{URL: h.URL(), Key: h.Key(), Interviews: 2, Duration: 3 * time.Second, Warmup: 500 * time.Millisecond, Media: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Interviews) != 2 {
		t.Fatalf("%d interviews measured, want 2", len(res.Interviews))
	}
	for _, iv := range res.Interviews {
		t.Logf("interview %s: streams %+v, recordings %+v", iv.ID, iv.Streams, iv.Recordings)
		if len(iv.Errors) > 0 {
			t.Errorf("interview %s: errors %v", iv.ID, iv.Errors)
		}
		if len(iv.Streams) != 4 {
			t.Errorf("interview %s: %d streams, want 4", iv.ID, len(iv.Streams))
		}
		for _, s := range iv.Streams {
			if s.Received == 0 || s.Lost != 0 || s.Received > s.Sent {
				t.Errorf("interview %s: %s %s: sent %d, expected %d, received %d, lost %d", iv.ID, s.From, s.Kind, s.Sent, s.Expected, s.Received, s.Lost)
			}
		}
		if !iv.Intact() {
			t.Errorf("interview %s: recordings not intact: %+v", iv.ID, iv.Recordings)
		}
	}
	if res.Host.CPU <= 0 || res.Host.RSS <= 0 || res.Forwarded <= 0 || res.Window < 3*time.Second {
		t.Errorf("host usage %+v, %.0f packets/s over %v: nothing measured", res.Host, res.Forwarded, res.Window)
	}
}

// mediaAndHost makes media files of spec and starts a host in this process
// on loopback, closed when the test ends.
func mediaAndHost(ctx context.Context, t *testing.T, spec MediaSpec) (Media, *host.Host) {
	t.Helper()
	m, err := MakeMedia(ctx, "", t.TempDir(), spec)
	if err != nil {
		t.Fatal(err)
	}
	h, err := host.Open(host.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0"}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return m, h
}
