package web

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// Each test here answers one finding of the security review (issue 13).

// request sends method path with body and the given headers (no key unless
// they carry one) and decodes a JSON answer into out.
func request(t *testing.T, base, method, path, body string, h http.Header, out any) int {
	t.Helper()
	req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil && len(raw) > 0 {
		_ = json.Unmarshal(raw, out)
	}
	return resp.StatusCode
}

var bearer = http.Header{"Authorization": {"Bearer " + testKey}, "Content-Type": {"application/json"}}

type apiAnswer struct {
	Status       string
	Name         string
	Interviewers []struct{ Name, Email string }
	Error        struct {
		Code    string
		Message string
		Fields  map[string]string
	}
}

// Finding 3: pasted whitespace is normalised, other control characters get a
// field error, and the invitation of a pasted name goes out.
func TestNamesFollowTheTextRuleAndTheirInvitationsGoOut(t *testing.T) {
	h := newContractHost(t)
	base := h.srv.URL
	for _, put := range []struct{ path, body string }{
		{"/api/settings", `{"organizer":{"name":"Rita Recruiter","email":"rita@example.com"}}`},
		{"/api/settings/mail", `{"host":"127.0.0.1","port":1,"security":"none","fromAddress":"noreply@example.com"}`},
	} {
		if code := request(t, base, "PUT", put.path, put.body, bearer, nil); code != http.StatusOK {
			t.Fatalf("PUT %s = %d", put.path, code)
		}
	}
	var list struct{ Templates []struct{ ID string } }
	request(t, base, "GET", "/api/templates", "", bearer, &list)
	var iv struct{ ID string }
	if code := request(t, base, "POST", "/api/interviews", validBody(list.Templates[0].ID), bearer, &iv); code != http.StatusCreated {
		t.Fatalf("create = %d", code)
	}
	var got apiAnswer
	code := request(t, base, "POST", "/api/interviews/"+iv.ID+"/interviewers", `{"name":"Ann\tLee\u00a0","email":"ann@example.com"}`, bearer, &got)
	if code != http.StatusCreated || got.Interviewers[len(got.Interviewers)-1].Name != "Ann Lee" {
		t.Fatalf("add a pasted name = %d %+v, want 201 with the name as Ann Lee", code, got)
	}
	var box struct {
		Messages []struct {
			To    struct{ Email string }
			Kind  string
			State string
		}
	}
	request(t, base, "GET", "/api/interviews/"+iv.ID+"/outbox", "", bearer, &box)
	invited := false
	for _, m := range box.Messages {
		invited = invited || m.To.Email == "ann@example.com" && m.Kind == "invite" && m.State != "failed"
	}
	if !invited {
		t.Errorf("outbox after adding Ann = %+v, want her invitation", box.Messages)
	}
	for _, name := range []string{`Bob\u0007Bell`, `Bob\u001bBell`, `Bob \u202eBell`} {
		got = apiAnswer{}
		code := request(t, base, "POST", "/api/interviews/"+iv.ID+"/interviewers", `{"name":"`+name+`","email":"bob@example.com"}`, bearer, &got)
		if code != http.StatusUnprocessableEntity || !strings.Contains(got.Error.Fields["name"], "control character") {
			t.Errorf("add %s = %d %+v, want 422 naming the control character", name, code, got.Error)
		}
	}
}

