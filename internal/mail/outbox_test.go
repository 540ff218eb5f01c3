package mail

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/interviewdesk/interviewdesk/internal/calendar"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/testmain"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func openStore(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(path, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// newOutbox returns an outbox with test-sized delays; start runs its worker
// until the test ends.
func newOutbox(t *testing.T, db *store.DB, sender Sender, start bool, tune ...func(*Config)) *Outbox {
	t.Helper()
	cfg := Config{Sender: sender, RetryAfter: 20 * time.Millisecond, MaxRetryDelay: 100 * time.Millisecond, SendTimeout: 5 * time.Second}
	for _, f := range tune {
		f(&cfg)
	}
	ob, err := NewOutbox(db, cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if start {
		if err := ob.Start(context.Background()); err != nil {
			t.Fatalf("Start: %v", err)
		}
		t.Cleanup(func() { _ = ob.Close() })
	}
	return ob
}

func tempStore(t *testing.T) *store.DB {
	t.Helper()
	return openStore(t, filepath.Join(t.TempDir(), "data.db"))
}

func enqueue(t *testing.T, ob *Outbox, msg Message, ref string) Entry {
	t.Helper()
	e, err := ob.Enqueue(msg, ref)
	if err != nil {
		t.Fatalf("Enqueue: %v", err)
	}
	return e
}

// waitEntry waits until entry id satisfies cond and returns it.
func waitEntry(t *testing.T, ob *Outbox, id uint64, what string, cond func(Entry) bool) Entry {
	t.Helper()
	var e Entry
	waitFor(t, fmt.Sprintf("mail %d to be %s", id, what), func() bool {
		var err error
		e, err = ob.Get(id)
		if err != nil {
			t.Fatalf("Get(%d): %v", id, err)
		}
		return cond(e)
	})
	return e
}

// waitSettled waits until ob has nothing left to do: no entry is queued or
// being sent, and its worker is parked in run's select (its timer stopped, as
// nothing is queued). From then on nothing reaches the server unless the test
// enqueues or resends, so what the server holds now is final.
func waitSettled(t *testing.T, ob *Outbox) {
	t.Helper()
	waitFor(t, "the outbox worker to settle", func() bool {
		all, err := ob.List("")
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		for _, e := range all {
			if e.State == Queued || e.State == Sending {
				return false
			}
		}
		return workerParked()
	})
}

// workerParked reports whether the process has one outbox worker and it is
// blocked in run's own select (not in a send, a store call or a lock).
func workerParked() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	workers, parked := 0, false
	for _, g := range strings.Split(string(buf), "\n\n") {
		if !strings.Contains(g, "mail.(*Outbox).run(") {
			continue
		}
		workers++
		header, frames, _ := strings.Cut(g, "\n")
		for _, line := range strings.Split(frames, "\n") {
			if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "runtime.") {
				continue // a file:line, or the scheduler's own frames
			}
			parked = strings.Contains(header, "[select") && strings.Contains(line, "mail.(*Outbox).run(")
			break
		}
	}
	return workers == 1 && parked
}

func isState(s State) func(Entry) bool { return func(e Entry) bool { return e.State == s } }

func note(subject string) Message {
	return Message{To: candidate, Subject: subject, Text: "Hello"}
}

func messageID(t *testing.T, data []byte) string {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return m.Header.Get("Message-Id")
}

func TestOutboxDeliversAndLists(t *testing.T) {
	srv := newSMTPServer(t)
	var (
		mu     sync.Mutex
		events = map[uint64][]State{}
	)
	ob := newOutbox(t, tempStore(t), newTestSMTP(t, testSettings(srv), SMTPOptions{}), true, func(c *Config) {
		c.OnChange = func(e Entry) {
			mu.Lock()
			defer mu.Unlock()
			events[e.ID] = append(events[e.ID], e.State)
		}
	})
	a := enqueue(t, ob, invitation(t, candidate, candidateLink, calendar.Request, 0), "iv-1")
	b := enqueue(t, ob, invitation(t, interviewer, interviewerLink, calendar.Request, 0), "iv-1")
	c := enqueue(t, ob, note("Other interview"), "iv-2")
	if a.State != Queued || a.Ref != "iv-1" || a.Method != "REQUEST" || a.To != candidate || a.MessageID == "" || a.CreatedAt.IsZero() {
		t.Errorf("enqueued entry = %+v", a)
	}
	for _, e := range []Entry{a, b, c} {
		waitEntry(t, ob, e.ID, "sent", isState(Sent))
	}

	got := srv.waitMessages(3)
	if len(got) != 3 {
		t.Fatalf("server got %d messages, want 3", len(got))
	}
	list, err := ob.List("iv-1")
	if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
		t.Fatalf("List(iv-1) = %+v (%v), want entries %d and %d", list, err, a.ID, b.ID)
	}
	for i, e := range list {
		if e.State != Sent || e.Attempts != 1 || e.SentAt.IsZero() || e.LastError != "" || !e.NextAttempt.IsZero() {
			t.Errorf("entry %d = %+v, want sent after one attempt", e.ID, e)
		}
		if want := "<" + e.MessageID + "@example.com>"; messageID(t, got[i].Data) != want {
			t.Errorf("Message-ID on the wire = %q, want %q", messageID(t, got[i].Data), want)
		}
	}
	if all, _ := ob.List(""); len(all) != 3 {
		t.Errorf("List(\"\") has %d entries, want 3", len(all))
	}
	if _, err := ob.Get(999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(999) = %v, want ErrNotFound", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if got := fmt.Sprint(events[a.ID]); got != "[queued sending sent]" {
		t.Errorf("OnChange saw %s for entry %d, want [queued sending sent]", got, a.ID)
	}
}

