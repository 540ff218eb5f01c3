package settings

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func TestMediaServerIsEmbeddedUntilSet(t *testing.T) {
	m, err := newService(t).MediaServer()
	if err != nil || m.Configured() || m.View() != (MediaServerView{}) {
		t.Errorf("fresh install: %+v, %v; want the embedded SFU", m, err)
	}
}

// The API secret is stored on the host and never in the console's view; an
// empty secret keeps it for the same key, and an empty address goes back to
// the embedded SFU, forgetting key and secret.
func TestMediaServerKeepsItsSecretOnTheHost(t *testing.T) {
	s := newService(t)
	steps := []struct {
		name string
		in   MediaServerUpdate
		want MediaServer
	}{
		{"set", MediaServerUpdate{LiveKitURL: " ws://127.0.0.1:7880/ ", APIKey: " devkey ", APISecret: " s3cret "},
			MediaServer{LiveKitURL: "ws://127.0.0.1:7880", APIKey: "devkey", APISecret: "s3cret"}},
		{"an empty secret keeps the stored one", MediaServerUpdate{LiveKitURL: "https://lk.example.com", APIKey: "devkey"},
			MediaServer{LiveKitURL: "wss://lk.example.com", APIKey: "devkey", APISecret: "s3cret"}},
		{"a new secret replaces it", MediaServerUpdate{LiveKitURL: "wss://lk.example.com", APIKey: "devkey", APISecret: "n3w"},
			MediaServer{LiveKitURL: "wss://lk.example.com", APIKey: "devkey", APISecret: "n3w"}},
		{"an empty address goes back to the embedded SFU", MediaServerUpdate{LiveKitURL: " ", APIKey: "devkey"}, MediaServer{}},
	}
	for _, step := range steps {
		got, err := s.PutMediaServer(step.in)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		stored, _ := s.MediaServer()
		if got != step.want || stored != step.want {
			t.Errorf("%s: got %+v, stored %+v, want %+v", step.name, got, stored, step.want)
		}
		view, _ := json.Marshal(stored.View())
		if stored.APISecret != "" && strings.Contains(string(view), stored.APISecret) {
			t.Errorf("%s: the view carries the secret: %s", step.name, view)
		}
	}
}

func TestMediaServerRules(t *testing.T) {
	tests := []struct {
		name  string
		in    MediaServerUpdate
		field string
		says  string
	}{
		{"not a WebSocket address", MediaServerUpdate{LiveKitURL: "ftp://lk.example.com", APIKey: "k", APISecret: "s"}, "liveKitUrl", "ws://HOST:7880"},
		{"no scheme", MediaServerUpdate{LiveKitURL: "lk.example.com:7880", APIKey: "k", APISecret: "s"}, "liveKitUrl", "ws://HOST:7880"},
		{"no key", MediaServerUpdate{LiveKitURL: "ws://lk.example.com", APISecret: "s"}, "apiKey", "API key"},
		{"a new key without its secret", MediaServerUpdate{LiveKitURL: "ws://lk.example.com", APIKey: "other"}, "apiSecret", "goes with this key"},
		{"a line break in the secret", MediaServerUpdate{LiveKitURL: "ws://lk.example.com", APIKey: "k", APISecret: "a\nb"}, "apiSecret", "line breaks"},
		{"a long secret", MediaServerUpdate{LiveKitURL: "ws://lk.example.com", APIKey: "k", APISecret: strings.Repeat("s", MaxMediaSecret+1)}, "apiSecret", "at most 512"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newService(t)
			kept := MediaServerUpdate{LiveKitURL: "ws://kept.example.com:7880", APIKey: "key", APISecret: "secret"}
			if _, err := s.PutMediaServer(kept); err != nil {
				t.Fatal(err)
			}
			_, err := s.PutMediaServer(tc.in)
			var fe validation.Errors
			if !errors.As(err, &fe) || !strings.Contains(fe[tc.field], tc.says) {
				t.Fatalf("error = %v, want %s to say %q", err, tc.field, tc.says)
			}
			if m, _ := s.MediaServer(); m.LiveKitURL != kept.LiveKitURL || m.APISecret != "secret" {
				t.Errorf("a refused change was stored: %+v", m)
			}
		})
	}
}
