package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// calls holds each room connection's media session, by connection ID.
type calls struct {
	mu sync.Mutex
	m  map[string]media.Session
}

func (c *calls) get(connID string) (media.Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[connID]
	return s, ok
}

func (c *calls) set(connID string, s media.Session) (previous media.Session) {
	c.mu.Lock()
	defer c.mu.Unlock()
	previous = c.m[connID]
	c.m[connID] = s
	return previous
}

func (c *calls) take(connID string) (media.Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[connID]
	delete(c.m, connID)
	return s, ok
}

func (s *Server) iceServers(m *room.Member) []media.ICEServer {
	if s.svc.ICE == nil {
		return []media.ICEServer{}
	}
	return s.svc.ICE(m)
}

// signalSink carries the media backend's messages to a member's socket.
type signalSink struct{ conn room.Conn }

func (k signalSink) Send(msg media.SignalMessage) error {
	return k.conn.Send(signalMessage{Type: "signal", Signal: msg})
}

type signalMessage struct {
	Type   string              `json:"type"` // "signal"
	Signal media.SignalMessage `json:"signal"`
}

// participantID names a member in the call and its recordings; it is stable
// across reconnects of the same person, so a reload replaces the old session.
func participantID(m *room.Member) string {
	if m.Role == room.RoleCandidate {
		return "candidate"
	}
	sum := sha256.Sum256([]byte(m.Email + "\x00" + m.Name))
	return "interviewer-" + hex.EncodeToString(sum[:4])
}

// joinCall connects a member to the interview's call; the backend then sends
// the browser its configuration.
func (s *Server) joinCall(ctx context.Context, id string, m *room.Member) error {
	if s.svc.Media == nil {
		return errors.New("this host has no media service, so video is unavailable")
	}
	if m.Role == room.RoleCandidate {
		st, _, err := s.svc.Rooms.State(id)
		if err != nil {
			return err
		}
		if !st.CandidateAdmitted() {
			return errors.New("the interviewer has not let you in yet")
		}
	}
	sess, err := s.svc.Media.Join(context.WithoutCancel(ctx), id,
		media.ParticipantInfo{ID: m.Participant, Name: m.Name, Role: string(m.Role)},
		signalSink{m.Conn}, media.JoinOptions{ICEServers: s.iceServers(m)})
	if err != nil {
		s.log.Warn("join call", "interview", id, "member", m.ID, "err", err)
		return fmt.Errorf("could not join the call: %w", err)
	}
	if previous := s.calls.set(m.ID, sess); previous != nil {
		_ = previous.Leave()
	}
	return nil
}

// signal hands a browser's signaling message to its media session.
func (s *Server) signal(id string, m *room.Member, raw json.RawMessage) error {
	sess, ok := s.calls.get(m.ID)
	if !ok {
		return errors.New("join the call first")
	}
	var msg media.SignalMessage
	if err := json.Unmarshal(raw, &msg); err != nil {
		return fmt.Errorf("signal: %w", err)
	}
	return sess.HandleSignal(msg)
}

func (s *Server) leaveCall(m *room.Member) {
	if sess, ok := s.calls.take(m.ID); ok {
		_ = sess.Leave()
	}
}

func (s *Server) endCall(id string) {
	if s.svc.Media == nil {
		return
	}
	if err := s.svc.Media.CloseRoom(id); err != nil {
		s.log.Warn("close call", "interview", id, "err", err)
	}
}