// TestOutboxWakesOnEnqueue: with nothing queued the worker has no timer set, so
// only Enqueue's wake-up can deliver promptly.
func TestOutboxWakesOnEnqueue(t *testing.T) {
	srv := newSMTPServer(t)
	ob := newOutbox(t, tempStore(t), newTestSMTP(t, testSettings(srv), SMTPOptions{}), true, func(c *Config) {
		c.RetryAfter, c.MaxRetryDelay = time.Hour, time.Hour
	})
	waitSettled(t, ob) // the worker is idle, with no timer set
	start := time.Now()
	e := enqueue(t, ob, note("Wake up"), "iv-1")
	waitEntry(t, ob, e.ID, "sent", isState(Sent))
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("delivery took %v after Enqueue", d)
	}
}

func TestOutboxServerDownThenUp(t *testing.T) {
	srv := newSMTPServer(t)
	srv.stop()
	ob := newOutbox(t, tempStore(t), newTestSMTP(t, testSettings(srv), SMTPOptions{}), true)
	e := enqueue(t, ob, invitation(t, candidate, candidateLink, calendar.Request, 0), "iv-1")
	down := waitEntry(t, ob, e.ID, "retried", func(e Entry) bool { return e.Attempts >= 2 && e.State == Queued })
	if down.State == Failed || !strings.Contains(down.LastError, "connection refused") {
		t.Errorf("while the server is down: %+v, want queued with a connection refused error", down)
	}
	srv.start()
	sent := waitEntry(t, ob, e.ID, "sent", isState(Sent))
	waitSettled(t, ob) // a wrong second delivery would have happened by now
	if n := len(srv.messages()); n != 1 {
		t.Errorf("server got %d copies, want exactly 1", n)
	}
	if sent.LastError != "" || sent.Attempts < 2 {
		t.Errorf("sent entry = %+v", sent)
	}
}

