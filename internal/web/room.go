package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The room channel: one WebSocket per browser tab at /ws/{token}, authenticated
// by the link token. docs/room-protocol.md describes the messages.

const (
	sendQueue    = 64
	pingInterval = 15 * time.Second
	maxMessage   = 256 << 10 // notes are at most 50,000 characters
)

// inbound is a message from a browser.
type inbound struct {
	Type    string            `json:"type"` // ready | action | call | signal
	ID      int               `json:"id,omitempty"`
	Action  room.Type         `json:"action,omitempty"`
	Data    json.RawMessage   `json:"data,omitempty"`
	Consent *room.ConsentData `json:"consent,omitempty"`
	Signal  json.RawMessage   `json:"signal,omitempty"`
}

type ack struct {
	Type  string `json:"type"` // "ack"
	ID    int    `json:"id"`
	Error string `json:"error,omitempty"`
}

// welcome tells a connection who it is and what the interview is.
type welcome struct {
	Type       string    `json:"type"` // "welcome"
	Role       room.Role `json:"role"`
	Connection string    `json:"connection"`
	// Participant names this person in the call (track-info's participantId).
	Participant string `json:"participant"`
	You         string `json:"you"`
	// Email and InterviewID are sent to interviewers only.
	Email       string            `json:"email,omitempty"`
	InterviewID string            `json:"interviewId,omitempty"`
	Interview   publicInterview   `json:"interview"`
	ICEServers  []media.ICEServer `json:"iceServers"`
}

// publicInterview is what any participant, the candidate included, may know.
type publicInterview struct {
	Position        string           `json:"position"`
	Candidate       string           `json:"candidate"`
	Interviewers    []string         `json:"interviewers"`
	StartsAt        time.Time        `json:"startsAt"`
	DurationMinutes int              `json:"durationMinutes"`
	Technical       bool             `json:"technical"`
	QuestionCount   int              `json:"questionCount"`
	Tools           interviews.Tools `json:"tools"`
}

type stateMessage struct {
	Type  string `json:"type"` // "state"
	State any    `json:"state"`
}

type presenceMessage struct {
	Type    string          `json:"type"` // "presence"
	Members []room.Presence `json:"members"`
}

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

func newConnID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// roomSocket serves /ws/{token}.
func (s *Server) roomSocket(w http.ResponseWriter, r *http.Request) {
	iv, link, err := s.svc.Interviews.ResolveLink(r.PathValue("token"))
	if err != nil || iv.Status != interviews.Scheduled || iv.Expired(s.now()) {
		http.Error(w, "this interview link is not valid any more", http.StatusGone)
		if errors.Is(err, interviews.ErrNotFound) {
			s.log.Warn("room socket with unknown token", "remote", r.RemoteAddr)
		}
		return
	}
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: s.originPatterns()})
	if err != nil {
		s.log.Warn("room socket refused", "err", err, "origin", r.Header.Get("Origin"))
		return
	}
	ws.SetReadLimit(maxMessage)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	c := &wsConn{ws: ws, out: make(chan any, sendQueue), closed: make(chan string, 1)}
	m := &room.Member{ID: newConnID(), Role: room.Role(link.Role), Conn: c, Since: s.now()}
	m.Name, m.Email = memberName(iv, link)
	m.Participant = participantID(m)
	done := make(chan struct{})
	go func() { c.writeLoop(ctx); cancel(); close(done) }()
	s.session(ctx, iv, m)
	cancel()
	<-done
	_ = ws.CloseNow()
}

func memberName(iv interviews.Interview, l interviews.Link) (string, string) {
	if l.Role == interviews.RoleCandidate {
		return iv.Candidate.Name, iv.Candidate.Email
	}
	for _, in := range iv.Interviewers {
		if strings.EqualFold(in.Email, l.Email) {
			return in.Name, in.Email
		}
	}
	return "Interviewer", l.Email
}

// originPatterns accepts the host's public origin and the request's own host.
func (s *Server) originPatterns() []string {
	if u, err := url.Parse(s.cfg.PublicURL); err == nil && u.Host != "" {
		return []string{u.Host}
	}
	return nil
}

// session runs one connection: welcome, then messages until it closes.
func (s *Server) session(ctx context.Context, iv interviews.Interview, m *room.Member) {
	rooms := s.svc.Rooms
	if replaced := rooms.Hub.Join(iv.ID, m); replaced != nil {
		replaced.Conn.Close("replaced")
	}
	actor := room.Actor{Role: m.Role, Email: m.Email, Name: m.Name}
	s.logEvent(iv.ID, actor, room.TypeJoined, room.JoinData{Connection: m.ID})
	defer func() {
		if rooms.Hub.Leave(iv.ID, m.ID) {
			s.logEvent(iv.ID, actor, room.TypeLeft, room.JoinData{Connection: m.ID})
			s.broadcastPresence(iv.ID)
		}
		s.leaveCall(m)
	}()
	_ = m.Conn.Send(s.welcome(iv, m))
	if err := s.sendState(iv.ID, m); err != nil {
		return
	}
	s.broadcastPresence(iv.ID)
	ws := m.Conn.(*wsConn).ws
	for {
		var msg inbound
		if err := wsjson.Read(ctx, ws, &msg); err != nil {
			return
		}
		if err := s.handle(ctx, iv.ID, m, actor, msg); err != nil {
			_ = m.Conn.Send(ack{Type: "ack", ID: msg.ID, Error: err.Error()})
			continue
		}
		if msg.ID != 0 {
			_ = m.Conn.Send(ack{Type: "ack", ID: msg.ID})
		}
	}
}

