package workspace

import (
	"context"
	"errors"
	"hash/fnv"
	"log/slog"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Config is what a Feature is built from.
type Config struct {
	// Remote runs languages no browser in the room can run; nil: none.
	Remote Remote
	// Takehome finds the take-home results interviews bring into their
	// rooms; nil: none.
	Takehome Takehome
	Logger   *slog.Logger
	Now      func() time.Time
	// RuntimeLoadLimit is how long a browser may take to load a language's
	// runtime (Python's is about 13 MB) before the run is given up; the run's
	// own time limit counts from the moment the code begins. Zero: 2 minutes.
	RuntimeLoadLimit time.Duration
	// ReportGrace is how long the host waits past a run's limit, or after a
	// stop, for the runner's own report before it ends the run itself. Zero:
	// 5 seconds.
	ReportGrace time.Duration
}

// Feature is the workspace as a room feature.
type Feature struct {
	cfg    Config
	spaces spaces
	wg     sync.WaitGroup // remote runs
}

var (
	_ room.Feature = (*Feature)(nil)
	_ room.Joiner  = (*Feature)(nil)
)

// New returns the workspace feature of a host.
func New(cfg Config) *Feature {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.RuntimeLoadLimit <= 0 {
		cfg.RuntimeLoadLimit = defaultRuntimeLoadLimit
	}
	if cfg.ReportGrace <= 0 {
		cfg.ReportGrace = defaultReportGrace
	}
	return &Feature{cfg: cfg, spaces: spaces{m: map[string]*space{}}}
}

// Handlers is the workspace's part of the room channel.
func (f *Feature) Handlers() map[string]room.Handler {
	return map[string]room.Handler{
		"code.push": f.codePush, "code.pull": f.codePull, "code.language": f.codeLanguage,
		"code.starter": f.codeStarter, "code.takehome": f.codeTakehome, "cursor": f.cursor,
		"board.push": f.boardPush, "pointer": f.pointer,
		"run": f.runStart, "run.stop": f.runStop, "runner": f.runner, "run.output": f.runOutput,
		"run.begun": f.runBegun, "run.done": f.runDone,
		"activity": f.activity,
	}
}

// with runs fn on the session's workspace, loaded and locked.
func (f *Feature) with(sess *room.Session, fn func(sp *space) error) error {
	sp := f.spaces.acquire(sess.Member.InterviewID)
	defer func() { f.spaces.release(sp, len(sess.Peers()) == 0) }()
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if err := sp.load(sess.Interview, sess.Events); err != nil {
		f.cfg.Logger.Error("load workspace", "interview", sess.Member.InterviewID, "err", err)
		return fault.Explain(fault.Unavailable, err, "the interview host could not load the workspace; reload the page")
	}
	return fn(sp)
}

// mayUse checks that the session's member may use document doc.
func mayUse(sess *room.Session, doc string) error {
	switch doc {
	case DocMain:
		if !sess.Interview.Tools.LiveCode {
			return fault.Explain(fault.Conflict, ErrToolOff, "Live Code is switched off for this interview")
		}
		return nil
	case DocPad:
		if sess.Member.Role == room.RoleInterviewer {
			return nil
		}
	}
	return fault.Explain(fault.NotFound, ErrNoDoc, "no such document in this room")
}

// admitted refuses a candidate who is not in the interview (waiting room,
// locked room, ended, no consent recorded).
func admitted(sess *room.Session) error {
	err := sess.MayEnter()
	if errors.Is(err, room.ErrNotLetIn) {
		return fault.Explain(fault.Conflict, err, "the workspace opens once the interviewer lets you in")
	}
	return err
}

// sees reports whether member m may receive anything of document doc.
func sees(m *room.Member, doc string) bool {
	return doc == DocMain || m.Role == room.RoleInterviewer
}

// broadcast sends msg to every member of the session's room who may see doc;
// except, when set, is left out.
func broadcast(sess *room.Session, doc string, msg any, except *room.Member) {
	for _, m := range sess.Peers() {
		if m != except && sees(m, doc) {
			_ = m.Conn.Send(msg)
		}
	}
}

// Joined sends a new connection the documents, the board and the last runs it
// may see.
func (f *Feature) Joined(_ context.Context, sess *room.Session) {
	_ = f.with(sess, func(sp *space) error {
		for _, id := range []string{DocMain, DocPad} {
			if mayUse(sess, id) != nil {
				continue
			}
			_ = sess.Send(snapshotMessage(sp.docs[id]))
			if r, ok := sp.lastRun[id]; ok {
				_ = sess.Send(runMessage{Type: "run", Run: runView(r, "")})
			}
		}
		for _, r := range sp.runs {
			if sees(sess.Member, r.data.Doc) {
				_ = sess.Send(runMessage{Type: "run", Run: runView(r.data, "running")})
			}
		}
		if sess.Interview.Tools.Whiteboard {
			_ = sess.Send(boardMessage{Type: "board", Elements: sp.board.Elements()})
		}
		return nil
	})
	f.sendTakehome(sess)
}

// Left tells the others that the member's cursor and pointer are gone, and
// ends a run its browser was carrying out.
func (f *Feature) Left(sess *room.Session) {
	_ = f.with(sess, func(sp *space) error {
		m := sess.Member
		for _, id := range []string{DocMain, DocPad} {
			broadcast(sess, id, goneCursor{Type: "cursor", Doc: id, From: m.ID, Gone: true}, m)
		}
		broadcast(sess, DocMain, gonePointer{Type: "pointer", From: m.ID, Gone: true}, m)
		delete(sp.runners, m.ID)
		for _, r := range sp.runs {
			if r.runnerConn == m.ID {
				f.finish(sess, sp, r, runEnd{Status: "crashed",
					Error: "The participant running the code left the room before it finished."})
			}
		}
		return nil
	})
}

// palette colours people in the editor and on the board; each keeps 3:1
// contrast on the light and the dark editor background.
var palette = []string{"#d9480f", "#1c7ed6", "#2f9e44", "#ae3ec9", "#e8590c", "#0c8599", "#e64980", "#9775fa"}

// colorOf is a participant's colour, the same on every connection.
func colorOf(m *room.Member) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(m.Participant))
	return palette[h.Sum32()%uint32(len(palette))]
}
