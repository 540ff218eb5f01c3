package media

import (
	"context"
	"log/slog"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
)

// recordOnlyHost is an SFU without an ICE socket, recording into a temporary
// folder.
func recordOnlyHost(t *testing.T) *SFU {
	t.Helper()
	s, err := New(Config{RecordDir: t.TempDir()}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// feedVP8 packetizes the shared VP8 frames into x, timed as at 20 fps.
func feedVP8(x *ExternalTrack, frames [][]byte) {
	p := rtp.NewPacketizer(1200, 96, 1234, &codecs.VP8Payloader{}, rtp.NewRandomSequencer(), 90000)
	for _, f := range frames {
		for _, pkt := range p.Packetize(f, 90000/20) {
			x.WriteRTP(pkt)
		}
	}
}

var vp8Codec = webrtc.RTPCodecParameters{RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000}, PayloadType: 96}

// A track of another media server handed to RecordTrack becomes the same
// per-track WebM file as a published one: named after the participant and
// source, finalised when the track ends, and it plays (ffprobe decodes its
// frames).
func TestRecordTrackWritesPlayableFile(t *testing.T) {
	checkGoroutines(t)
	s := recordOnlyHost(t)
	info := TrackInfo{ParticipantID: "cand1", ParticipantName: "Casey", Source: SourceCamera, Kind: KindVideo, Codec: "vp8"}
	x, err := s.RecordTrack("iv1", info, vp8Codec, nil)
	if err != nil {
		t.Fatal(err)
	}
	feedVP8(x, sharedMedia.vp8)
	x.End()
	var rec Recording
	waitFor(t, testTimeout, "the recording finalised", func() bool {
		recs, err := s.Recordings("iv1")
		if err != nil || len(recs) != 1 || !recs[0].Finalised {
			return false
		}
		rec = recs[0]
		return true
	})
	if rec.Participant != "cand1" || rec.Source != SourceCamera || rec.Kind != KindVideo || rec.Duration <= 0 {
		t.Fatalf("recording = %+v, want cand1's camera with a duration", rec)
	}
	if !strings.HasSuffix(rec.Path, "cand1-camera-1.webm") {
		t.Errorf("path = %s, want …/cand1-camera-1.webm", rec.Path)
	}
	out, err := exec.Command("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
		"-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", rec.Path).Output()
	if err != nil {
		t.Fatalf("ffprobe: %v", err)
	}
	if n := strings.TrimSpace(string(out)); n == "" || n == "0" {
		t.Errorf("frames decoded = %q, want some", n)
	}
}

// The room's recording switch holds for external tracks: off (discard)
// records nothing and deletes what was written; on again records anew; the
// room's close ends the track.
func TestRecordTrackFollowsSwitch(t *testing.T) {
	checkGoroutines(t)
	s := recordOnlyHost(t)
	info := TrackInfo{ParticipantID: "alex", Source: SourceCamera, Kind: KindVideo, Codec: "vp8"}
	x, err := s.RecordTrack("iv2", info, vp8Codec, nil)
	if err != nil {
		t.Fatal(err)
	}
	feedVP8(x, sharedMedia.vp8[:20])
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.DiscardRecordings(ctx, "iv2"); err != nil {
		t.Fatal(err)
	}
	feedVP8(x, sharedMedia.vp8[20:40])
	if recs, _ := s.Recordings("iv2"); len(recs) != 0 {
		t.Fatalf("recordings after discard = %+v, want none", recs)
	}
	s.SetRecording("iv2", true)
	feedVP8(x, sharedMedia.vp8)
	if err := s.CloseRoom("iv2"); err != nil {
		t.Fatal(err)
	}
	recs, err := s.Recordings("iv2")
	if err != nil || len(recs) != 1 || !recs[0].Finalised {
		t.Fatalf("recordings after switching on and closing = %+v, %v; want one finalised", recs, err)
	}
	if _, err := s.RecordTrack("bad/room\x00", info, vp8Codec, nil); err == nil {
		t.Error("RecordTrack with a control character in the room ID: no error")
	}
}
