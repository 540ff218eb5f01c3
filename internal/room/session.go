package room

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"golang.org/x/time/rate"
)

// Message is one message from a browser on the room channel
// (docs/room-protocol.md).
type Message struct {
	Type    string          `json:"type"`
	ID      int             `json:"id,omitempty"`
	Action  Type            `json:"action,omitempty"`
	Data    json.RawMessage `json:"data,omitempty"`
	Consent *ConsentData    `json:"consent,omitempty"`
	Signal  json.RawMessage `json:"signal,omitempty"`
	// Raw is the whole message as received, for features whose messages carry
	// fields of their own.
	Raw json.RawMessage `json:"-"`
}

// Decode reads the whole message into v, a feature's own message type; a
// malformed one is refused with a person-facing text.
func (msg Message) Decode(v any) error {
	if err := json.Unmarshal(msg.Raw, v); err != nil {
		return fault.Explain(fault.Invalid, err, fmt.Sprintf("malformed %q message: %v", msg.Type, err))
	}
	return nil
}

// Handler carries out one type of message for the member of s. The error it
// returns is shown to that member; give it a person-facing text
// (fault.Explain) where the cause's own text would not do.
type Handler func(ctx context.Context, s *Session, msg Message) error

// Feature is a capability of every room that handles some message types and
// follows the room's life: the call today, live code and analysis later.
type Feature interface {
	// Handlers names the message types the feature carries out.
	Handlers() map[string]Handler
	// Left is called once a member's connection has ended.
	Left(s *Session)
}

// Joiner is a Feature that sends a member something of its own once the
// member is connected (after the welcome and the state).
type Joiner interface {
	Joined(ctx context.Context, s *Session)
}

// Listener hears every event appended to an interview's log, after it
// committed, in log order per interview: "started", "question shown",
// "ended"... except the quiet ones (code and whiteboard changes, Type.Quiet).
// It must not block for long.
type Listener func(ctx context.Context, iv interviews.Interview, e Event)

// ICEServer is a STUN or TURN server offered to a member's browser.
type ICEServer struct {
	URLs       []string `json:"urls"`
	Username   string   `json:"username,omitempty"`
	Credential string   `json:"credential,omitempty"`
}

// SessionsConfig is what Sessions is built from.
type SessionsConfig struct {
	Log        *Service
	Interviews *interviews.Service
	// Hub tracks who is connected; give the one Revoke closes connections of
	// (nil: a hub of its own).
	Hub *Hub
	// Push hears presence and timeline changes for the console; may be nil.
	Push      *push.Bus
	Features  []Feature
	Listeners []Listener
	// ICE gives a member its STUN/TURN servers (fresh credentials); may be nil.
	ICE func(m *Member) []ICEServer
	// Media names the call's backend in the welcome ("embedded", "livekit").
	Media string
	// Consent, when set, is the consent step's texts: sent to candidates in
	// the welcome, and a ready must name their version (so the log records
	// the words the candidate agreed to). Nil: no texts, any version taken.
	Consent *consent.Texts
	Logger  *slog.Logger
	Now     func() time.Time
}

// Sessions runs members' connections to interview rooms: it admits a link,
// applies the rules of each message, keeps presence, broadcasts state, and is
// the one place that decides what each member may see.
type Sessions struct {
	cfg      SessionsConfig
	hub      *Hub
	handlers map[string]Handler
	joins    joinBudget
}

// NewSessions returns the room sessions of a host. Message types handled by
// the room itself ("ready", "action") cannot be taken by a feature.
func NewSessions(cfg SessionsConfig) (*Sessions, error) {
	s := &Sessions{cfg: cfg, hub: cfg.Hub, handlers: map[string]Handler{}, joins: joinBudget{m: map[string]*rate.Limiter{}}}
	if s.hub == nil {
		s.hub = NewHub()
	}
	s.handlers["ready"] = s.ready
	s.handlers["action"] = s.action
	for _, f := range cfg.Features {
		for t, h := range f.Handlers() {
			if _, taken := s.handlers[t]; taken {
				return nil, fmt.Errorf("room message type %q is handled twice", t)
			}
			s.handlers[t] = h
		}
	}
	return s, nil
}

