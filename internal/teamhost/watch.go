package teamhost

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// SignedOut is the event the door publishes when the team host's session
// ends, as the host's stream names it: the console shows its sign-in page.
const SignedOut push.Type = "signed-out"

// The desktop hears the team host's live changes the way it hears its own
// host's: on a push.Bus, which the Wails events and the notifications
// follow (app/). watch fills that bus from the team host's GET /api/stream
// while a session is held, reconnecting with a growing delay.

// reconnectDelay is the wait before reconnect attempt n: 1 s, 2 s, 4 s … 30 s.
func reconnectDelay(n int) time.Duration {
	return min(30*time.Second, time.Second<<min(n, 5))
}

// watch runs until ctx ends.
func (r *remote) watch(ctx context.Context, bus *push.Bus) {
	attempt := 0
	for ctx.Err() == nil {
		tok := r.session()
		if tok == "" {
			select {
			case <-ctx.Done():
			case <-r.wake:
			}
			continue
		}
		heard, err := r.stream(ctx, tok, bus)
		if heard {
			attempt = 0
		}
		if ctx.Err() != nil || r.session() != tok {
			continue // stopped, or the session ended or changed
		}
		r.log.Debug("team host stream ended", "host", r.choice.URL, "err", err)
		select {
		case <-ctx.Done():
		case <-r.wake:
		case <-time.After(reconnectDelay(attempt)):
		}
		attempt++
	}
}

// stream reads one connection of the team host's stream with token into bus;
// heard reports whether the host answered with a stream at all.
func (r *remote) stream(ctx context.Context, token string, bus *push.Bus) (heard bool, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.mu.Lock()
	r.stop = cancel // end() cuts the stream of a session it ends
	r.mu.Unlock()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.choice.URL+"/api/stream", nil)
	if err != nil {
		return false, fmt.Errorf("team host stream: %w", err)
	}
	req.AddCookie(&http.Cookie{Name: cookieName, Value: token})
	req.Header.Set("Accept", "text/event-stream")
	resp, err := (&http.Client{Transport: r.tr}).Do(req)
	if err != nil {
		return false, fmt.Errorf("team host stream: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		r.end(token, lapsed)
		return false, errors.New("team host stream: the session ended")
	}
	if resp.StatusCode != http.StatusOK {
		return false, fmt.Errorf("team host stream: HTTP %d", resp.StatusCode)
	}
	return true, readEvents(bufio.NewScanner(resp.Body), func(typ string, data []byte) bool {
		switch push.Type(typ) {
		case "hello":
			bus.Publish(push.Event{Type: push.Resync}) // what the page shows may be stale
		case SignedOut:
			r.end(token, lapsed)
			return false
		default:
			if e, ok := decodeEvent(data); ok {
				bus.Publish(e)
			}
		}
		return true
	})
}

// readEvents calls each with the Server-Sent Events it reads, until it
// returns false or the stream ends.
func readEvents(sc *bufio.Scanner, each func(typ string, data []byte) bool) error {
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	var typ string
	var data []byte
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if typ != "" && !each(typ, data) {
				return nil
			}
			typ, data = "", nil
		case strings.HasPrefix(line, "event:"):
			typ = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " ")...)
		}
	}
	return sc.Err()
}

// decodeEvent reads a stream event; a presence keeps its room.PresenceView
// (the ready-and-waiting watch reads it), other data stays as sent.
func decodeEvent(data []byte) (push.Event, bool) {
	var raw struct {
		Type        push.Type       `json:"type"`
		InterviewID string          `json:"interviewId"`
		Data        json.RawMessage `json:"data"`
	}
	if json.Unmarshal(data, &raw) != nil || raw.Type == "" {
		return push.Event{}, false
	}
	e := push.Event{Type: raw.Type, InterviewID: raw.InterviewID}
	switch {
	case len(raw.Data) == 0 || string(raw.Data) == "null":
	case raw.Type == push.Presence:
		var p room.PresenceView
		if json.Unmarshal(raw.Data, &p) != nil {
			return push.Event{}, false
		}
		e.Data = p
	default:
		e.Data = raw.Data
	}
	return e, true
}
