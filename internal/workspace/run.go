package workspace

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Running code: the host picks who runs it — an interviewer's browser when one
// can (a candidate could fake their own output), else the candidate's, else
// the remote runner — sends it the code from the host's own copy of the
// document, relays the output to everyone who sees the document, and stores
// the finished run in the log. The host never runs candidate code itself.

// Limits of a run.
const (
	DefaultRunTimeout = 10 * time.Second
	MaxRunTimeout     = 60 * time.Second
	MaxRunOutput      = 64 << 10
	MaxStdin          = 64 << 10

	defaultRuntimeLoadLimit = 2 * time.Minute // Config.RuntimeLoadLimit
	defaultReportGrace      = 5 * time.Second // Config.ReportGrace
)

// BrowserLanguages run in a sandboxed worker in a participant's browser.
var BrowserLanguages = []string{"javascript", "typescript", "python", "sql"}

var runStatuses = []string{"ok", "error", "timeout", "stopped", "memory", "crashed"}

// Remote runs code on a service outside the room (a Piston-compatible runner).
type Remote interface {
	// CanRun reports whether the runner offers language (one of collab.Languages).
	CanRun(ctx context.Context, language string) bool
	Run(ctx context.Context, req RemoteRequest) (RemoteResult, error)
}

// RemoteRequest is code for the remote runner.
type RemoteRequest struct {
	Language string
	Code     string
	Stdin    string
	Timeout  time.Duration
}

// RemoteResult is what the remote runner reported.
type RemoteResult struct {
	Status   string // one of the run statuses
	ExitCode int
	Stdout   string
	Stderr   string
	Error    string
}

// run is a run going on.
type run struct {
	data       room.RunData
	runnerConn string // the runner's connection; "" for the remote runner
	asker      *room.Session
	bytes      int
	timer      *time.Timer
	cancel     context.CancelFunc
	began      time.Time
	timeout    time.Duration
	stopping   bool // asked to stop: a late run.begun extends nothing
}

type runRequest struct {
	Doc       string `json:"doc"`
	Stdin     string `json:"stdin"`
	TimeoutMS int64  `json:"timeoutMs"`
}

type runRef struct {
	Run string `json:"run"`
}

type runnerRequest struct {
	Languages []string `json:"languages"`
}

type outputRequest struct {
	Run    string `json:"run"`
	Stream string `json:"stream"`
	Text   string `json:"text"`
}

type doneRequest struct {
	Run        string `json:"run"`
	Status     string `json:"status"`
	ExitCode   int    `json:"exitCode"`
	DurationMS int64  `json:"durationMs"`
	Error      string `json:"error"`
}

type startMessage struct {
	Type      string `json:"type"` // "run.start"
	Run       string `json:"run"`
	Doc       string `json:"doc"`
	Language  string `json:"language"`
	Code      string `json:"code"`
	Stdin     string `json:"stdin"`
	TimeoutMS int64  `json:"timeoutMs"`
}

type stopMessage struct {
	Type string `json:"type"` // "run.stop"
	Run  string `json:"run"`
}

type outputMessage struct {
	Type   string `json:"type"` // "run.output"
	Run    string `json:"run"`
	Stream string `json:"stream"`
	Text   string `json:"text"`
}

// RunView is a run as participants see it.
type RunView struct {
	room.RunData
	State string `json:"state"` // "running" or "done"
}

type runMessage struct {
	Type string  `json:"type"` // "run"
	Run  RunView `json:"run"`
}

func runView(d room.RunData, state string) RunView {
	if state == "" {
		state = "done"
	}
	if d.Output == nil {
		d.Output = []room.RunOutput{}
	}
	return RunView{RunData: d, State: state}
}

func newRunID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// runner records which languages a connection's browser can run.
func (f *Feature) runner(_ context.Context, sess *room.Session, msg room.Message) error {
	var req runnerRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	can := map[string]bool{}
	for _, l := range req.Languages {
		if slices.Contains(BrowserLanguages, l) {
			can[l] = true
		}
	}
	return f.with(sess, func(sp *space) error {
		sp.runners[sess.Member.ID] = can
		return nil
	})
}