// Session is one member's connection to a room.
type Session struct {
	rooms     *Sessions
	Member    *Member
	Interview interviews.Interview
	actor     Actor
	changes   *rate.Limiter // the member's events (ChangeRate, ChangeBurst)
	joinedLog bool          // its join was logged, so its leave is too
}

// ErrLinkDead means a link cannot open a room: unknown, revoked, cancelled,
// finished or expired.
var ErrLinkDead = fault.New(fault.NotFound, "this interview link is not valid any more")

// Admit resolves a link token to the member it lets in, without connecting.
func (s *Sessions) Admit(token string) (*Session, error) {
	iv, link, err := s.cfg.Interviews.ResolveLink(token)
	if err != nil {
		if errors.Is(err, interviews.ErrNotFound) {
			return nil, fmt.Errorf("room link: %w", ErrLinkDead)
		}
		return nil, fmt.Errorf("room link: %w", err)
	}
	if iv.Status != interviews.Scheduled || iv.Expired(s.cfg.Now()) {
		return nil, fmt.Errorf("room link of interview %s: %w", iv.ID, ErrLinkDead)
	}
	participant, name, ok := iv.Participant(link.Kind, link.Email)
	if !ok {
		return nil, fmt.Errorf("room link of interview %s: %w", iv.ID, ErrLinkDead)
	}
	if link.Participant != "" {
		participant = link.Participant
	}
	m := &Member{ID: newConnID(), InterviewID: iv.ID, Participant: participant, Role: Role(link.Kind),
		Name: name, Email: link.Email}
	if m.Role == RoleCandidate {
		m.Email = iv.Candidate.Email
	}
	return &Session{rooms: s, Member: m, Interview: iv, actor: Actor{Role: m.Role, Email: m.Email, Name: m.Name},
		changes: rate.NewLimiter(ChangeRate, ChangeBurst)}, nil
}

func newConnID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Connect joins the session to its room over conn: it takes over an older
// candidate tab, logs the join, sends the welcome and the member's view of the
// state, and tells everyone who is there. It fails only when the interview's
// state cannot be loaded; conn has then been closed with a reason.
func (sess *Session) Connect(ctx context.Context, conn Conn) error {
	s, m := sess.rooms, sess.Member
	m.Conn, m.Since = conn, s.cfg.Now()
	if replaced := s.hub.Join(m.InterviewID, m); replaced != nil {
		replaced.Conn.Close("replaced")
	}
	if s.joins.allow(m, s.cfg.Now()) {
		sess.joinedLog = true
		s.logEvent(ctx, sess, TypeJoined, JoinData{Connection: m.ID})
	}
	w := WelcomeFor(sess.Interview, m, sess.ICEServers())
	w.Media = s.cfg.Media
	if m.Role == RoleCandidate {
		w.Consent = s.cfg.Consent
	}
	_ = conn.Send(w)
	st, iv, err := s.cfg.Log.State(m.InterviewID)
	if err != nil {
		s.cfg.Logger.Error("room state", "interview", m.InterviewID, "err", err)
		conn.Close("the interview host could not load this interview")
		return err
	}
	_ = conn.Send(stateMessage{Type: "state", State: ViewFor(st, iv, m)})
	for _, f := range s.cfg.Features {
		if j, ok := f.(Joiner); ok {
			j.Joined(ctx, sess)
		}
	}
	s.broadcastPresence(m.InterviewID)
	return nil
}

// Leave ends the session: the member leaves the room (unless a newer tab
// replaced it already) and every feature lets go of it.
func (sess *Session) Leave(ctx context.Context) {
	s, m := sess.rooms, sess.Member
	if s.hub.Leave(m.InterviewID, m.ID) {
		if sess.joinedLog {
			s.logEvent(ctx, sess, TypeLeft, JoinData{Connection: m.ID})
		}
		s.broadcastPresence(m.InterviewID)
	}
	for _, f := range s.cfg.Features {
		f.Left(sess)
	}
}

