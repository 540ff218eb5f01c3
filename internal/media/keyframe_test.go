package media

import (
	"bytes"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
)

func TestStartsKeyframe(t *testing.T) {
	vp8, vp9 := keyframeStart("vp8"), keyframeStart("vp9")
	frame := func(key bool) []byte {
		b := bytes.Repeat([]byte{0x5a}, 300)
		b[0] = 0x10 // P = 0: a keyframe
		if !key {
			b[0] = 0x11
		}
		return b
	}
	for _, pictureID := range []bool{false, true} {
		pay := &codecs.VP8Payloader{EnablePictureID: pictureID}
		for _, key := range []bool{true, false} {
			pkts := pay.Payload(100, frame(key))
			if len(pkts) < 3 {
				t.Fatalf("payloader made %d packets of a 300-byte frame, want several", len(pkts))
			}
			for i, p := range pkts {
				want := key && i == 0
				if got := vp8(p); got != want {
					t.Errorf("VP8 (picture ID %v) key %v, packet %d of %d: startsKeyframe = %v, want %v", pictureID, key, i, len(pkts), got, want)
				}
			}
		}
	}
	for _, c := range []struct {
		desc byte
		want bool
	}{
		{0x08, true},  // B: a frame starts, not inter-predicted
		{0x88, true},  // I too (picture ID follows)
		{0x48, false}, // P: inter-predicted
		{0x00, false}, // not the start of a frame
		{0x04, false}, // the end of one
	} {
		if got := vp9([]byte{c.desc, 0, 0}); got != c.want {
			t.Errorf("VP9 descriptor %#x: startsKeyframe = %v, want %v", c.desc, got, c.want)
		}
	}
	if vp8(nil) || vp8([]byte{0x90}) || vp9(nil) {
		t.Error("an empty or truncated payload taken for a keyframe")
	}
	if keyframeStart("h264") != nil || keyframeStart("opus") != nil {
		t.Error("a keyframe check for a codec whose payloads it does not know")
	}
}

// A viewer whose picture has not started may ask for a keyframe past the
// publisher's usual gap (the request its binding made can be ignored by a
// browser that just sent a keyframe of its own); once a keyframe has been
// forwarded since, its requests wait for the gap like any other.
func TestAViewerWithNoKeyframeYetAsksPastTheGap(t *testing.T) {
	tr := &publishedTrack{info: TrackInfo{Kind: KindVideo, Codec: "vp8"}, keyStart: keyframeStart("vp8")}
	var plis atomic.Int32
	tr.writePLI = func(uint32) error { plis.Add(1); return nil }
	tr.remote.Store(&webrtc.TrackRemote{})
	defer tr.markEnded()

	bound := time.Now().UnixNano()
	tr.requestKeyframe() // the binding's request
	tr.requestFirstKeyframe(bound)
	if n := plis.Load(); n != 1 {
		t.Fatalf("PLIs right after the binding's = %d, want 1 (within the short gap too)", n)
	}
	time.Sleep(firstKeyframeGap + 20*time.Millisecond)
	tr.requestFirstKeyframe(bound)
	if n := plis.Load(); n != 2 {
		t.Fatalf("PLIs after the viewer asked again with no keyframe yet = %d, want 2 (past the %v gap)", n, keyframeMinGap)
	}

	tr.lastKeyStart.Store(time.Now().UnixNano()) // a keyframe is forwarded
	time.Sleep(firstKeyframeGap + 20*time.Millisecond)
	tr.requestFirstKeyframe(bound)
	if n := plis.Load(); n != 2 {
		t.Fatalf("PLIs after a keyframe reached the viewer = %d, want 2 (it waits for the gap)", n)
	}
	waitFor(t, testTimeout, "the deferred request at the end of the gap", func() bool { return plis.Load() == 3 })

	// A codec whose keyframes the forwarder cannot see never asks past the gap.
	other := &publishedTrack{info: TrackInfo{Kind: KindVideo, Codec: "h264"}, keyStart: keyframeStart("h264")}
	var otherPLIs atomic.Int32
	other.writePLI = func(uint32) error { otherPLIs.Add(1); return nil }
	other.remote.Store(&webrtc.TrackRemote{})
	defer other.markEnded()
	other.requestKeyframe()
	time.Sleep(firstKeyframeGap + 20*time.Millisecond)
	other.requestFirstKeyframe(bound)
	if n := otherPLIs.Load(); n != 1 {
		t.Errorf("H.264 viewer's PLIs inside the gap = %d, want 1", n)
	}
}