// runStart begins a run of a document's code.
func (f *Feature) runStart(ctx context.Context, sess *room.Session, msg room.Message) error {
	var req runRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if err := mayUse(sess, req.Doc); err != nil {
		return err
	}
	if err := admitted(sess); err != nil {
		return err
	}
	timeout, err := runTimeout(req)
	if err != nil {
		return err
	}
	return f.with(sess, func(sp *space) error {
		for _, r := range sp.runs {
			if r.data.Doc == req.Doc {
				return fault.Explain(fault.Conflict, nil, "the code is already running; stop it or wait for it to finish")
			}
		}
		snap := sp.docs[req.Doc].Snapshot()
		code, version, language := snap.Text.String(), snap.Version, snap.Language
		if language == "plaintext" {
			return fault.Explain(fault.Conflict, ErrCannotRun, "plain text does not run: pick the code's language first")
		}
		if code == "" {
			return fault.Explain(fault.Conflict, ErrCannotRun, "the editor is empty: there is no code to run")
		}
		r := &run{asker: sess, began: f.cfg.Now(), timeout: timeout, data: room.RunData{ID: newRunID(), Doc: req.Doc,
			Language: language, Version: version, By: sess.Actor(), StartedAt: f.cfg.Now().UTC()}}
		runnerConn, kind := pickRunner(sess, sp, req.Doc, language)
		switch {
		case runnerConn != nil:
			r.runnerConn, r.data.Runner = runnerConn.ID, kind
			_ = runnerConn.Conn.Send(startMessage{Type: "run.start", Run: r.data.ID, Doc: req.Doc,
				Language: language, Code: code, Stdin: req.Stdin, TimeoutMS: timeout.Milliseconds()})
			// The runner's browser may still have to load the language's
			// runtime; the run's own limit starts with run.begun.
			r.timer = time.AfterFunc(f.cfg.RuntimeLoadLimit, func() { f.expire(r) })
		case f.cfg.Remote != nil && f.cfg.Remote.CanRun(ctx, language):
			r.data.Runner = "remote"
			f.runRemote(r, RemoteRequest{Language: language, Code: code, Stdin: req.Stdin, Timeout: timeout})
		default:
			return cannotRun(sess, language)
		}
		sp.runs[r.data.ID] = r
		broadcast(sess, req.Doc, runMessage{Type: "run", Run: runView(r.data, "running")}, nil)
		return nil
	})
}

func runTimeout(req runRequest) (time.Duration, error) {
	if len(req.Stdin) > MaxStdin || !utf8.ValidString(req.Stdin) {
		return 0, fault.Explain(fault.Invalid, nil, fmt.Sprintf("the program's input is text of at most %d KiB", MaxStdin>>10))
	}
	if req.TimeoutMS == 0 {
		return DefaultRunTimeout, nil
	}
	t := time.Duration(req.TimeoutMS) * time.Millisecond
	if t < time.Second || t > MaxRunTimeout {
		return 0, fault.Explain(fault.Invalid, nil, fmt.Sprintf("a run's time limit is 1 to %d seconds", int(MaxRunTimeout.Seconds())))
	}
	return t, nil
}

// pickRunner chooses the browser that runs language: the asker when an
// interviewer, another interviewer, or (for the shared document) the
// candidate.
func pickRunner(sess *room.Session, sp *space, doc, language string) (*room.Member, string) {
	peers := sess.Peers()
	can := func(m *room.Member) bool { return sp.runners[m.ID][language] }
	if sess.Member.Role == room.RoleInterviewer && can(sess.Member) {
		return sess.Member, "interviewer"
	}
	for _, m := range peers {
		if m.Role == room.RoleInterviewer && can(m) {
			return m, "interviewer"
		}
	}
	if doc == DocMain {
		for _, m := range peers {
			if m.Role == room.RoleCandidate && can(m) {
				return m, "candidate"
			}
		}
	}
	return nil, ""
}

func cannotRun(sess *room.Session, language string) error {
	if slices.Contains(BrowserLanguages, language) {
		return fault.Explain(fault.Conflict, ErrCannotRun,
			"no browser in the room can run code right now; reload the page and try again")
	}
	if sess.Member.Role == room.RoleInterviewer {
		return fault.Explain(fault.Conflict, ErrCannotRun, fmt.Sprintf(
			"%s runs only on a code runner: configure one in Settings → Code runner (JavaScript, TypeScript, Python and SQL run in the browser)", languageLabel(language)))
	}
	return fault.Explain(fault.Conflict, ErrCannotRun, fmt.Sprintf("%s code cannot run in this room", languageLabel(language)))
}

func languageLabel(l string) string {
	labels := map[string]string{"go": "Go", "java": "Java", "cpp": "C++", "python": "Python",
		"javascript": "JavaScript", "typescript": "TypeScript", "sql": "SQL", "plaintext": "Plain text"}
	if s, ok := labels[l]; ok {
		return s
	}
	return l
}

// runOutput relays output from the runner's browser.
func (f *Feature) runOutput(_ context.Context, sess *room.Session, msg room.Message) error {
	var req outputRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if req.Stream != "stdout" && req.Stream != "stderr" {
		return fault.Explain(fault.Invalid, nil, "output goes to stdout or stderr")
	}
	return f.withRunnersRun(sess, req.Run, func(_ *space, r *run) error {
		f.addOutput(sess, r, req.Stream, req.Text)
		return nil
	})
}

// addOutput keeps and relays output up to the cap; past it the run is
// stopped and marked truncated.
func (f *Feature) addOutput(sess *room.Session, r *run, stream, text string) {
	left := MaxRunOutput - r.bytes
	if left <= 0 {
		return
	}
	if len(text) > left {
		text = truncateUTF8(text, left)
		r.data.Truncated = true
		f.stop(r)
	}
	r.bytes += len(text)
	if n := len(r.data.Output); n > 0 && r.data.Output[n-1].Stream == stream {
		r.data.Output[n-1].Text += text
	} else {
		r.data.Output = append(r.data.Output, room.RunOutput{Stream: stream, Text: text})
	}
	broadcast(sess, r.data.Doc, outputMessage{Type: "run.output", Run: r.data.ID, Stream: stream, Text: text}, nil)
}