func TestOutboxTransientReplyThenDelivered(t *testing.T) {
	srv := newSMTPServer(t)
	busy := &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"}
	srv.failNextData(busy, busy)
	var lastErrors []string
	var mu sync.Mutex
	ob := newOutbox(t, tempStore(t), newTestSMTP(t, testSettings(srv), SMTPOptions{}), true, func(c *Config) {
		c.OnChange = func(e Entry) {
			mu.Lock()
			defer mu.Unlock()
			if e.LastError != "" {
				lastErrors = append(lastErrors, e.LastError)
			}
		}
	})
	e := enqueue(t, ob, invitation(t, candidate, candidateLink, calendar.Request, 0), "iv-1")
	sent := waitEntry(t, ob, e.ID, "sent", isState(Sent))
	waitSettled(t, ob)
	if n := len(srv.messages()); n != 1 {
		t.Errorf("server accepted %d copies, want exactly 1", n)
	}
	if sent.Attempts != 3 {
		t.Errorf("attempts = %d, want 3 (451, 451, 250)", sent.Attempts)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(lastErrors) == 0 || lastErrors[0] != "end of DATA: 451 4.3.0 Try again later" {
		t.Errorf("errors seen = %q, want the server's 451 reply", lastErrors)
	}
}

func TestOutboxPermanentFailureThenResend(t *testing.T) {
	srv := newSMTPServer(t)
	srv.failRcpt(&smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1},
		Message: "<zoe@example.org>: Recipient address rejected: User unknown"})
	ob := newOutbox(t, tempStore(t), newTestSMTP(t, testSettings(srv), SMTPOptions{}), true)
	e := enqueue(t, ob, invitation(t, candidate, candidateLink, calendar.Request, 0), "iv-1")
	failed := waitEntry(t, ob, e.ID, "failed", isState(Failed))
	if want := "RCPT TO: 550 5.1.1 <zoe@example.org>: Recipient address rejected: User unknown"; failed.LastError != want {
		t.Errorf("LastError = %q, want the server's exact reason %q", failed.LastError, want)
	}
	waitSettled(t, ob) // a retry, if one were coming, would be queued now
	if again, _ := ob.Get(e.ID); again.Attempts != 1 || again.State != Failed {
		t.Errorf("after a 5xx: %+v, want no retry", again)
	}

	srv.failRcpt(nil)
	re, err := ob.Resend(e.ID)
	if err != nil || re.State != Queued || re.MessageID == failed.MessageID || re.LastError != "" {
		t.Fatalf("Resend = %+v (%v), want queued with a new Message-ID", re, err)
	}
	waitEntry(t, ob, e.ID, "sent", isState(Sent))
	if got := srv.waitMessages(1); messageID(t, got[0].Data) != "<"+re.MessageID+"@example.com>" {
		t.Errorf("resent Message-ID = %s, want the new one", messageID(t, got[0].Data))
	}

	// Resending a sent message is a deliberate copy with yet another ID.
	re2, err := ob.Resend(e.ID)
	if err != nil || re2.MessageID == re.MessageID {
		t.Fatalf("Resend of a sent mail = %+v (%v)", re2, err)
	}
	waitEntry(t, ob, e.ID, "sent again", func(e Entry) bool { return e.State == Sent && e.MessageID == re2.MessageID })
	if got := srv.waitMessages(2); messageID(t, got[1].Data) == messageID(t, got[0].Data) {
		t.Error("a deliberate resend reused the Message-ID")
	}
	if _, err := ob.Resend(12345); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resend(unknown) = %v, want ErrNotFound", err)
	}
}

func TestOutboxGivesUpAfterMaxAttempts(t *testing.T) {
	srv := newSMTPServer(t)
	srv.stop()
	ob := newOutbox(t, tempStore(t), newTestSMTP(t, testSettings(srv), SMTPOptions{}), true, func(c *Config) { c.MaxAttempts = 3 })
	e := enqueue(t, ob, note("Never"), "iv-1")
	failed := waitEntry(t, ob, e.ID, "failed", isState(Failed))
	if failed.Attempts != 3 || !strings.HasPrefix(failed.LastError, "gave up after 3 attempts: ") ||
		!strings.Contains(failed.LastError, "connection refused") {
		t.Errorf("entry = %+v, want failed after 3 attempts with the last error", failed)
	}
}

func TestOutboxResendConflictsWhileQueued(t *testing.T) {
	ob := newOutbox(t, tempStore(t), SenderFunc(func(context.Context, Message) error { return nil }), false)
	e := enqueue(t, ob, note("Queued"), "iv-1")
	if _, err := ob.Resend(e.ID); !errors.Is(err, ErrConflict) {
		t.Errorf("Resend of a queued mail = %v, want ErrConflict", err)
	}
}

