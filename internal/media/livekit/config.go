package livekit

import (
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// Config configures a Backend.
type Config struct {
	// URL is the LiveKit server's WebSocket address as browsers reach it:
	// ws://HOST:7880 or wss://HOST.
	URL string
	// APIKey and APISecret sign tokens and RoomService calls.
	APIKey, APISecret string
	// Recorder records the calls' tracks (a recording-only media.SFU); nil
	// records nothing.
	Recorder *media.SFU
	// Admits tells whether identity may be in room now (still a
	// participant of an interview still on). The hidden participant removes
	// anyone it does not admit as they connect: a LiveKit token cannot be
	// revoked, so a removed participant's token would otherwise still work.
	// Nil admits everyone with a token.
	Admits func(room, identity string) bool
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// MaxTokenTTL bounds a participant's token whatever the interview's length:
// the browser asks for a fresh one by joining the call again.
const MaxTokenTTL = 6 * time.Hour

// RecorderIdentity is the hidden recording participant's identity in every
// room; no participant ID of an interview takes this form.
const RecorderIdentity = "interviewdesk-recorder"

// CheckURL returns the server address in canonical form: ws:// or wss://
// (http:// and https:// are taken as the same), a host, no credentials,
// query or fragment.
func CheckURL(raw string) (string, error) {
	raw = strings.TrimRight(strings.TrimSpace(raw), "/")
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("%w: LiveKit URL %q: give ws://HOST:PORT or wss://HOST", ErrInvalid, raw)
	}
	switch u.Scheme {
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	case "ws", "wss":
	default:
		return "", fmt.Errorf("%w: LiveKit URL %q: the address starts with ws:// or wss://", ErrInvalid, raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%w: LiveKit URL %q: no user, query or fragment", ErrInvalid, raw)
	}
	return u.String(), nil
}

func (c *Config) check() error {
	u, err := CheckURL(c.URL)
	if err != nil {
		return err
	}
	c.URL = u
	if c.APIKey == "" || c.APISecret == "" {
		return fmt.Errorf("%w: a LiveKit server needs its API key and secret", ErrInvalid)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return nil
}

// logger returns log, or one that discards.
func logger(log *slog.Logger) *slog.Logger {
	if log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return log
}
