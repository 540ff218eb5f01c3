package host

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The call as a room feature: "call" joins a member to the interview's call,
// "signal" carries the browser's WebRTC signaling, and the room's end closes
// the call.
//
// The candidate's consent decides whether the call is recorded. Until the
// candidate has answered, the call is recorded (interviewers who wait are).
// A candidate who declines recording stops it at once, and what was recorded
// before is deleted: it was made before the candidate could object, and the
// candidate was told that nothing of the interview is recorded. The answer
// is the room's latest consent (a later join may change it); it is applied as
// it is given and again whenever someone joins the call, so a host that
// restarted (and replays the room) does not record a declined call again.

// sessions holds each room connection's media session, by connection ID.
type sessions struct {
	mu sync.Mutex
	m  map[string]media.Session
}

func (s *sessions) get(connID string) (media.Session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, ok := s.m[connID]
	return ms, ok
}

func (s *sessions) set(connID string, ms media.Session) (previous media.Session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	previous = s.m[connID]
	s.m[connID] = ms
	return previous
}

func (s *sessions) take(connID string) (media.Session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, ok := s.m[connID]
	delete(s.m, connID)
	return ms, ok
}

// Handlers is the call's part of the room channel.
func (c *call) Handlers() map[string]room.Handler {
	return map[string]room.Handler{"call": c.join, "signal": c.signal}
}

// signalSink carries the media backend's messages to a member's socket.
type signalSink struct{ sess *room.Session }

type signalMessage struct {
	Type   string              `json:"type"` // "signal"
	Signal media.SignalMessage `json:"signal"`
}

func (k signalSink) Send(msg media.SignalMessage) error {
	return k.sess.Send(signalMessage{Type: "signal", Signal: msg})
}

// callMessage is the room's "call" message: with Prepare, a candidate's
// connection is set up while it may not send yet (device check, waiting
// room); a later "call" without it admits that connection.
type callMessage struct {
	Prepare bool `json:"prepare"`
}

// join connects a member to the interview's call; the backend then sends the
// browser its configuration. A candidate may prepare its connection at any
// time (held: no media either way); it enters the call only once let in,
// when its prepared connection is admitted rather than made anew.
func (c *call) join(ctx context.Context, sess *room.Session, msg room.Message) error {
	m := sess.Member
	var cm callMessage
	if len(msg.Raw) > 0 {
		if err := msg.Decode(&cm); err != nil {
			return err
		}
	}
	hold := cm.Prepare && m.Role == room.RoleCandidate
	st, iv, err := sess.State()
	if err != nil {
		return err
	}
	if !hold {
		if err := sess.MayEnterAt(st); err != nil {
			return err
		}
	}
	c.applyConsent(ctx, m.InterviewID, st.Consent)
	if !hold {
		if ms, ok := c.sessions.get(m.ID); ok {
			if h, ok := ms.(media.Holder); ok && h.Held() {
				return c.admit(m, h)
			}
		}
	}
	ms, err := c.backend.Join(context.WithoutCancel(ctx), m.InterviewID,
		media.ParticipantInfo{ID: string(m.Participant), Name: m.Name, Role: string(m.Role)},
		signalSink{sess}, media.JoinOptions{ICEServers: mediaICE(sess.ICEServers()), Until: lifetime(iv), Hold: hold})
	if err != nil {
		c.log.Warn("join call", "interview", m.InterviewID, "member", m.ID, "err", err)
		return fault.Explain(fault.Unavailable, err, fmt.Sprintf("could not join the call: %v", err))
	}
	if previous := c.sessions.set(m.ID, ms); previous != nil {
		_ = previous.Leave()
	}
	return nil
}

// admit lets a prepared connection's media flow.
func (c *call) admit(m *room.Member, h media.Holder) error {
	if err := h.Admit(); err != nil {
		c.log.Warn("admit to call", "interview", m.InterviewID, "member", m.ID, "err", err)
		return fault.Explain(fault.Unavailable, err, fmt.Sprintf("could not join the call: %v", err))
	}
	return nil
}

func mediaICE(servers []room.ICEServer) []media.ICEServer {
	out := make([]media.ICEServer, 0, len(servers))
	for _, s := range servers {
		out = append(out, media.ICEServer(s))
	}
	return out
}

// signal hands a browser's signaling message to its media session.
func (c *call) signal(_ context.Context, sess *room.Session, msg room.Message) error {
	ms, ok := c.sessions.get(sess.Member.ID)
	if !ok {
		return fault.Explain(fault.Conflict, nil, "join the call first")
	}
	var sm media.SignalMessage
	if err := json.Unmarshal(msg.Signal, &sm); err != nil {
		return fault.Explain(fault.Invalid, err, fmt.Sprintf("signal: %v", err))
	}
	return ms.HandleSignal(sm)
}

// Left lets go of a member's media session when its connection ends.
func (c *call) Left(sess *room.Session) {
	if ms, ok := c.sessions.take(sess.Member.ID); ok {
		_ = ms.Leave()
	}
}

// happened applies the candidate's consent to the call's recording, and
// closes the call when the interview ends.
func (c *call) happened(ctx context.Context, iv interviews.Interview, e room.Event) {
	switch e.Type {
	case room.TypeConsented:
		var d room.ConsentData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			c.log.Warn("consent to recording", "interview", iv.ID, "err", err)
			return
		}
		c.applyConsent(ctx, iv.ID, &d)
	case room.TypeEnded:
		if err := c.backend.CloseRoom(iv.ID); err != nil {
			c.log.Warn("close call", "interview", iv.ID, "err", err)
		}
	}
}

// discardWait bounds how long declining recording waits for the call's
// recordings to stop before deleting them.
const discardWait = time.Minute

// applyConsent records the interview's call or not, as the candidate's
// consent says (nil: not answered yet, recorded). Declining deletes what was
// recorded so far.
func (c *call) applyConsent(ctx context.Context, interview string, consent *room.ConsentData) {
	switch {
	case consent == nil:
	case consent.RecordingNotice:
		c.backend.SetRecording(interview, true)
	default:
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), discardWait)
		defer cancel()
		if err := c.backend.DiscardRecordings(ctx, interview); err != nil {
			c.log.Warn("candidate declined recording: recordings not deleted", "interview", interview, "err", err)
		}
		if c.discarded != nil {
			c.discarded(interview)
		}
	}
}