func TestOutboxRetryNow(t *testing.T) {
	srv := newSMTPServer(t)
	srv.stop()
	ob := newOutbox(t, tempStore(t), newTestSMTP(t, testSettings(srv), SMTPOptions{}), true, func(c *Config) {
		c.RetryAfter, c.MaxRetryDelay = time.Hour, time.Hour
	})
	e := enqueue(t, ob, note("Settings fixed"), "iv-1")
	waitEntry(t, ob, e.ID, "tried once", func(e Entry) bool { return e.Attempts == 1 && e.State == Queued })
	srv.start()
	if err := ob.RetryNow(); err != nil {
		t.Fatal(err)
	}
	waitEntry(t, ob, e.ID, "sent without waiting an hour", isState(Sent))
}

// TestOutboxNotConfigured: without settings mail waits in the queue (it is not
// lost), then goes out once a sender works.
func TestOutboxNotConfigured(t *testing.T) {
	srv := newSMTPServer(t)
	var (
		mu       sync.Mutex
		settings Settings
	)
	sender := SenderFunc(func(ctx context.Context, m Message) error {
		mu.Lock()
		s := settings
		mu.Unlock()
		c, err := NewSMTP(s, SMTPOptions{Timeout: 5 * time.Second}, nil)
		if err != nil {
			return err
		}
		return c.Send(ctx, m)
	})
	ob := newOutbox(t, tempStore(t), sender, true)
	e := enqueue(t, ob, note("Later"), "iv-1")
	waiting := waitEntry(t, ob, e.ID, "retried", func(e Entry) bool { return e.Attempts >= 2 && e.State == Queued })
	if waiting.State != Queued || waiting.LastError != ErrNotConfigured.Error() {
		t.Errorf("without settings: %+v, want queued with %q", waiting, ErrNotConfigured)
	}
	mu.Lock()
	settings = testSettings(srv)
	mu.Unlock()
	waitEntry(t, ob, e.ID, "sent", isState(Sent))
}

func TestOutboxRejectsBadInput(t *testing.T) {
	ob := newOutbox(t, tempStore(t), SenderFunc(func(context.Context, Message) error { return nil }), false)
	tests := []struct {
		name  string
		msg   Message
		field string
	}{
		{"invalid address", Message{To: Address{Email: "zoe@"}, Subject: "S", Text: "T"}, "to.email"},
		{"newline in the name", Message{To: Address{Name: "Zoë\r\nBcc: eve@example.com", Email: "zoe@example.org"}, Subject: "S", Text: "T"}, "to.name"},
		{"newline in the subject", Message{To: candidate, Subject: "S\nBcc: eve@example.com", Text: "T"}, "subject"},
		{"10,000-character name", Message{To: Address{Name: strings.Repeat("Zoë", 3334), Email: "zoe@example.org"}, Subject: "S", Text: "T"}, "to.name"},
	}
	for _, tc := range tests {
		_, err := ob.Enqueue(tc.msg, "iv-1")
		var fe validation.Errors
		if !errors.As(err, &fe) || fe[tc.field] == "" {
			t.Errorf("%s: Enqueue = %v, want an error for %q", tc.name, err, tc.field)
		}
	}
	if list, _ := ob.List(""); len(list) != 0 {
		t.Errorf("invalid messages were stored: %+v", list)
	}
}

