package host

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// The settings' media server puts calls on LiveKit when serve names none;
// serve's flags win over it; either way the host opens no ICE port and no
// relay of its own and still records (a recording-only SFU), and the
// welcome names the backend.
func TestLiveKitFromSettingsOrFlags(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir+"/"+StoreFile, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := settings.New(db).PutMediaServer(settings.MediaServerUpdate{LiveKitURL: "ws://127.0.0.1:17880", APIKey: "stored", APISecret: "stored-secret"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		flags LiveKit
		url   string
	}{
		{"from the settings", LiveKit{}, "ws://127.0.0.1:17880"},
		{"the flags win", LiveKit{URL: "http://127.0.0.1:27880", APIKey: "k", APISecret: "s"}, "ws://127.0.0.1:27880"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := Open(Config{DataDir: dir, Listen: "127.0.0.1:0", Media: Media{LiveKit: tc.flags}}, slog.New(slog.DiscardHandler), time.Now)
			if err != nil {
				t.Fatal(err)
			}
			defer h.Close()
			if err := h.Start(context.Background()); err != nil {
				t.Fatal(err)
			}
			if h.call == nil || h.call.lk == nil || h.call.kind() != "livekit" {
				t.Fatalf("calls are not on LiveKit: %+v", h.call)
			}
			if got := h.call.lk.URL(); got != tc.url {
				t.Errorf("LiveKit URL = %s, want %s", got, tc.url)
			}
			if h.call.relay != nil || len(h.call.sfuAddrs) != 0 {
				t.Error("a host on LiveKit runs its own relay or ICE port")
			}
			if !h.call.sfu.RecordingOn("iv") {
				t.Error("a host on LiveKit does not record")
			}
		})
	}
	if _, err := Open(Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", Media: Media{LiveKit: LiveKit{URL: "ws://127.0.0.1:7880"}}},
		slog.New(slog.DiscardHandler), time.Now); err == nil {
		t.Error("a LiveKit URL without key and secret opened a host")
	}
}
