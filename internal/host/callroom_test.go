package host

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The candidate's answer on recording switches the call's recording: a
// decline deletes what the waiting interviewer's camera left and records no
// more (the console hears of it); a later yes records again.
func TestCandidateConsentSwitchesTheRecording(t *testing.T) {
	dir := t.TempDir()
	h, err := Open(Config{DataDir: dir, Listen: "127.0.0.1:0", Media: Media{TURNPort: -1}}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	sub := h.Push().Subscribe()
	defer sub.Close()

	iv := interviews.Interview{ID: "iv1"}
	early := filepath.Join(dir, RecordingDir, iv.ID, "alex-camera-1.webm")
	if err := os.MkdirAll(filepath.Dir(early), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(early, []byte("webm"), 0o640); err != nil {
		t.Fatal(err)
	}
	consent := func(c room.ConsentData) {
		data, _ := json.Marshal(c)
		h.call.happened(context.Background(), iv, room.Event{Type: room.TypeConsented, Actor: room.Actor{Role: room.RoleCandidate}, Data: data})
	}

	if !h.call.sfu.RecordingOn(iv.ID) {
		t.Fatal("a call is not recorded before the candidate answers")
	}
	consent(room.ConsentData{PersonalData: true, AIAnalysis: true})
	if h.call.sfu.RecordingOn(iv.ID) {
		t.Error("the call is still recorded after the candidate declined")
	}
	if _, err := os.Stat(early); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a recording made before the candidate declined is still there: %v", err)
	}
	if recs, err := h.call.sfu.Recordings(iv.ID); err != nil || len(recs) != 0 {
		t.Errorf("recordings listed after the decline: %+v, %v", recs, err)
	}
	select {
	case e := <-sub.Events():
		if e.Type != push.Recordings || e.InterviewID != iv.ID {
			t.Errorf("console event %+v, want recordings of %s", e, iv.ID)
		}
	case <-time.After(5 * time.Second):
		t.Error("the console was not told that the recordings went")
	}

	h.call.applyConsent(context.Background(), iv.ID, nil) // nothing answered (yet): no change
	if h.call.sfu.RecordingOn(iv.ID) {
		t.Error("a missing answer switched recording back on")
	}
	consent(room.ConsentData{PersonalData: true, RecordingNotice: true})
	if !h.call.sfu.RecordingOn(iv.ID) {
		t.Error("the call is not recorded after the candidate agreed on a later join")
	}
}