// Handle carries out one message and acknowledges it: an ack with the error
// text when it was refused, or a plain ack when the message asked for one.
func (sess *Session) Handle(ctx context.Context, msg Message) {
	err := sess.handle(ctx, msg)
	switch {
	case err != nil:
		sess.refused(err)
		_ = sess.Member.Conn.Send(ack{Type: "ack", ID: msg.ID, Error: fault.Text(err)})
	case msg.ID != 0:
		_ = sess.Member.Conn.Send(ack{Type: "ack", ID: msg.ID})
	}
}

func (sess *Session) handle(ctx context.Context, msg Message) error {
	h, ok := sess.rooms.handlers[msg.Type]
	if !ok {
		return fault.Explain(fault.Invalid, nil, fmt.Sprintf("unknown message type %q", msg.Type))
	}
	return h(ctx, sess, msg)
}

// State is the room's current state and interview.
func (sess *Session) State() (State, interviews.Interview, error) {
	return sess.rooms.cfg.Log.State(sess.Member.InterviewID)
}

// Send queues msg for this member's browser.
func (sess *Session) Send(msg any) error { return sess.Member.Conn.Send(msg) }

// ICEServers are the STUN/TURN servers for this member, with fresh credentials.
func (sess *Session) ICEServers() []ICEServer {
	if sess.rooms.cfg.ICE == nil {
		return nil
	}
	return sess.rooms.cfg.ICE(sess.Member)
}

// Participant is the member's participant ID.
func (sess *Session) Participant() links.ParticipantID { return sess.Member.Participant }

type ack struct {
	Type  string `json:"type"` // "ack"
	ID    int    `json:"id"`
	Error string `json:"error,omitempty"`
}

type stateMessage struct {
	Type  string `json:"type"` // "state"
	State any    `json:"state"`
}

type presenceMessage struct {
	Type    string     `json:"type"` // "presence"
	Members []Presence `json:"members"`
}

// refused logs a refused message; a candidate trying interviewer actions is
// worth a warning.
func (sess *Session) refused(err error) {
	level := sess.rooms.cfg.Logger.Info
	if fault.Is(err, fault.Permission) {
		level = sess.rooms.cfg.Logger.Warn
	}
	level("room message refused", "interview", sess.Member.InterviewID, "role", sess.actor.Role,
		"email", sess.actor.Email, "err", err)
}

// ready: the candidate passed the device check, gave consent and waits.
func (s *Sessions) ready(ctx context.Context, sess *Session, msg Message) error {
	m := sess.Member
	if m.Role != RoleCandidate {
		return fault.Explain(fault.Permission, ErrForbidden, "only the candidate says ready")
	}
	if msg.Consent == nil {
		return fault.Explain(fault.Invalid, nil, "consent is required to join")
	}
	if texts := s.cfg.Consent; texts != nil && msg.Consent.TextsVersion != texts.Version {
		return fault.Explain(fault.Invalid, ErrConsentTexts,
			"The consent texts have changed since this page was loaded. Reload the page, read them again and join.")
	}
	e, err := s.append(ctx, sess, TypeConsented, msg.Consent)
	if err != nil {
		return err
	}
	became := s.hub.SetReady(m.InterviewID, m.ID)
	// Interviewers see the consent at once (a declined AI analysis or
	// recording is noted in their room), then the candidate waiting. A
	// ready that repeats itself changes nothing and tells nobody.
	if e.Seq != 0 {
		s.broadcastState(m.InterviewID)
	}
	if became || e.Seq != 0 {
		s.broadcastPresence(m.InterviewID)
	}
	return nil
}

