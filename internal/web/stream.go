package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/push"
)

// keepAlive is how often an idle stream sends a comment, so proxies keep the
// connection open and a client that went away is noticed by a failed write.
const keepAlive = 15 * time.Second

// helloEvent opens every stream. A client that (re)connects reloads what it
// shows on it, since it may have missed changes while it was away.
const helloEvent push.Type = "hello"

// signedOutEvent ends the stream of a session that ended (signed out
// elsewhere, a new password or role, the account removed): the console
// shows its sign-in page at once.
const signedOutEvent push.Type = "signed-out"

// stream answers GET /api/stream: the console's live updates as Server-Sent
// Events (https://html.spec.whatwg.org/multipage/server-sent-events.html).
// Each bus event is written as "event: <type>" and "data: <the Event as
// JSON>". The stream ends when the request's context ends or the bus closes
// (host shutdown), or when a write fails, or when the caller's session ends.
//
// An account's stream carries only what it may see (streamFilter): an
// interviewer hears only of its own interviews, and nobody hears of accounts.
//
// Browsers read it with EventSource. The desktop webview does not: Wails'
// asset server gives a handler no request context that ends with the page, and
// on Windows buffers a response until the handler returns, so the desktop gets
// the same events as Wails events (app/push.go).
func (s *Server) stream(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Push == nil {
		return errNoRoute
	}
	sub := s.svc.Push.Subscribe()
	defer sub.Close()
	filter := s.streamFilter(callerOf(r))
	h := w.Header() // console() has set Cache-Control: no-store
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no") // a reverse proxy must not hold events back
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	send := func(e push.Event) error {
		if err := writeEvent(w, e); err != nil {
			return err
		}
		return flush(rc)
	}
	if err := send(push.Event{Type: helloEvent}); err != nil {
		return nil // the client is gone; nothing to answer
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return nil
		case e, open := <-sub.Events():
			if !open {
				return nil
			}
			if filter.ended(e) {
				_ = send(push.Event{Type: signedOutEvent})
				return nil
			}
			if filter.passes(e) {
				err = send(e)
			}
		case <-tick.C:
			if filter.ended(push.Event{Type: push.Resync}) {
				_ = send(push.Event{Type: signedOutEvent})
				return nil
			}
			if _, err = io.WriteString(w, ": keep-alive\n\n"); err == nil {
				err = flush(rc)
			}
		}
		if err != nil {
			s.log.Debug("console stream ended", "remote", r.RemoteAddr, "err", err)
			return nil
		}
	}
}

// streamFilter decides, for one stream, which events its caller hears and
// when its session has ended.
type streamFilter struct {
	s *Server
	c caller
	// own caches which interviews an interviewer is part of; nil: all.
	own map[string]bool
}

func (s *Server) streamFilter(c caller) *streamFilter {
	f := &streamFilter{s: s, c: c}
	if onlyOwn(c) != "" {
		f.own = map[string]bool{}
	}
	return f
}

// ended reports whether e means the caller's session is over: a change of
// its account's sessions, or a missed event or a quiet while (which might
// have hidden one), after which the session is checked again.
func (f *streamFilter) ended(e push.Event) bool {
	if f.c.how != userSession {
		return false
	}
	switch {
	case e.Type == push.Account && e.Data == f.c.user.ID, e.Type == push.Resync:
		return !f.s.svc.Accounts.Valid(f.c.session.ID)
	}
	return false
}

// passes reports whether the caller may hear of e.
func (f *streamFilter) passes(e push.Event) bool {
	if e.Type == push.Account {
		return false
	}
	if f.own == nil || e.InterviewID == "" {
		return true
	}
	if e.Type == push.Interview { // who is in it may have changed
		delete(f.own, e.InterviewID)
	}
	mine, known := f.own[e.InterviewID]
	if !known {
		iv, err := f.s.svc.Interviews.Get(e.InterviewID)
		mine = err == nil && interviewerOf(iv, f.c.user.Email)
		f.own[e.InterviewID] = mine
	}
	return mine
}

// writeEvent writes one event in the SSE wire format. JSON has no raw
// newlines, so the data fits on one line.
func writeEvent(w io.Writer, e push.Event) error {
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode %s event: %w", e.Type, err)
	}
	_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Type, data)
	return err
}

// flush sends what was written; a writer that cannot flush (one that writes
// straight through) is fine.
func flush(rc *http.ResponseController) error {
	if err := rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}