// Finding 4: a page of another origin (another port of the same host) cannot
// use the console's cookie to change anything; the console itself and the
// CLI still can.
func TestCrossOriginPagesCannotUseTheCookie(t *testing.T) {
	f := setup(t)
	cookie := login(t, http.DefaultClient, f.srv)
	_, iv := f.create(t, validBody(f.goTemplateID(t)))
	if code := f.call(t, "DELETE", "/api/interviews/"+iv.ID, "", nil); code != http.StatusOK {
		t.Fatalf("cancel = %d", code)
	}
	tpl := f.goTemplateID(t)
	templates := func() int {
		var list struct{ Templates []struct{ ID string } }
		f.call(t, "GET", "/api/templates", "", &list)
		return len(list.Templates)
	}
	before := templates()
	other := "http://127.0.0.1:1" + f.srv.URL[strings.LastIndex(f.srv.URL, ":")+1:]
	withCookie := func(h http.Header) http.Header {
		h.Set("Cookie", cookie.Name+"="+cookie.Value)
		return h
	}
	attacks := []struct {
		name string
		h    http.Header
		body string
	}{
		{"form post, old browser", http.Header{"Origin": {other}, "Content-Type": {"text/plain"}}, "x"},
		{"empty body, old browser", http.Header{"Origin": {other}}, ""},
		{"empty body, same site", http.Header{"Origin": {other}, "Sec-Fetch-Site": {"same-site"}}, ""},
		{"JSON, cross site", http.Header{"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}, "Content-Type": {"application/json"}}, "{}"},
	}
	for _, a := range attacks {
		for _, path := range []string{"/api/interviews/" + iv.ID + "/restore", "/api/templates/" + tpl + "/duplicate"} {
			var got apiAnswer
			if code := request(t, f.srv.URL, "POST", path, a.body, withCookie(a.h), &got); code != http.StatusForbidden || got.Error.Code != "forbidden" {
				t.Errorf("%s to %s = %d %+v, want 403 forbidden", a.name, path, code, got.Error)
			}
		}
	}
	var now apiAnswer
	f.call(t, "GET", "/api/interviews/"+iv.ID, "", &now)
	if now.Status != "cancelled" || templates() != before {
		t.Fatalf("after the attacks: interview %s, %d templates (was %d); want nothing changed", now.Status, templates(), before)
	}
	// The console's own page: same origin, JSON declared even without a body.
	if code := request(t, f.srv.URL, "POST", "/api/templates/"+tpl+"/duplicate", "",
		withCookie(http.Header{"Origin": {f.srv.URL}, "Sec-Fetch-Site": {"same-origin"}}), nil); code != http.StatusUnsupportedMediaType {
		t.Errorf("same-origin mutation with the cookie but without a JSON type = %d, want 415", code)
	}
	if code := request(t, f.srv.URL, "POST", "/api/templates/"+tpl+"/duplicate", "",
		withCookie(http.Header{"Origin": {f.srv.URL}, "Sec-Fetch-Site": {"same-origin"}, "Content-Type": {"application/json"}}), nil); code != http.StatusCreated {
		t.Errorf("the console's own duplicate = %d, want 201", code)
	}
	// The CLI: the key header, no browser headers, no body.
	if code := request(t, f.srv.URL, "POST", "/api/interviews/"+iv.ID+"/restore", "",
		http.Header{"Authorization": {"Bearer " + testKey}}, nil); code != http.StatusOK {
		t.Errorf("CLI restore = %d, want 200", code)
	}
}

// Finding 8: zone names browsers do not know are refused.
func TestOnlyIANAZoneNamesAreAccepted(t *testing.T) {
	f := setup(t)
	tpl := f.goTemplateID(t)
	for _, zone := range []string{"posixrules", "Factory", "right/UTC", "posix/Europe/Berlin", "localtime", "Local", "Europe/Nowhere"} {
		body := strings.Replace(validBody(tpl), "Europe/Berlin", zone, 1)
		var got apiAnswer
		if code := f.call(t, "POST", "/api/interviews", body, &got); code != http.StatusUnprocessableEntity || got.Error.Fields["timeZone"] == "" {
			t.Errorf("create in %q = %d %+v, want 422 on timeZone", zone, code, got.Error)
		}
		got = apiAnswer{}
		if code := f.call(t, "PUT", "/api/settings", `{"defaultTimeZone":"`+zone+`"}`, &got); code != http.StatusUnprocessableEntity {
			t.Errorf("default zone %q = %d %+v, want 422", zone, code, got.Error)
		}
	}
	for _, zone := range []string{"Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires", "US/Eastern"} {
		body := strings.Replace(validBody(tpl), "Europe/Berlin", zone, 1)
		if code, _ := f.create(t, body); code != http.StatusCreated {
			t.Errorf("create in %q = %d, want 201", zone, code)
		}
	}
}

// Finding 9: bodies are parsed as docs/api.md says.
func TestBodiesAreParsedStrictly(t *testing.T) {
	f := setup(t)
	mail := `{"host":"127.0.0.1","port":2525,"security":"none","fromAddress":"noreply@example.com"}`
	if code := f.call(t, "PUT", "/api/settings/mail", mail, nil); code != http.StatusOK {
		t.Fatalf("mail settings = %d", code)
	}
	var got apiAnswer
	if code := f.call(t, "PUT", "/api/settings/mail", `{}{}`, &got); code != http.StatusBadRequest || got.Error.Code != "bad_request" {
		t.Errorf("{}{} = %d %+v, want 400 bad_request", code, got.Error)
	}
	var m struct{ Configured bool }
	if f.call(t, "GET", "/api/settings/mail", "", &m); !m.Configured {
		t.Error("{}{} turned email off")
	}
	tpl := f.goTemplateID(t)
	if code := f.call(t, "POST", "/api/interviews", validBody(tpl)+` {"position":"x"}`, nil); code != http.StatusBadRequest {
		t.Errorf("a second JSON value after the body = %d, want 400", code)
	}
	_, iv := f.create(t, validBody(tpl))
	f.call(t, "DELETE", "/api/interviews/"+iv.ID, "", nil)
	got = apiAnswer{}
	if code := f.call(t, "POST", "/api/interviews/"+iv.ID+"/restore", `{"force":true}`, &got); code != http.StatusBadRequest ||
		!strings.Contains(got.Error.Message, `unknown field "force"`) {
		t.Errorf("restore with an unknown field = %d %+v, want 400 naming it", code, got.Error)
	}
	*f.clock = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) // after the interview
	got = apiAnswer{}
	if code := f.call(t, "POST", "/api/interviews/"+iv.ID+"/restore", "", &got); code != http.StatusUnprocessableEntity || got.Error.Fields["startsAt"] == "" {
		t.Errorf("restore of a past interview = %d %+v, want 422 on startsAt", code, got.Error)
	}
}

// Finding 10: a static path that is not UTF-8 is not found, not a 500.
func TestStaticPathsThatAreNoNames(t *testing.T) {
	f := setup(t)
	for _, p := range []string{"/static/%ff", "/static/a%c3", "/static/%ed%a0%80.css"} {
		if code, _ := f.get(t, p); code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, code)
		}
	}
}