// action: an interviewer moves the interview on (start, topics, questions,
// ratings, notes, lock, end).
func (s *Sessions) action(ctx context.Context, sess *Session, msg Message) error {
	if sess.Member.Role != RoleInterviewer {
		return forbid("%s", msg.Action)
	}
	if msg.Action.Workspace() {
		return fault.Explain(fault.Invalid, nil, fmt.Sprintf("%q is not an action", msg.Action))
	}
	var data any
	if len(msg.Data) > 0 {
		data = msg.Data
	}
	if _, err := s.append(ctx, sess, msg.Action, data); err != nil {
		return err
	}
	s.broadcastState(sess.Member.InterviewID)
	return nil
}

// append stores an event by the session's member, within the connection's
// rate limit, and tells the listeners. A zero Event means there was nothing
// new to store; that costs the connection nothing.
func (s *Sessions) append(ctx context.Context, sess *Session, t Type, data any) (Event, error) {
	now := s.cfg.Now()
	r := sess.changes.ReserveN(now, 1)
	if !r.OK() || r.DelayFrom(now) > 0 {
		r.CancelAt(now)
		return Event{}, fault.Explain(fault.Unavailable, ErrTooFast, fmt.Sprintf(
			"You are sending changes too fast (more than %d a second): this one was not saved. Wait a moment and try again.", int(ChangeRate)))
	}
	e, err := s.appendAs(ctx, sess.Member.InterviewID, sess.actor, t, data)
	if err == nil && e.Seq == 0 {
		r.CancelAt(now)
	}
	return e, err
}

// appendAs stores an event by actor in interview id's log and tells the
// listeners and the console.
func (s *Sessions) appendAs(ctx context.Context, id string, actor Actor, t Type, data any) (Event, error) {
	_, e, err := s.cfg.Log.Append(id, actor, t, data)
	if err != nil || e.Seq == 0 {
		return e, err
	}
	s.happened(ctx, id, e)
	return e, nil
}

// Append stores an event by the session's member, as a feature carries out a
// message; the listeners and the console hear of it as of any room event.
func (sess *Session) Append(ctx context.Context, t Type, data any) (Event, error) {
	return sess.rooms.append(ctx, sess, t, data)
}

// AppendAsHost stores an event the host itself writes in the session's
// interview (e.g. a finished code run).
func (sess *Session) AppendAsHost(ctx context.Context, t Type, data any) (Event, error) {
	return sess.rooms.appendAs(ctx, sess.Member.InterviewID, Actor{Role: RoleHost}, t, data)
}

// BroadcastState sends every member of the session's room its view of the
// current state.
func (sess *Session) BroadcastState() { sess.rooms.broadcastState(sess.Member.InterviewID) }

// Record stores an event the host itself writes in interview id's log (e.g.
// a preliminary assessment) and sends every member its view of the state.
func (s *Sessions) Record(ctx context.Context, id string, t Type, data any) error {
	if _, err := s.appendAs(ctx, id, Actor{Role: RoleHost}, t, data); err != nil {
		return err
	}
	s.broadcastState(id)
	return nil
}

// Actor is who the session's member acts as in the log.
func (sess *Session) Actor() Actor { return sess.actor }

// Peers are the members connected to the session's interview, the session's
// own member included.
func (sess *Session) Peers() []*Member { return sess.rooms.hub.Members(sess.Member.InterviewID) }

// Events is the session's interview log, in order.
func (sess *Session) Events() ([]Event, error) {
	return sess.rooms.cfg.Log.Events(sess.Member.InterviewID)
}

// happened tells the listeners and the console about a committed event.
// Quiet events (keystrokes, strokes) are not worth a console refresh.
func (s *Sessions) happened(ctx context.Context, id string, e Event) {
	if e.Type.Quiet() {
		return
	}
	if len(s.cfg.Listeners) > 0 {
		iv, err := s.cfg.Interviews.Get(id)
		if err != nil {
			s.cfg.Logger.Warn("room event listeners", "interview", id, "err", err)
		}
		for _, l := range s.cfg.Listeners {
			l(ctx, iv, e)
		}
	}
	s.cfg.Push.Publish(push.Event{Type: push.Timeline, InterviewID: id})
}

