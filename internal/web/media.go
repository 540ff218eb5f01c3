package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Media is the call backend as the room channel uses it.
type Media interface {
	// Join connects a member's browser to the call in room roomID; send delivers
	// signaling messages to the browser.
	Join(ctx context.Context, roomID string, m MediaMember, send func(signal json.RawMessage) error) (MediaSession, error)
	// End closes the room's call and finalises its recordings.
	End(roomID string)
}

// MediaMember identifies a participant to the media backend.
type MediaMember struct {
	ID, Name string
	Role     room.Role
}

// MediaSession is one member's connection to the call.
type MediaSession interface {
	// Signal hands the backend a signaling message from the browser.
	Signal(signal json.RawMessage) error
	// Leave disconnects the member from the call.
	Leave()
}

// sessions holds the media session of each room connection.
type sessions struct {
	mu sync.Mutex
	m  map[string]MediaSession // by connection ID
}

func (s *Server) iceServers(m *room.Member) []ICEServer {
	if s.svc.ICE == nil {
		return []ICEServer{}
	}
	return s.svc.ICE(m)
}

// signal passes a browser's signaling message to its media session, joining the
// call on the first message if the member may be in it.
func (s *Server) signal(ctx context.Context, id string, m *room.Member, raw json.RawMessage) error {
	if s.svc.Media == nil {
		return errors.New("this host has no media service; video is unavailable")
	}
	s.media.mu.Lock()
	sess, ok := s.media.m[m.ID]
	s.media.mu.Unlock()
	if !ok {
		if m.Role == room.RoleCandidate {
			st, _, err := s.svc.Rooms.State(id)
			if err != nil {
				return err
			}
			if !st.CandidateAdmitted() {
				return errors.New("the interviewer has not let you in yet")
			}
		}
		conn := m.Conn
		joined, err := s.svc.Media.Join(context.WithoutCancel(ctx), id, MediaMember{ID: m.ID, Name: m.Name, Role: m.Role},
			func(sig json.RawMessage) error { return conn.Send(signalMessage{Type: "signal", Signal: sig}) })
		if err != nil {
			s.log.Warn("join call", "interview", id, "member", m.ID, "err", err)
			return fmt.Errorf("could not join the call: %w", err)
		}
		s.media.mu.Lock()
		s.media.m[m.ID] = joined
		s.media.mu.Unlock()
		sess = joined
	}
	return sess.Signal(raw)
}

type signalMessage struct {
	Type   string          `json:"type"` // "signal"
	Signal json.RawMessage `json:"signal"`
}

func (s *Server) leaveMedia(id string, m *room.Member) {
	s.media.mu.Lock()
	sess, ok := s.media.m[m.ID]
	delete(s.media.m, m.ID)
	s.media.mu.Unlock()
	if ok {
		sess.Leave()
	}
}

func (s *Server) endMedia(id string) {
	if s.svc.Media != nil {
		s.svc.Media.End(id)
	}
}