// truncateUTF8 cuts s to at most n bytes, at a character boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// runBegun hears from the runner's browser that the language's runtime is
// loaded and the code began: from now on the run's own time limit counts.
func (f *Feature) runBegun(_ context.Context, sess *room.Session, msg room.Message) error {
	var req runRef
	if err := msg.Decode(&req); err != nil {
		return err
	}
	return f.withRunnersRun(sess, req.Run, func(_ *space, r *run) error {
		if r.data.BegunAt != nil || r.stopping {
			return nil
		}
		now := f.cfg.Now().UTC()
		r.data.BegunAt = &now
		r.timer.Reset(r.timeout + f.cfg.ReportGrace)
		broadcast(sess, r.data.Doc, runMessage{Type: "run", Run: runView(r.data, "running")}, nil)
		return nil
	})
}

// runDone ends a run with the runner's own report.
func (f *Feature) runDone(_ context.Context, sess *room.Session, msg room.Message) error {
	var req doneRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if !slices.Contains(runStatuses, req.Status) {
		return fault.Explain(fault.Invalid, nil, fmt.Sprintf("unknown run status %q", req.Status))
	}
	return f.withRunnersRun(sess, req.Run, func(sp *space, r *run) error {
		f.finish(sess, sp, r, runEnd{Status: req.Status, ExitCode: req.ExitCode, DurationMS: req.DurationMS,
			Error: req.Error})
		return nil
	})
}

// withRunnersRun runs fn under the space's lock on the run id, when sess is
// the connection the run was handed to: only the runner reports on a run.
func (f *Feature) withRunnersRun(sess *room.Session, id string, fn func(sp *space, r *run) error) error {
	return f.with(sess, func(sp *space) error {
		r, ok := sp.runs[id]
		if !ok || r.runnerConn != sess.Member.ID {
			return ErrNoRun
		}
		return fn(sp, r)
	})
}

// runStop stops a run at anyone's request.
func (f *Feature) runStop(_ context.Context, sess *room.Session, msg room.Message) error {
	var req runRef
	if err := msg.Decode(&req); err != nil {
		return err
	}
	return f.with(sess, func(sp *space) error {
		r, ok := sp.runs[req.Run]
		if !ok || !sees(sess.Member, r.data.Doc) {
			return ErrNoRun
		}
		f.stop(r)
		return nil
	})
}

// stop asks the runner to stop r; if it does not report in time, the host
// ends the run itself.
func (f *Feature) stop(r *run) {
	if r.cancel != nil {
		r.cancel()
		return
	}
	for _, m := range r.asker.Peers() {
		if m.ID == r.runnerConn {
			_ = m.Conn.Send(stopMessage{Type: "run.stop", Run: r.data.ID})
		}
	}
	r.stopping = true
	if r.timer != nil {
		r.timer.Reset(f.cfg.ReportGrace)
	}
}

// expire ends a run whose runner never reported back.
func (f *Feature) expire(r *run) {
	_ = f.with(r.asker, func(sp *space) error {
		if sp.runs[r.data.ID] == r {
			f.finish(r.asker, sp, r, runEnd{Status: "timeout", Error: f.expiredError(r)})
		}
		return nil
	})
}

// expiredError says why the host ended a run whose runner went quiet.
func (f *Feature) expiredError(r *run) string {
	if r.data.BegunAt == nil && !r.stopping {
		return fmt.Sprintf("The browser chosen to run the code could not start %s within %s; press Run again.",
			languageLabel(r.data.Language), humanDuration(f.cfg.RuntimeLoadLimit))
	}
	return "The browser running the code did not report back in time."
}

func humanDuration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		if d == time.Minute {
			return "a minute"
		}
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return d.String()
}

type runEnd struct {
	Status     string
	ExitCode   int
	DurationMS int64
	Error      string
}

// finish ends r: it is stored in the log and everyone who sees the document
// hears the result. sp.mu is held.
func (f *Feature) finish(sess *room.Session, sp *space, r *run, end runEnd) {
	delete(sp.runs, r.data.ID)
	if r.timer != nil {
		r.timer.Stop()
	}
	d := r.data
	d.Status, d.ExitCode, d.Error = end.Status, end.ExitCode, truncateUTF8(end.Error, 2000)
	d.DurationMS = end.DurationMS
	if d.DurationMS <= 0 || d.DurationMS > f.cfg.Now().Sub(r.began).Milliseconds()+1000 {
		d.DurationMS = f.cfg.Now().Sub(r.began).Milliseconds()
	}
	if d.Output == nil {
		d.Output = []room.RunOutput{}
	}
	sp.lastRun[d.Doc] = d
	if _, err := sess.AppendAsHost(context.Background(), room.TypeCodeRun, d); err != nil {
		f.cfg.Logger.Info("store code run", "interview", sess.Member.InterviewID, "err", err)
	}
	broadcast(sess, d.Doc, runMessage{Type: "run", Run: runView(d, "done")}, nil)
}
