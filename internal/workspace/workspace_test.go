package workspace

import (
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// conn keeps every message it was sent, as the JSON a browser would read.
type conn struct {
	mu   sync.Mutex
	sent []string
}

func (c *conn) Send(msg any) error {
	raw, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent = append(c.sent, string(raw))
	return nil
}

func (c *conn) Close(string) {}

// all is everything sent so far, one message per line.
func (c *conn) all() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.sent, "\n")
}

// last returns the last message of type typ decoded into v; false if none.
func (c *conn) last(typ string, v any) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := len(c.sent) - 1; i >= 0; i-- {
		var head struct{ Type string }
		_ = json.Unmarshal([]byte(c.sent[i]), &head)
		if head.Type == typ {
			return json.Unmarshal([]byte(c.sent[i]), v) == nil
		}
	}
	return false
}

// world is a host's room services over a real store file.
type world struct {
	t        testing.TB
	path     string
	db       *store.DB
	ivs      *interviews.Service
	cands    *candidates.Service
	sessions *room.Sessions
	feature  *Feature
	iv       interviews.Interview
	clock    time.Time
}

func (w *world) now() time.Time { w.clock = w.clock.Add(10 * time.Millisecond); return w.clock }

func newWorld(t testing.TB, tools interviews.Tools) *world {
	t.Helper()
	w := &world{t: t, path: filepath.Join(t.TempDir(), "data.db"), clock: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	w.open()
	ts := templates.New(w.db, w.now)
	tpl, err := ts.Create(templates.Content{Name: "Backend", Plan: []templates.Topic{{Title: "Experience"}},
		Questions: []templates.Question{{Text: "Reverse a list", Alternative: "Turn a list around", ExpectedAnswer: "Expected secret",
			StarterCode: "def reverse(xs):\n    pass\n", Language: "python"}}})
	if err != nil {
		t.Fatal(err)
	}
	iv, err := w.ivs.Create(interviews.NewInterview{TemplateID: tpl.ID, Position: "Backend", CandidateName: "Olivia",
		CandidateEmail: "olivia@example.com", When: "now"})
	if err != nil {
		t.Fatal(err)
	}
	if iv, err = w.ivs.AddInterviewer(iv.ID, interviews.Person{Name: "Ivan", Email: "ivan@example.com"}); err != nil {
		t.Fatal(err)
	}
	if iv, err = w.ivs.SetTools(iv.ID, tools); err != nil {
		t.Fatal(err)
	}
	w.iv = iv
	return w
}

// open opens the store and builds the room services on it (again after a
// restart).
func (w *world) open() {
	w.t.Helper()
	db, err := store.Open(w.path, store.Options{})
	if err != nil {
		w.t.Fatal(err)
	}
	w.db = db
	w.t.Cleanup(func() { _ = db.Close() })
	ts := templates.New(db, w.now)
	hub := room.NewHub()
	w.cands = candidates.New(db, w.now)
	revoke := room.Revoke(hub)
	w.ivs = interviews.New(db, ts, settings.New(db), w.now, func(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
		if err := w.cands.InterviewChanged(tx, before, after); err != nil {
			return err
		}
		return revoke(tx, before, after)
	})
	log := slog.New(slog.DiscardHandler)
	w.feature = New(Config{Logger: log, Now: w.now, Takehome: w.cands})
	w.t.Cleanup(func() { _ = w.feature.Close() })
	w.sessions, err = room.NewSessions(room.SessionsConfig{Log: room.New(db, w.ivs, log, w.now), Interviews: w.ivs,
		Hub: hub, Logger: log, Now: w.now, Features: []room.Feature{w.feature}})
	if err != nil {
		w.t.Fatal(err)
	}
}

// restart closes the store and opens it again with fresh services, as a
// host restart does.
func (w *world) restart() {
	w.t.Helper()
	_ = w.feature.Close()
	if err := w.db.Close(); err != nil {
		w.t.Fatal(err)
	}
	w.open()
}

type member struct {
	sess *room.Session
	conn *conn
}

func (w *world) join(token string) member {
	w.t.Helper()
	sess, err := w.sessions.Admit(token)
	if err != nil {
		w.t.Fatalf("admit: %v", err)
	}
	c := &conn{}
	if err := sess.Connect(context.Background(), c); err != nil {
		w.t.Fatal(err)
	}
	return member{sess: sess, conn: c}
}

// candidate joins as the candidate who has given their consent on the room
// page (the workspace is closed to a candidate without one).
func (w *world) candidate() member {
	w.t.Helper()
	m := w.join(w.iv.CandidateToken)
	m.must(w.t, `{"type":"ready","consent":{"personalData":true}}`)
	return m
}

// send hands the member's session a message and returns the ack's error
// text ("" when accepted).
func (m member) send(t testing.TB, msg string) string {
	t.Helper()
	var rm room.Message
	if err := json.Unmarshal([]byte(msg), &rm); err != nil {
		t.Fatalf("test message %s: %v", msg, err)
	}
	rm.Raw, rm.ID = json.RawMessage(msg), 99
	m.sess.Handle(context.Background(), rm)
	var a struct {
		ID    int    `json:"id"`
		Error string `json:"error"`
	}
	if !m.conn.last("ack", &a) || a.ID != 99 {
		t.Fatalf("no ack for %s", msg)
	}
	return a.Error
}

func (m member) must(t testing.TB, msg string) {
	t.Helper()
	if e := m.send(t, msg); e != "" {
		t.Fatalf("%s refused: %s", msg, e)
	}
}

func (m member) doc(t testing.TB, id string) (text string, version int) {
	t.Helper()
	var snap struct {
		Doc     string
		Version int
		Text    string
	}
	c := m.conn
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, raw := range c.sent {
		if strings.HasPrefix(raw, `{"type":"code"`) && json.Unmarshal([]byte(raw), &snap) == nil && snap.Doc == id {
			text, version = snap.Text, snap.Version
		}
	}
	return text, version
}