// TestOutboxEnqueueTxCommitsWithTheCaller: the mail is queued if and only if
// the caller's transaction commits.
func TestOutboxEnqueueTxCommitsWithTheCaller(t *testing.T) {
	srv := newSMTPServer(t)
	db := tempStore(t)
	ob := newOutbox(t, db, newTestSMTP(t, testSettings(srv), SMTPOptions{}), true)
	errRollback := errors.New("interview not saved")
	err := db.Update(func(tx *store.Tx) error {
		if _, err := ob.EnqueueTx(tx, note("Rolled back"), "iv-1"); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatal(err)
	}
	var id uint64
	err = db.Update(func(tx *store.Tx) error {
		e, err := ob.EnqueueTx(tx, note("Committed"), "iv-1")
		id = e.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ob.Wake()
	waitEntry(t, ob, id, "sent", isState(Sent))
	if list, _ := ob.List("iv-1"); len(list) != 1 || list[0].Subject != "Committed" {
		t.Errorf("outbox = %+v, want only the committed mail", list)
	}
}

func TestOutboxStartClose(t *testing.T) {
	ob := newOutbox(t, tempStore(t), SenderFunc(func(context.Context, Message) error { return nil }), false)
	if err := ob.Close(); err != nil {
		t.Errorf("Close before Start: %v", err)
	}
	if err := ob.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := ob.Start(context.Background()); !errors.Is(err, ErrStarted) {
		t.Errorf("second Start = %v, want ErrStarted", err)
	}
	if err := ob.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := ob.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	// Cancelling Start's context leaves the worker to Close, which returns.
	ctx, cancel := context.WithCancel(context.Background())
	ob2 := newOutbox(t, tempStore(t), SenderFunc(func(context.Context, Message) error { return nil }), false)
	if err := ob2.Start(ctx); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := ob2.Close(); err != nil {
		t.Errorf("Close after the context ended: %v", err)
	}
}

// Crash tests: a child process (this test binary, re-executed) runs an outbox
// and is killed with SIGKILL; the parent then opens the same bbolt file.

const (
	crashEnvMode = "MAIL_CRASH_CHILD"
	crashEnvDB   = "MAIL_CRASH_DB"
	crashEnvPort = "MAIL_CRASH_PORT"
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(crashEnvMode); mode != "" {
		os.Exit(crashChild(mode, os.Getenv(crashEnvDB), os.Getenv(crashEnvPort)))
	}
	// Every outbox worker and test server must be gone when the tests end.
	testmain.Run(m, 2*time.Minute)
}

// crashChild enqueues mail, says "ready" and waits to be killed. In mode
// "queued" the server is down: it waits until every message failed one attempt.
// In mode "sending" the server holds its reply to DATA.
func crashChild(mode, path, port string) int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		return 1
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		return fail(err)
	}
	p, _ := strconv.Atoi(port)
	sender, err := NewSMTP(Settings{Host: "127.0.0.1", Port: p, Security: NoTLS, FromAddress: "recruiting@example.com"},
		SMTPOptions{Timeout: time.Minute}, nil)
	if err != nil {
		return fail(err)
	}
	changed := make(chan struct{}, 1)
	ob, err := NewOutbox(db, Config{Sender: sender, RetryAfter: time.Hour, OnChange: func(Entry) {
		select {
		case changed <- struct{}{}:
		default:
		}
	}}, nil)
	if err != nil {
		return fail(err)
	}
	if err := ob.Start(context.Background()); err != nil {
		return fail(err)
	}
	n := 1
	if mode == "queued" {
		n = 3
	}
	for i := 0; i < n; i++ {
		msg := Message{To: Address{Email: fmt.Sprintf("c%d@example.org", i)}, Subject: fmt.Sprintf("crash %d", i), Text: "t"}
		if _, err := ob.Enqueue(msg, "iv-crash"); err != nil {
			return fail(err)
		}
	}
	for mode == "queued" {
		list, err := ob.List("")
		if err != nil {
			return fail(err)
		}
		tried := 0
		for _, e := range list {
			if e.State == Queued && e.Attempts == 1 {
				tried++
			}
		}
		if tried == n {
			break
		}
		<-changed
	}
	fmt.Println("ready")
	time.Sleep(time.Hour) // not a wait for anything: the parent kills this process
	return 0
}

// killChild runs crashChild in mode, waits for "ready" (and for afterReady),
// then kills it with SIGKILL.
func killChild(t *testing.T, mode, path string, port int, afterReady func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnvMode+"="+mode, crashEnvDB+"="+path, crashEnvPort+"="+strconv.Itoa(port))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
		close(lines)
	}()
	select {
	case l := <-lines:
		if l != "ready" {
			t.Fatalf("child said %q; stderr: %s", l, stderr.String())
		}
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("child not ready; stderr: %s", stderr.String())
	}
	afterReady()
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
}

