package web

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/push"
)

// streamHost is the real handler with a real bus behind an httptest server.
// Each request's ServeHTTP reports its return on ended.
type streamHost struct {
	srv   *httptest.Server
	bus   *push.Bus
	ended chan struct{}
}

// newStreamHost starts the host. Small socket buffers let a client that stops
// reading hold the handler up after a few dozen events, as a stalled network
// would.
func newStreamHost(t *testing.T) *streamHost {
	t.Helper()
	bus := push.NewBus()
	s := New(Config{ConsoleKey: testKey}, Services{Push: bus}, slog.New(slog.DiscardHandler), time.Now)
	h := &streamHost{bus: bus, ended: make(chan struct{}, 8)}
	h.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.ServeHTTP(w, r)
		h.ended <- struct{}{}
	}))
	h.srv.Listener = smallBuffers{h.srv.Listener}
	h.srv.Start()
	t.Cleanup(h.srv.Close)
	return h
}

type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetWriteBuffer(64 << 10)
	}
	return c, err
}

// sseEvent is one event as a client parses it.
type sseEvent struct {
	name string
	data push.Event
}

type sseClient struct {
	t    *testing.T
	resp *http.Response
	r    *bufio.Reader
}

func (h *streamHost) open(t *testing.T, key string) (*sseClient, context.CancelFunc) {
	t.Helper()
	return openStream(t, h.srv.URL, key)
}

// openStream requests base's stream with the console key (or none) and a deadline.
func openStream(t *testing.T, base, key string) (*sseClient, context.CancelFunc) {
	t.Helper()
	h := http.Header{}
	if key != "" {
		h.Set("Authorization", "Bearer "+key)
	}
	return openStreamWith(t, base, h)
}

// openStreamWith requests base's stream with the headers h.
func openStreamWith(t *testing.T, base string, h http.Header) (*sseClient, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/stream", nil)
	for k, v := range h {
		req.Header[k] = v
	}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetReadBuffer(64 << 10)
		}
		return c, err
	}
	client := &http.Client{Transport: &http.Transport{DialContext: dial}}
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return &sseClient{t: t, resp: resp, r: bufio.NewReaderSize(resp.Body, 4096)}, cancel
}

// next reads one event, skipping comments (keep-alives).
func (c *sseClient) next() sseEvent {
	c.t.Helper()
	var e sseEvent
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			c.t.Fatalf("reading the stream: %v", err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" && e.name != "":
			return e
		case strings.HasPrefix(line, "event: "):
			e.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e.data); err != nil {
				c.t.Fatalf("event data %q: %v", line, err)
			}
		}
	}
}

func TestStreamNeedsTheConsoleKey(t *testing.T) {
	h := newStreamHost(t)
	for _, key := range []string{"", "wrong-key"} {
		c, cancel := h.open(t, key)
		body, _ := io.ReadAll(c.resp.Body)
		cancel()
		if c.resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(body), `"unauthorized"`) {
			t.Errorf("key %q: got %d %s, want 401 unauthorized", key, c.resp.StatusCode, body)
		}
	}
	if n := h.bus.Subscribers(); n != 0 {
		t.Errorf("a refused client subscribed: %d subscribers", n)
	}
}

func TestStreamSaysHelloThenDeliversEvents(t *testing.T) {
	h := newStreamHost(t)
	c, cancel := h.open(t, testKey)
	defer cancel()
	hdr := c.resp.Header
	if c.resp.StatusCode != 200 || hdr.Get("Content-Type") != "text/event-stream" || hdr.Get("Cache-Control") != "no-store" {
		t.Fatalf("got %d, Content-Type %q, Cache-Control %q", c.resp.StatusCode, hdr.Get("Content-Type"), hdr.Get("Cache-Control"))
	}
	if e := c.next(); e.name != "hello" || e.data.Type != "hello" {
		t.Fatalf("first event %+v, want hello", e)
	}
	h.bus.Publish(push.Event{Type: push.Presence, InterviewID: "iv1", Data: map[string]any{"phase": "waiting"}})
	h.bus.Publish(push.Event{Type: push.Recordings, InterviewID: "iv1"})
	e := c.next()
	if e.name != "presence" || e.data.InterviewID != "iv1" || e.data.Data.(map[string]any)["phase"] != "waiting" {
		t.Errorf("got %+v, want the presence event with its data", e)
	}
	if e := c.next(); e.name != "recordings" || e.data.Type != push.Recordings {
		t.Errorf("got %+v, want recordings", e)
	}
}

