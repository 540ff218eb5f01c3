package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The room channel: one WebSocket per browser tab at /ws/{token},
// authenticated by the link token. docs/room-protocol.md describes the
// messages; internal/room decides what they do. This file only frames them.

const (
	// sendQueue holds a burst of typing by several people in a shared editor.
	sendQueue    = 512
	pingInterval = 15 * time.Second
	// maxMessage fits a code push of 512 KiB (a large paste) with its framing.
	maxMessage = 600 << 10
)

type closedMessage struct {
	Type   string `json:"type"` // "closed"
	Reason string `json:"reason"`
}

// wsConn is a room.Conn over a WebSocket with a bounded send queue.
type wsConn struct {
	ws     *websocket.Conn
	out    chan any
	closed chan string
}

var _ room.Conn = (*wsConn)(nil)

func (c *wsConn) Send(msg any) error {
	select {
	case c.out <- msg:
		return nil
	default:
		c.Close("too slow")
		return errors.New("send queue full")
	}
}

func (c *wsConn) Close(reason string) {
	select {
	case c.closed <- reason:
	default:
	}
}

// writeLoop sends queued messages and pings until ctx ends or Close is called.
func (c *wsConn) writeLoop(ctx context.Context) {
	ping := time.NewTicker(pingInterval)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case reason := <-c.closed:
			wctx, cancel := context.WithTimeout(ctx, time.Second)
			_ = wsjson.Write(wctx, c.ws, closedMessage{Type: "closed", Reason: reason})
			cancel()
			_ = c.ws.Close(websocket.StatusNormalClosure, reason)
			return
		case msg := <-c.out:
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err := wsjson.Write(wctx, c.ws, msg)
			cancel()
			if err != nil {
				return
			}
		case <-ping.C:
			pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err := c.ws.Ping(pctx)
			cancel()
			if err != nil {
				_ = c.ws.CloseNow()
				return
			}
		}
	}
}

// roomSocket serves /ws/{token}.
func (s *Server) roomSocket(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	if s.guesses.retryAfter(r) > 0 {
		s.tooManyGuesses(w, r)
		return
	}
	sess, err := s.svc.Sessions.Admit(token)
	if err != nil {
		http.Error(w, "this interview link is not valid any more", http.StatusGone)
		switch _, _, lookup := s.svc.Interviews.ResolveLink(token); {
		case errors.Is(lookup, interviews.ErrNotFound):
			s.guesses.failed(r, "room link")
		case !errors.Is(err, room.ErrLinkDead):
			s.log.Warn("room socket", "remote", r.RemoteAddr, "err", err)
		}
		return
	}
	release, limit := s.open.acquire(token, r)
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: s.originPatterns()})
	if err != nil {
		s.log.Warn("room socket refused", "err", err, "origin", r.Header.Get("Origin"))
		if release != nil {
			release()
		}
		return
	}
	if limit != nil {
		s.refuseSocket(r.Context(), ws, limit.Error())
		return
	}
	defer release()
	s.sockets.Add(1)
	defer s.sockets.Done()
	ws.SetReadLimit(maxMessage)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	c := &wsConn{ws: ws, out: make(chan any, sendQueue), closed: make(chan string, 1)}
	done := make(chan struct{})
	go func() { c.writeLoop(ctx); cancel(); close(done) }()
	if err := sess.Connect(ctx, c); err == nil {
		s.readLoop(ctx, ws, sess)
	}
	sess.Leave(context.WithoutCancel(ctx))
	cancel()
	<-done
	_ = ws.CloseNow()
}

// refuseSocket tells a browser why its room channel is not served (it shows
// the reason) and closes it as a policy violation.
func (s *Server) refuseSocket(ctx context.Context, ws *websocket.Conn, reason string) {
	wctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = wsjson.Write(wctx, ws, closedMessage{Type: "closed", Reason: reason})
	_ = ws.Close(websocket.StatusPolicyViolation, reason)
}

// Drain tells every room connection that the host is stopping (with reason,
// which browsers show while they reconnect) and waits until their handlers
// have returned or ctx ends. Call it after the HTTP server stopped accepting.
func (s *Server) Drain(ctx context.Context, reason string) {
	s.svc.Sessions.CloseAll(reason)
	done := make(chan struct{})
	go func() { s.sockets.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.log.Warn("room connections still open at shutdown", "err", ctx.Err())
	}
}

// readLoop hands each message to the session until the socket ends.
func (s *Server) readLoop(ctx context.Context, ws *websocket.Conn, sess *room.Session) {
	for {
		var raw json.RawMessage
		if err := wsjson.Read(ctx, ws, &raw); err != nil {
			return
		}
		var msg room.Message
		if err := json.Unmarshal(raw, &msg); err != nil {
			s.log.Info("room message refused", "err", err)
			continue
		}
		msg.Raw = raw
		sess.Handle(ctx, msg)
	}
}

// originPatterns accepts the host's public origin and the request's own host.
func (s *Server) originPatterns() []string {
	if u, err := url.Parse(s.cfg.PublicURL); err == nil && u.Host != "" {
		return []string{u.Host}
	}
	return nil
}
