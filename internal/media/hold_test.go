package media

import (
	"path/filepath"
	"strings"
	"testing"
)

// trackStats reads the room's tracks of a participant: packets dropped
// (while held) and forwarded, video and audio together.
func trackStats(h *testHost, room, participant string) (dropped, forwarded uint64) {
	r := h.sfu.Room(room)
	r.mu.Lock()
	defer r.mu.Unlock()
	for t := range r.tracks {
		if t.owner.info.ID == participant {
			dropped += t.dropped.Load()
			forwarded += t.packets.Load()
		}
	}
	return dropped, forwarded
}

// offeredFrom counts the tracks of a participant the host told p of.
func offeredFrom(p *testPeer, participant string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, info := range p.infos {
		if info.ParticipantID == participant {
			n++
		}
	}
	return n
}

func TestHeldParticipantGetsNoMediaUntilAdmitted(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t)
	ps := joinPeers(t, h, "room1", "interviewer", "candidate")
	iv, cand := ps[0], ps[1]
	iv.publishCamera(0)
	iv.join(h, "room1")
	waitFor(t, testTimeout, "the interviewer connected", func() bool {
		select {
		case <-iv.connected:
			return true
		default:
			return false
		}
	})
	cand.publishCamera(0)
	cand.joinWith(h, "room1", JoinOptions{Hold: true})

	// The candidate's camera and microphone are offered to the interviewer at
	// once; its media reaches the host and is dropped there.
	waitFor(t, testTimeout, "the candidate's tracks offered to the interviewer", func() bool { return offeredFrom(iv, "candidate") == 2 })
	waitFor(t, testTimeout, "a second of the held candidate's media dropped at the host", func() bool {
		dropped, _ := trackStats(h, "room1", "candidate")
		return dropped >= 50
	})
	offers := iv.offers.Load()
	if _, forwarded := trackStats(h, "room1", "candidate"); forwarded != 0 {
		t.Errorf("forwarded %d packets of a held participant, want 0", forwarded)
	}
	if got := iv.received(); len(got) != 0 && (got["candidate/camera"].packets > 0 || got["candidate/microphone"].packets > 0) {
		t.Errorf("the interviewer received a held candidate's media: %+v", got)
	}
	// The interviewer's tracks are offered to the held candidate, silent.
	waitFor(t, testTimeout, "the interviewer's tracks offered to the held candidate", func() bool { return offeredFrom(cand, "interviewer") == 2 })
	candOffers := cand.offers.Load()
	if got := cand.received(); got["interviewer/camera"].packets > 0 || got["interviewer/microphone"].packets > 0 {
		t.Errorf("a held candidate received the interviewer's media: %+v", got)
	}
	h.flushEvents(t)
	if n := len(h.events.find(func(e Event) bool { return e.Type == EventTrackPublished && e.Participant.ID == "candidate" })); n != 0 {
		t.Errorf("track-published events of a held participant = %d, want 0", n)
	}
	recs, err := h.sfu.Recordings("room1")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if strings.HasPrefix(filepath.Base(r.Path), "candidate-") {
			t.Errorf("a held participant is recorded: %s", r.Path)
		}
	}

	// Admitted: media flows both ways; neither connection needed a new
	// offer for it.
	cand.mu.Lock()
	sess := cand.sess
	cand.mu.Unlock()
	if err := sess.(*Participant).Admit(); err != nil {
		t.Fatal(err)
	}
	waitReceives(t, iv, map[string]string{"candidate/camera": "vp8", "candidate/microphone": "opus"})
	waitReceives(t, cand, map[string]string{"interviewer/camera": "vp8", "interviewer/microphone": "opus"})
	if got := iv.offers.Load(); got != offers {
		t.Errorf("admitting the candidate sent the interviewer %d offers, want none", got-offers)
	}
	if got := cand.offers.Load(); got != candOffers {
		t.Errorf("admitting the candidate sent it %d offers, want none", got-candOffers)
	}
	// Recorded from then on (the camera from its next keyframe).
	waitFor(t, testTimeout, "the admitted candidate's camera and microphone recorded", func() bool {
		recs, err := h.sfu.Recordings("room1")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range recs {
			switch filepath.Base(r.Path) {
			case "candidate-camera-1.webm", "candidate-microphone-1.webm":
				n++
			}
		}
		return n == 2
	})
}

func TestHeldParticipantLeavesWithoutTrace(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t)
	ps := joinPeers(t, h, "room1", "interviewer", "candidate")
	iv, cand := ps[0], ps[1]
	iv.join(h, "room1")
	cand.publishCamera(0)
	cand.joinWith(h, "room1", JoinOptions{Hold: true})
	waitFor(t, testTimeout, "the candidate's tracks offered to the interviewer", func() bool {
		iv.mu.Lock()
		defer iv.mu.Unlock()
		return len(iv.infos) == 2
	})
	cand.mu.Lock()
	sess := cand.sess
	cand.mu.Unlock()
	if err := sess.Leave(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, testTimeout, "the reserved tracks withdrawn from the interviewer", func() bool {
		iv.mu.Lock()
		defer iv.mu.Unlock()
		return len(iv.ended) == 2
	})
	h.flushEvents(t)
	for _, typ := range []EventType{EventTrackPublished, EventTrackUnpublished, EventFirstRTP} {
		if n := len(h.events.find(func(e Event) bool { return e.Type == typ && e.Participant.ID == "candidate" })); n != 0 {
			t.Errorf("%s events of a participant never admitted = %d, want 0", typ, n)
		}
	}
}