// logEvent stores a join or leave (outside the connection's rate limit: the
// joins have a budget of their own); a failure only loses a timeline entry.
func (s *Sessions) logEvent(ctx context.Context, sess *Session, t Type, data any) {
	if _, err := s.appendAs(ctx, sess.Member.InterviewID, sess.actor, t, data); err != nil && !errors.Is(err, ErrRejected) && !errors.Is(err, ErrLogFull) {
		s.cfg.Logger.Warn("log room event", "interview", sess.Member.InterviewID, "type", t, "err", err)
	}
}

// ViewFor is the one place that chooses what a member may see of st.
func ViewFor(st State, iv interviews.Interview, m *Member) any {
	if m.Role == RoleCandidate {
		return ForCandidate(st, iv)
	}
	return ForInterviewer(st, iv, m.Email)
}

func (s *Sessions) broadcastState(id string) {
	st, iv, err := s.cfg.Log.State(id)
	if err != nil {
		s.cfg.Logger.Error("room state", "interview", id, "err", err)
		return
	}
	for _, m := range s.hub.Members(id) {
		_ = m.Conn.Send(stateMessage{Type: "state", State: ViewFor(st, iv, m)})
	}
	s.publishPresence(id, st)
}

func (s *Sessions) broadcastPresence(id string) {
	msg := presenceMessage{Type: "presence", Members: s.hub.Presence(id)}
	for _, m := range s.hub.Members(id) {
		_ = m.Conn.Send(msg)
	}
	if st, _, err := s.cfg.Log.State(id); err == nil {
		s.publishPresence(id, st)
	}
}

func (s *Sessions) publishPresence(id string, st State) {
	s.cfg.Push.Publish(push.Event{Type: push.Presence, InterviewID: id, Data: s.presenceView(id, st)})
}

// PresenceView is who is in a room now and where the interview is.
type PresenceView struct {
	Phase   Phase      `json:"phase"`
	Locked  bool       `json:"locked"`
	Members []Presence `json:"members"`
}

func (s *Sessions) presenceView(id string, st State) PresenceView {
	return PresenceView{Phase: st.Phase, Locked: st.Locked, Members: s.hub.Presence(id)}
}

// Presence is who is in interview id's room now, for the console.
func (s *Sessions) Presence(id string) (PresenceView, error) {
	st, _, err := s.cfg.Log.State(id)
	if err != nil {
		return PresenceView{}, err
	}
	return s.presenceView(id, st), nil
}

// CloseAll closes every connection with reason, e.g. when the host stops.
func (s *Sessions) CloseAll(reason string) {
	for _, m := range s.hub.All() {
		m.Conn.Close(reason)
	}
}

// ErrNotLetIn and ErrNoConsent say why a candidate may not enter the
// interview (its call and its shared workspace) yet.
var (
	ErrNotLetIn  = fault.New(fault.Conflict, "the interviewer has not let you in yet")
	ErrNoConsent = fault.New(fault.Conflict, "Give your consent on this page before you join the interview.")
)

// MayEnter says whether the session's member may enter the interview, its call
// and its shared workspace: interviewers always; the candidate once let in
// (started, not ended, not locked) and once their consent is recorded, so a
// page that skips the consent step gets neither. The error is ErrNotLetIn or
// ErrNoConsent.
func (sess *Session) MayEnter() error {
	if sess.Member.Role != RoleCandidate {
		return nil
	}
	st, _, err := sess.State()
	if err != nil {
		return err
	}
	return sess.MayEnterAt(st)
}

// MayEnterAt is MayEnter for the interview's state as the caller just read it.
func (sess *Session) MayEnterAt(st State) error {
	switch {
	case sess.Member.Role != RoleCandidate:
		return nil
	case !st.CandidateAdmitted():
		return ErrNotLetIn
	case st.ConsentAt.IsZero():
		return ErrNoConsent
	}
	return nil
}
