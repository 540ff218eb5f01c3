package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// TestSIGTERMMidCallDrainsInOrder runs `serve` with media and the relay, puts
// an interviewer in the call with the interview started and notes saved, and
// sends SIGTERM. The room connection is told the host is stopping, the log
// shows HTTP drained before media and the relay closed, and a restarted host
// has everything that was acknowledged.
func TestSIGTERMMidCallDrainsInOrder(t *testing.T) {
	bin := buildServe(t)
	data := t.TempDir()
	srv := startServe(t, bin, data)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	id, token := srv.createInterview(t)
	ws, _, err := websocket.Dial(ctx, strings.Replace(srv.url, "http", "ws", 1)+"/ws/"+token, nil)
	if err != nil {
		t.Fatalf("room socket: %v", err)
	}
	defer ws.CloseNow()
	room := &roomClient{t: t, ws: ws}
	room.until(ctx, "welcome")
	room.send(ctx, map[string]any{"type": "action", "id": 1, "action": "started"})
	room.ack(ctx, 1)
	room.send(ctx, map[string]any{"type": "action", "id": 2, "action": "note_saved", "data": map[string]string{"text": "Strong on channels"}})
	room.ack(ctx, 2)
	room.send(ctx, map[string]any{"type": "call", "id": 3})
	room.ack(ctx, 3)
	room.until(ctx, "signal") // the call sent its configuration: this member is in the call

	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	closed := room.until(ctx, "closed")
	if reason, _ := closed["reason"].(string); !strings.Contains(reason, "restarting") {
		t.Errorf("room connection closed with %q, want the host telling it is restarting", reason)
	}
	if err := srv.wait(15 * time.Second); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, srv.logs())
	}
	logs := srv.logs()
	order := []string{"host stopped: HTTP drained", "host stopped: media closed", "host stopped: relay closed", "host stopped: store closed"}
	at := -1
	for _, line := range order {
		i := strings.Index(logs, line)
		if i < 0 || i < at {
			t.Fatalf("shutdown log out of order: want %q after the previous step\n%s", line, logs)
		}
		at = i
	}

	again := startServe(t, bin, data)
	var tl struct {
		State struct {
			Phase string `json:"phase"`
			Notes map[string]struct {
				Text string `json:"text"`
			} `json:"notes"`
		} `json:"state"`
	}
	again.api(t, "GET", "/api/interviews/"+id+"/timeline", nil, &tl)
	if tl.State.Phase != "plan" {
		t.Errorf("phase after restart = %q, want plan (the interview had started)", tl.State.Phase)
	}
	found := false
	for _, n := range tl.State.Notes {
		found = found || n.Text == "Strong on channels"
	}
	if !found {
		t.Errorf("acknowledged notes lost across SIGTERM: %+v", tl.State.Notes)
	}
}

func buildServe(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "interviewdesk")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// served is a running `serve` process.
type served struct {
	cmd  *exec.Cmd
	url  string
	key  string
	mu   sync.Mutex
	errs bytes.Buffer
	done chan error
}

func startServe(t *testing.T, bin, data string) *served {
	t.Helper()
	s := &served{done: make(chan error, 1)}
	s.cmd = exec.Command(bin, "serve", "--data", data, "--listen", "127.0.0.1:0")
	stdout, _ := s.cmd.StdoutPipe()
	stderr, _ := s.cmd.StderrPipe()
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.cmd.Process.Kill(); <-s.done })
	go func() {
		b, _ := io.ReadAll(stderr)
		s.mu.Lock()
		s.errs.Write(b)
		s.mu.Unlock()
		s.done <- s.cmd.Wait()
		close(s.done)
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed nothing: %v", err)
	}
	m := regexp.MustCompile(`serving on (http://127\.0\.0\.1:\d+) \(console: \S+key=(\S+)\)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve printed %q", line)
	}
	s.url, s.key = m[1], m[2]
	return s
}

// wait waits for the process to exit after stderr closed.
func (s *served) wait(limit time.Duration) error {
	select {
	case err := <-s.done:
		return err
	case <-time.After(limit):
		return fmt.Errorf("did not exit within %s", limit)
	}
}

func (s *served) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.errs.String()
}

func (s *served) api(t *testing.T, method, path string, body, out any) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, s.url+path, r)
	req.Header.Set("Authorization", "Bearer "+s.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, raw)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("%s %s: %v in %s", method, path, err, raw)
	}
}

// createInterview schedules an interview now and returns its ID and the
// organizer's room token.
func (s *served) createInterview(t *testing.T) (id, token string) {
	var list struct {
		Templates []struct {
			ID string `json:"id"`
		} `json:"templates"`
	}
	s.api(t, "GET", "/api/templates", nil, &list)
	// The console's owner entered their details first, as the console asks.
	s.api(t, "PUT", "/api/settings", map[string]any{"organizer": map[string]string{"name": "Rita Recruiter", "email": "rita@example.com"}}, &struct{}{})
	var iv struct {
		ID              string `json:"id"`
		InterviewerLink string `json:"interviewerLink"`
	}
	s.api(t, "POST", "/api/interviews", map[string]string{"templateId": list.Templates[0].ID, "position": "Backend engineer",
		"candidateName": "Olivia Diaz", "candidateEmail": "olivia@example.com", "when": "now", "timeZone": "UTC"}, &iv)
	u, err := url.Parse(iv.InterviewerLink)
	if err != nil {
		t.Fatal(err)
	}
	return iv.ID, strings.TrimPrefix(u.Path, "/room/")
}

// roomClient speaks the room channel. Messages read past while waiting for
// another type are kept, so an ack and a message the host sent before it (the
// call's configuration is sent from the call's own goroutine) are both seen
// whatever their order.
type roomClient struct {
	t      *testing.T
	ws     *websocket.Conn
	passed []map[string]any
}

func (c *roomClient) send(ctx context.Context, msg any) {
	c.t.Helper()
	if err := wsjson.Write(ctx, c.ws, msg); err != nil {
		c.t.Fatalf("send %v: %v", msg, err)
	}
}

// until returns the first message of type typ, read past or arriving.
func (c *roomClient) until(ctx context.Context, typ string) map[string]any {
	c.t.Helper()
	for i, msg := range c.passed {
		if msg["type"] == typ {
			c.passed = append(c.passed[:i], c.passed[i+1:]...)
			return msg
		}
	}
	for {
		var msg map[string]any
		if err := wsjson.Read(ctx, c.ws, &msg); err != nil {
			c.t.Fatalf("waiting for %q: %v", typ, err)
		}
		if msg["type"] == typ {
			return msg
		}
		c.passed = append(c.passed, msg)
	}
}

func (c *roomClient) ack(ctx context.Context, id int) {
	c.t.Helper()
	for {
		msg := c.until(ctx, "ack")
		if n, _ := msg["id"].(float64); int(n) == id {
			if e, _ := msg["error"].(string); e != "" {
				c.t.Fatalf("message %d refused: %s", id, e)
			}
			return
		}
	}
}
