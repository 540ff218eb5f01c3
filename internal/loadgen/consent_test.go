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
	cand := startedInterview(ctx, t, 9)
	err := cand.request(ctx, map[string]any{"type": "call"})
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

// TestCallRightBehindTheConsent: the room app sends `call` right behind
// `ready`, without waiting for the first ack (so the camera starts with the
// click). The host takes a connection's messages in order, so the call is
// let in on the consent just given; and a call behind a refused consent is
// refused for the consent. Real host, real pion peers.
func TestCallRightBehindTheConsent(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cand := startedInterview(ctx, t, 10)

	stale := map[string]any{"personalData": true, "recordingNotice": true, "textsVersion": "not the texts shown"}
	errs := pipelined(ctx, t, cand, map[string]any{"type": "ready", "consent": stale}, map[string]any{"type": "call"})
	if errs[0] == "" || errs[1] == "" || !strings.Contains(errs[1], "Give your consent") {
		t.Fatalf("ready with stale texts, then call: %q; want both refused, the call for the consent", errs)
	}
	consent := map[string]any{"personalData": true, "aiAnalysis": false, "recordingNotice": true, "textsVersion": cand.consentTexts}
	if errs := pipelined(ctx, t, cand, map[string]any{"type": "ready", "consent": consent}, map[string]any{"type": "call"}); errs[0] != "" || errs[1] != "" {
		t.Errorf("ready, then call before its ack: %q; want both accepted", errs)
	}
}

// startedInterview schedules an interview on a fresh host, joins its
// interviewer and candidate (from loopback addresses ending in .last) and
// starts it; it returns the candidate, who has not consented yet.
func startedInterview(ctx context.Context, t *testing.T, last byte) *peer {
	t.Helper()
	m, h := mediaAndHost(ctx, t, MediaSpec{Seconds: 1, Width: 160, Height: 120, FPS: 10, VideoKbps: 100, KeyframeSeconds: 1})
	ss, err := schedule(ctx, client.Remote(h.URL(), h.Key(), client.TLSCheck{}), h.URL(), 1)
	if err != nil {
		t.Fatal(err)
	}
	s, log := ss[0], slog.New(slog.DiscardHandler)
	iv, err := dialPeer(ctx, h.URL(), s.interviewer, "interviewer", net.IPv4(127, 1, 0, last), &m, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iv.close)
	cand, err := dialPeer(ctx, h.URL(), s.candidate, "candidate", net.IPv4(127, 2, 0, last), &m, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cand.close)
	if err := iv.request(ctx, map[string]any{"type": "action", "action": "started"}); err != nil {
		t.Fatal(err)
	}
	return cand
}

// pipelined sends msgs one after the other without waiting, then returns
// each ack's error text ("" for accepted), in order.
func pipelined(ctx context.Context, t *testing.T, p *peer, msgs ...map[string]any) []string {
	t.Helper()
	acks := make([]<-chan string, len(msgs))
	for i, msg := range msgs {
		ack, err := p.send(ctx, msg)
		if err != nil {
			t.Fatal(err)
		}
		acks[i] = ack
	}
	out := make([]string, len(msgs))
	for i, ack := range acks {
		select {
		case out[i] = <-ack:
		case <-ctx.Done():
			t.Fatalf("no ack of %s: %v", msgs[i]["type"], ctx.Err())
		}
	}
	return out
}
