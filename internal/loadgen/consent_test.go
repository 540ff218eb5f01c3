package loadgen

import (
	"context"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
)

// TestNoCallWithoutConsent: a candidate's socket that skips the consent
// step (a modified page) is refused the call even once the interview has
// started, and gets it after consenting. Real host, real pion peers.
func TestNoCallWithoutConsent(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	m, h := mediaAndHost(ctx, t, MediaSpec{Seconds: 1, Width: 160, Height: 120, FPS: 10, VideoKbps: 100, KeyframeSeconds: 1})
	ss, err := schedule(ctx, client.Remote(h.URL(), h.Key(), client.TLSCheck{}), h.URL(), 1)
	if err != nil {
		t.Fatal(err)
	}
	s, log := ss[0], slog.New(slog.DiscardHandler)
	iv, err := dialPeer(ctx, h.URL(), s.interviewer, "interviewer", net.IPv4(127, 1, 0, 9), &m, log)
	if err != nil {
		t.Fatal(err)
	}
	defer iv.close()
	cand, err := dialPeer(ctx, h.URL(), s.candidate, "candidate", net.IPv4(127, 2, 0, 9), &m, log)
	if err != nil {
		t.Fatal(err)
	}
	defer cand.close()
	if err := iv.request(ctx, map[string]any{"type": "action", "action": "started"}); err != nil {
		t.Fatal(err)
	}
	err = cand.request(ctx, map[string]any{"type": "call"})
	if err == nil || !strings.Contains(err.Error(), "Give your consent") {
		t.Fatalf("a call without consent: %v, want refused for the consent", err)
	}
	consent := map[string]any{"personalData": true, "aiAnalysis": false, "recordingNotice": true, "textsVersion": cand.consentTexts}
	if err := cand.request(ctx, map[string]any{"type": "ready", "consent": consent}); err != nil {
		t.Fatal(err)
	}
	if err := cand.request(ctx, map[string]any{"type": "call"}); err != nil {
		t.Errorf("a call after consent: %v", err)
	}
}