func TestCrashWithQueuedMailDeliversAfterRestart(t *testing.T) {
	srv := newSMTPServer(t)
	srv.stop()
	path := filepath.Join(t.TempDir(), "crash.db")
	killChild(t, "queued", path, srv.port(), func() {})

	db := openStore(t, path)
	srv.start()
	ob := newOutbox(t, db, newTestSMTP(t, testSettings(srv), SMTPOptions{}), false)
	before, err := ob.List("iv-crash")
	if err != nil || len(before) != 3 {
		t.Fatalf("after SIGKILL the outbox holds %+v (%v), want 3 queued mails", before, err)
	}
	for _, e := range before {
		if e.State != Queued || e.NextAttempt.Before(time.Now().Add(30*time.Minute)) {
			t.Errorf("entry %d = %s due %v, want queued with the child's 1 h backoff", e.ID, e.State, e.NextAttempt)
		}
	}
	if err := ob.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ob.Close() })
	for _, e := range before {
		waitEntry(t, ob, e.ID, "sent after the restart", isState(Sent))
	}
	waitSettled(t, ob)
	got := srv.messages()
	seen := map[string]int{}
	for _, m := range got {
		seen[m.To[0]]++
	}
	if len(got) != 3 || seen["c0@example.org"] != 1 || seen["c1@example.org"] != 1 || seen["c2@example.org"] != 1 {
		t.Errorf("server got %d messages %v, want each of the 3 exactly once", len(got), seen)
	}
}

// TestCrashWhileSendingResendsWithSameMessageID covers the ambiguous case: the
// server stored the message but the process died before hearing "250". After
// the restart the entry is found in "sending" and sent again with the same
// Message-ID, so the duplicate is recognisable.
func TestCrashWhileSendingResendsWithSameMessageID(t *testing.T) {
	srv := newSMTPServer(t)
	holding := srv.holdReplies()
	path := filepath.Join(t.TempDir(), "crash.db")
	killChild(t, "sending", path, srv.port(), func() {
		select {
		case <-holding:
		case <-time.After(60 * time.Second):
			t.Fatal("the child never reached DATA")
		}
	})
	srv.release()

	db := openStore(t, path)
	ob := newOutbox(t, db, newTestSMTP(t, testSettings(srv), SMTPOptions{}), false)
	before, err := ob.List("iv-crash")
	if err != nil || len(before) != 1 || before[0].State != Sending || before[0].Attempts != 1 {
		t.Fatalf("after SIGKILL mid-DATA the outbox holds %+v (%v), want one entry in state sending", before, err)
	}
	if err := ob.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ob.Close() })
	sent := waitEntry(t, ob, before[0].ID, "sent after the restart", isState(Sent))
	if sent.Attempts != 2 || sent.MessageID != before[0].MessageID {
		t.Errorf("entry = %+v, want a second attempt with Message-ID %s", sent, before[0].MessageID)
	}
	got := srv.waitMessages(2)
	if len(got) != 2 || messageID(t, got[0].Data) != messageID(t, got[1].Data) ||
		messageID(t, got[1].Data) != "<"+before[0].MessageID+"@example.com>" {
		t.Errorf("server copies: %d, Message-IDs %q, want 2 with the same ID", len(got), []string{messageID(t, got[0].Data), messageID(t, got[len(got)-1].Data)})
	}
}

func TestOutboxForgetsASecretOnceSent(t *testing.T) {
	srv := newSMTPServer(t)
	db := tempStore(t)
	ob := newOutbox(t, db, newTestSMTP(t, testSettings(srv), SMTPOptions{}), true)
	const link = "https://team.example.com/#/set-password/0123456789abcdefghijkl"
	e := enqueue(t, ob, Message{To: candidate, Subject: "Set your password", Text: "Choose it here:\n" + link, Secret: true}, "account:1")
	waitEntry(t, ob, e.ID, "sent", isState(Sent))
	if got := srv.waitMessages(1); !bytes.Contains(got[0].Data, []byte("0123456789abcdefghijkl")) {
		t.Fatalf("the mail went out without its link:\n%s", got[0].Data)
	}
	err := db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketOutbox).ForEach(func(_, v []byte) error {
			if bytes.Contains(v, []byte("0123456789abcdefghijkl")) {
				t.Errorf("the outbox keeps the secret after delivery: %s", v)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ob.Resend(e.ID); !errors.Is(err, ErrForgotten) {
		t.Errorf("Resend of a forgotten secret = %v, want ErrForgotten", err)
	}
}