func (s *Server) welcome(iv interviews.Interview, m *room.Member) welcome {
	pub := publicInterview{Position: iv.Position, Candidate: iv.Candidate.Name, StartsAt: iv.StartsAt,
		DurationMinutes: iv.DurationMinutes, Technical: iv.Template.Technical,
		QuestionCount: iv.Template.QuestionCount, Tools: iv.Tools}
	for _, in := range iv.Interviewers {
		pub.Interviewers = append(pub.Interviewers, in.Name)
	}
	w := welcome{Type: "welcome", Role: m.Role, Connection: m.ID, Participant: m.Participant, You: m.Name,
		Interview: pub, ICEServers: s.iceServers(m)}
	if m.Role == room.RoleInterviewer {
		w.Email, w.InterviewID = m.Email, iv.ID
	}
	return w
}

// handle carries out one message from a member.
func (s *Server) handle(ctx context.Context, id string, m *room.Member, actor room.Actor, msg inbound) error {
	switch msg.Type {
	case "ready":
		if m.Role != room.RoleCandidate {
			return errors.New("only the candidate says ready")
		}
		if msg.Consent == nil {
			return errors.New("consent is required to join")
		}
		if _, _, err := s.svc.Rooms.Append(id, actor, room.TypeConsented, msg.Consent); err != nil {
			return s.refused(id, actor, err)
		}
		s.svc.Rooms.Hub.SetReady(id, m.ID)
		s.broadcastPresence(id)
		return nil
	case "action":
		if m.Role != room.RoleInterviewer {
			return s.refused(id, actor, fmt.Errorf("%s: %w", msg.Action, room.ErrForbidden))
		}
		var data any
		if len(msg.Data) > 0 {
			data = msg.Data
		}
		if _, _, err := s.svc.Rooms.Append(id, actor, msg.Action, data); err != nil {
			return s.refused(id, actor, err)
		}
		s.broadcastState(id)
		if msg.Action == room.TypeEnded {
			s.endCall(id)
		}
		return nil
	case "call":
		return s.joinCall(ctx, id, m)
	case "signal":
		return s.signal(id, m, msg.Signal)
	default:
		return fmt.Errorf("unknown message type %q", msg.Type)
	}
}

// refused logs a refused action (a candidate trying interviewer actions is
// worth knowing about) and returns the message for the browser.
func (s *Server) refused(id string, actor room.Actor, err error) error {
	level := s.log.Info
	if errors.Is(err, room.ErrForbidden) {
		level = s.log.Warn
	}
	level("room action refused", "interview", id, "role", actor.Role, "email", actor.Email, "err", err)
	return errors.New(strings.TrimPrefix(strings.TrimPrefix(err.Error(), "rejected: "), "rejected"))
}

func (s *Server) logEvent(id string, actor room.Actor, t room.Type, data any) {
	if _, _, err := s.svc.Rooms.Append(id, actor, t, data); err != nil && !errors.Is(err, room.ErrRejected) {
		s.log.Warn("log room event", "interview", id, "type", t, "err", err)
	}
}

// sendState sends m its own view of the current state.
func (s *Server) sendState(id string, m *room.Member) error {
	st, iv, err := s.svc.Rooms.State(id)
	if err != nil {
		s.log.Error("room state", "interview", id, "err", err)
		m.Conn.Close("the interview host could not load this interview")
		return err
	}
	return m.Conn.Send(stateMessage{Type: "state", State: viewFor(st, iv, m)})
}

// viewFor is the one place that chooses what a member may see.
func viewFor(st room.State, iv interviews.Interview, m *room.Member) any {
	if m.Role == room.RoleCandidate {
		return room.ForCandidate(st, iv)
	}
	return room.ForInterviewer(st, iv, m.Email)
}

func (s *Server) broadcastState(id string) {
	st, iv, err := s.svc.Rooms.State(id)
	if err != nil {
		s.log.Error("room state", "interview", id, "err", err)
		return
	}
	for _, m := range s.svc.Rooms.Hub.Members(id) {
		_ = m.Conn.Send(stateMessage{Type: "state", State: viewFor(st, iv, m)})
	}
}

func (s *Server) broadcastPresence(id string) {
	msg := presenceMessage{Type: "presence", Members: s.svc.Rooms.Hub.Presence(id)}
	for _, m := range s.svc.Rooms.Hub.Members(id) {
		_ = m.Conn.Send(msg)
	}
}
