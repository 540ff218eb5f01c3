package settings

import (
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/media/livekit"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// MediaServer is where calls run: the embedded SFU (empty URL) or a LiveKit
// server or cluster (package media/livekit) at URL, with its API key and
// secret. The host reads it as it starts.
type MediaServer struct {
	LiveKitURL string `json:"liveKitUrl"`
	APIKey     string `json:"apiKey,omitempty"`
	APISecret  string `json:"apiSecret,omitempty"`
}

// Configured reports whether calls go to a LiveKit server.
func (m MediaServer) Configured() bool { return m.LiveKitURL != "" }

// MediaServerView is the media server setting as the console sees it: the
// secret never leaves the host, only whether one is stored.
type MediaServerView struct {
	LiveKitURL string `json:"liveKitUrl"`
	APIKey     string `json:"apiKey"`
	HasSecret  bool   `json:"hasSecret"`
	Configured bool   `json:"configured"`
}

// View is m without its secret.
func (m MediaServer) View() MediaServerView {
	return MediaServerView{LiveKitURL: m.LiveKitURL, APIKey: m.APIKey, HasSecret: m.APISecret != "", Configured: m.Configured()}
}

// MediaServerUpdate changes the media server setting. An empty APISecret
// keeps the stored one; an empty LiveKitURL goes back to the embedded SFU
// (and forgets key and secret).
type MediaServerUpdate struct {
	LiveKitURL string `json:"liveKitUrl"`
	APIKey     string `json:"apiKey"`
	APISecret  string `json:"apiSecret,omitempty"`
}

// MaxMediaSecret bounds an API key or secret, in characters.
const MaxMediaSecret = 512

// MediaServer returns the media server setting (the embedded SFU when never
// set).
func (s *Service) MediaServer() (MediaServer, error) {
	var m MediaServer
	if err := s.read(store.KeyMediaServerSettings, &m); err != nil {
		return MediaServer{}, fmt.Errorf("read media server settings: %w", err)
	}
	return m, nil
}

// PutMediaServer validates and stores the media server setting. Field
// names: liveKitUrl, apiKey, apiSecret.
func (s *Service) PutMediaServer(u MediaServerUpdate) (MediaServer, error) {
	current, err := s.MediaServer()
	if err != nil {
		return MediaServer{}, err
	}
	next, err := u.apply(current)
	if err != nil {
		return MediaServer{}, err
	}
	if err := s.write(store.KeyMediaServerSettings, next); err != nil {
		return MediaServer{}, fmt.Errorf("save media server settings: %w", err)
	}
	return next, nil
}

// apply returns current changed by u, or field errors.
func (u MediaServerUpdate) apply(current MediaServer) (MediaServer, error) {
	if strings.TrimSpace(u.LiveKitURL) == "" {
		return MediaServer{}, nil
	}
	e := validation.Errors{}
	next := MediaServer{APIKey: strings.TrimSpace(u.APIKey), APISecret: strings.TrimSpace(u.APISecret)}
	url, err := livekit.CheckURL(u.LiveKitURL)
	if err != nil {
		e.Add("liveKitUrl", "Enter the LiveKit server's address as browsers reach it: ws://HOST:7880 or wss://HOST.")
	}
	next.LiveKitURL = url
	if next.APIKey == "" {
		e.Add("apiKey", "Enter the LiveKit API key (the server's keys: setting).")
	} else {
		checkSecret(e, "apiKey", next.APIKey, "API key", MaxMediaSecret)
	}
	switch {
	case next.APISecret != "":
		checkSecret(e, "apiSecret", next.APISecret, "API secret", MaxMediaSecret)
	case current.APISecret != "" && current.APIKey == next.APIKey:
		next.APISecret = current.APISecret
	default:
		e.Add("apiSecret", "Enter the API secret that goes with this key.")
	}
	if err := e.Err(); err != nil {
		return MediaServer{}, err
	}
	return next, nil
}