// Finding 10: a body trickled slowly is cut off at the body deadline.
func TestASlowBodyIsCutOff(t *testing.T) {
	f := setup(t)
	s := New(Config{PublicURL: "http://127.0.0.1", ConsoleKey: testKey, BodyTimeout: 200 * time.Millisecond},
		f.svc, slog.New(slog.DiscardHandler), time.Now)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "POST /api/templates HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "+testKey+
		"\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":")
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second)) // only a bound for the test itself
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a body that stopped arriving: %v", err)
	}
	if resp.StatusCode != http.StatusRequestTimeout {
		t.Errorf("slow body = %d, want 408", resp.StatusCode)
	}
}

// countingLog counts log records at WARN and above.
type countingLog struct {
	mu    sync.Mutex
	warns int
}

func (c *countingLog) Enabled(context.Context, slog.Level) bool { return true }
func (c *countingLog) Handle(_ context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		c.mu.Lock()
		c.warns++
		c.mu.Unlock()
	}
	return nil
}
func (c *countingLog) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *countingLog) WithGroup(string) slog.Handler      { return c }

// Finding 10: guessing link tokens is limited per address, with one log line.
func TestTokenGuessingIsLimited(t *testing.T) {
	f := setup(t)
	logs := &countingLog{}
	srv := httptest.NewServer(New(Config{PublicURL: "http://127.0.0.1", ConsoleKey: testKey}, f.svc, slog.New(logs), func() time.Time { return *f.clock }))
	t.Cleanup(srv.Close)
	guess := func(i int) *http.Response {
		path := []string{"/join/", "/room/", "/ws/"}[i%3] + strings.Repeat(string(rune('A'+i%26)), 22)
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		resp, err := send(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	for i := range maxGuesses {
		if resp := guess(i); resp.StatusCode == http.StatusTooManyRequests {
			t.Fatalf("guess %d refused already", i+1)
		}
	}
	resp := guess(maxGuesses)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("guess %d = %d (Retry-After %q), want 429 with Retry-After", maxGuesses+1, resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	for i := range 20 {
		guess(i)
	}
	if logs.warns != 1 {
		t.Errorf("%d warnings for %d guesses, want one summary", logs.warns, maxGuesses+21)
	}
	*f.clock = f.clock.Add(guessWindow)
	if resp := guess(0); resp.StatusCode != http.StatusNotFound {
		t.Errorf("after the window: %d, want 404 again", resp.StatusCode)
	}
}

// Finding 10: one link opens a bounded number of room channels; the next is
// told why.
func TestRoomChannelsPerLinkAreCapped(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, validBody(f.goTemplateID(t)))
	for range maxSocketsPerLink {
		f.dial(t, iv.InterviewerLink).next("welcome", nil)
	}
	extra := f.dial(t, iv.InterviewerLink)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var msg struct{ Type, Reason string }
	if err := wsjson.Read(ctx, extra.ws, &msg); err != nil || msg.Type != "closed" || !strings.Contains(msg.Reason, "too many") {
		t.Fatalf("channel %d: %+v %v, want closed with a reason", maxSocketsPerLink+1, msg, err)
	}
	_, _, err := extra.ws.Read(ctx)
	if websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
		t.Errorf("channel %d closed with %v, want a policy violation", maxSocketsPerLink+1, err)
	}
}

// Finding 10: the cookie holds a session token, not the console key, and
// a cookie with the key itself is no sign-in.
func TestTheCookieHoldsNoKey(t *testing.T) {
	f := setup(t)
	c := login(t, http.DefaultClient, f.srv)
	if c.Value == testKey || strings.Contains(c.Value, testKey) || len(c.Value) < 40 {
		t.Fatalf("cookie value %q, want a session token that is not the key", c.Value)
	}
	if code := request(t, f.srv.URL, "GET", "/api/templates", "", http.Header{"Cookie": {cookieName + "=" + testKey}}, nil); code != http.StatusUnauthorized {
		t.Errorf("the key itself as cookie = %d, want 401", code)
	}
	// The same sign-in works for a host started again with the same key.
	again := httptest.NewServer(New(Config{PublicURL: "http://127.0.0.1", ConsoleKey: testKey}, f.svc, slog.New(slog.DiscardHandler), time.Now))
	t.Cleanup(again.Close)
	if code := request(t, again.URL, "GET", "/api/templates", "", http.Header{"Cookie": {c.Name + "=" + c.Value}}, nil); code != http.StatusOK {
		t.Errorf("the session after a host restart = %d, want 200", code)
	}
}

// Finding 10: the console page runs only its own scripts.
func TestConsolePageHasAStrictPolicy(t *testing.T) {
	h := http.Header{}
	assetHeaders(h, httptest.NewRequest("GET", "/", nil), "index.html")
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self';", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("console CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("console CSP %q allows inline or eval'd script", csp)
	}
}

// A request handed to the handler in-process (the CLI without a running host)
// may have no body at all; a bodyless endpoint answers it as usual.
func TestInProcessRequestWithoutBody(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, validBody(f.goTemplateID(t)))
	s := New(Config{PublicURL: "http://127.0.0.1", ConsoleKey: testKey}, f.svc, slog.New(slog.DiscardHandler), time.Now)
	req, _ := http.NewRequest("DELETE", "/api/interviews/"+iv.ID, nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("in-process DELETE without a body = %d %s, want 200", rec.Code, rec.Body)
	}
}