func TestStreamResyncsAClientThatFellBehind(t *testing.T) {
	h := newStreamHost(t)
	c, cancel := h.open(t, testKey)
	defer cancel()
	c.next() // hello
	// The client stops reading: the handler blocks on a full socket, its
	// subscription's buffer fills, and the rest is dropped.
	const burst = 300
	big := strings.Repeat("x", 8<<10)
	for i := 0; i < burst; i++ {
		h.bus.Publish(push.Event{Type: push.Timeline, InterviewID: "iv1", Data: big})
	}
	// Reading again, the client gets what was buffered, a resync where it
	// lost events, then new ones. Each read publishes a small marker: while
	// the client is behind, markers are dropped too.
	resynced := false
	for i := 0; i <= 2*burst; i++ {
		e := c.next()
		switch {
		case e.name == "resync":
			resynced = true
		case e.data.InterviewID == "marker":
			if !resynced {
				t.Fatalf("a marker arrived after %d events without a resync: the client never fell behind", i)
			}
			return
		}
		h.bus.Publish(push.Event{Type: push.Presence, InterviewID: "marker"})
	}
	t.Fatalf("no new event after %d reads (resynced: %v)", 2*burst, resynced)
}

func TestStreamEndsWithTheRequestAndWithTheBus(t *testing.T) {
	h := newStreamHost(t)
	waitEnded := func(what string) {
		t.Helper()
		select {
		case <-h.ended:
		case <-time.After(5 * time.Second):
			t.Fatalf("the stream did not end when %s", what)
		}
	}
	c, cancel := h.open(t, testKey)
	c.next()
	cancel()
	waitEnded("the client went away")
	if n := h.bus.Subscribers(); n != 0 {
		t.Errorf("%d subscribers left after the client went away", n)
	}

	c, cancel = h.open(t, testKey)
	defer cancel()
	c.next()
	h.bus.Close() // host shutdown
	waitEnded("the bus closed")
	if _, err := c.r.ReadString('\n'); !errors.Is(err, io.EOF) {
		t.Errorf("after the bus closed the client read err %v, want EOF", err)
	}
}

func TestRoomPushesPresenceToTheConsole(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, strings.Replace(validBody(f.goTemplateID(t)), `"when":"later"`, `"when":"now"`, 1))
	c, cancel := openStream(t, f.srv.URL, testKey)
	defer cancel()
	c.next() // hello
	// presence waits for the interview's next presence event and returns its
	// data as the presence endpoint would answer it.
	presence := func() (p struct {
		Phase   string
		Locked  bool
		Members []struct {
			Role  string
			Ready bool
		}
	}) {
		t.Helper()
		for {
			e := c.next()
			if e.name != "presence" || e.data.InterviewID != iv.ID {
				continue
			}
			raw, _ := json.Marshal(e.data.Data)
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	interviewer := f.dial(t, iv.InterviewerLink)
	interviewer.next("welcome", nil)
	if p := presence(); p.Phase != "waiting" || len(p.Members) != 1 || p.Members[0].Role != "interviewer" {
		t.Errorf("after the interviewer joined: %+v", p)
	}
	if a := interviewer.act(1, "locked", nil); a.Error != "" {
		t.Fatal(a.Error)
	}
	if p := presence(); !p.Locked {
		t.Errorf("after locking: %+v", p)
	}
	cand := f.dial(t, iv.CandidateLink)
	cand.next("welcome", nil)
	presence() // joined, not ready
	cand.send(map[string]any{"type": "ready", "id": 1,
		"consent": map[string]bool{"personalData": true, "aiAnalysis": true, "recordingNotice": true}})
	cand.next("ack", nil)
	p := presence()
	ready := false
	for _, m := range p.Members {
		ready = ready || m.Role == "candidate" && m.Ready
	}
	if len(p.Members) != 2 || !ready {
		t.Errorf("after the candidate said ready: %+v", p)
	}
	var polled struct{ Members []struct{ Ready bool } }
	f.call(t, "GET", "/api/interviews/"+iv.ID+"/presence", "", &polled)
	if len(polled.Members) != len(p.Members) {
		t.Errorf("the endpoint and the event disagree: %+v vs %+v", polled, p)
	}
}
