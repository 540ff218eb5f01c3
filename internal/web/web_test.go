package web

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

const testKey = "test-console-key-0123456789abcdefghijklmnop"

type fixture struct {
	srv   *httptest.Server
	clock *time.Time
	svc   Services
}

func setup(t *testing.T) fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clock := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	ts := templates.New(db, now)
	if err := ts.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	st := settings.New(db)
	// The console's owner entered their details, as its first screen asks.
	if _, err := st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"}}); err != nil {
		t.Fatal(err)
	}
	ivs := interviews.New(db, ts, st, now)
	log := slog.New(slog.DiscardHandler)
	rooms := room.New(db, ivs, log, now)
	bus := push.NewBus()
	sessions, err := room.NewSessions(room.SessionsConfig{Log: rooms, Interviews: ivs, Push: bus, Logger: log, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	svc := Services{Templates: ts, Settings: st, Interviews: ivs, Rooms: rooms, Sessions: sessions, Push: bus}
	s := New(Config{PublicURL: "https://interviews.example.com/", ConsoleKey: testKey}, svc, log, now)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return fixture{srv: srv, clock: &clock, svc: svc}
}

// call sends a console API request with the key and decodes the answer.
func (f fixture) call(t *testing.T, method, path, body string, out any) int {
	t.Helper()
	req, _ := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, raw)
		}
	}
	return resp.StatusCode
}

// send does req and closes the response's body, so its connection is not left
// waiting for a reader; the status and headers stay readable.
func send(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp, err
}

func (f fixture) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(f.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

func (f fixture) goTemplateID(t *testing.T) string {
	var list struct{ Templates []templates.Summary }
	f.call(t, "GET", "/api/templates", "", &list)
	for _, tpl := range list.Templates {
		if tpl.Name == "Go backend engineer" {
			return tpl.ID
		}
	}
	t.Fatal("starter template Go backend engineer missing")
	return ""
}

type created struct {
	ID              string
	CandidateLink   string
	InterviewerLink string
	Status          string
	Error           struct {
		Code   string
		Fields map[string]string
	}
}

func (f fixture) create(t *testing.T, body string) (int, created) {
	t.Helper()
	var c created
	code := f.call(t, "POST", "/api/interviews", body, &c)
	return code, c
}

func validBody(templateID string) string {
	return `{"templateId":"` + templateID + `","position":"Backend engineer","candidateName":"Olivia Diaz",
		"candidateEmail":"olivia@example.com","when":"later","startsAt":"2026-12-01T14:30","timeZone":"Europe/Berlin"}`
}

func TestConsoleAPIRequiresTheKey(t *testing.T) {
	f := setup(t)
	for _, path := range []string{"/api/templates", "/api/interviews", "/api/nope"} {
		code, body := f.get(t, path)
		if code != http.StatusUnauthorized || !strings.Contains(body, `"unauthorized"`) {
			t.Errorf("GET %s without key = %d %s, want 401", path, code, body)
		}
	}
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/templates", nil)
	req.Header.Set("Authorization", "Bearer wrong")
	if resp, _ := send(req); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong key = %d, want 401", resp.StatusCode)
	}
	// A candidate token is no console key.
	_, iv := f.create(t, validBody(f.goTemplateID(t)))
	token := iv.CandidateLink[strings.LastIndex(iv.CandidateLink, "/")+1:]
	req.Header.Set("Authorization", "Bearer "+token)
	if resp, _ := send(req); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("candidate token as console key = %d, want 401", resp.StatusCode)
	}
}

// login signs in through srv's /console/login with c and returns the cookie it sets.
func login(t *testing.T, c *http.Client, srv *httptest.Server) *http.Cookie {
	t.Helper()
	noRedirect := *c
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noRedirect.Get(srv.URL + "/console/login?key=" + testKey)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cookies := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || len(cookies) != 1 {
		t.Fatalf("login = %d, cookies %+v", resp.StatusCode, cookies)
	}
	return cookies[0]
}

func TestLoginSetsAStrictCookie(t *testing.T) {
	f := setup(t)
	c := login(t, http.DefaultClient, f.srv)
	// It survives a browser restart (persistent, 30 days), but no script or
	// other site can use it.
	month := 30 * 24 * time.Hour
	if c.MaxAge != int(month/time.Second) || !c.Expires.Equal(f.clock.Add(month)) ||
		!c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || c.Secure {
		t.Fatalf("login cookie over HTTP = %s, want Max-Age=%d, Expires %v, HttpOnly, SameSite=Strict, Path=/, not Secure",
			c.Raw, int(month/time.Second), f.clock.Add(month))
	}
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/templates", nil)
	req.AddCookie(c)
	if resp, _ := send(req); resp.StatusCode != http.StatusOK {
		t.Errorf("API with login cookie = %d, want 200", resp.StatusCode)
	}
	if code, body := f.get(t, "/console/login?key=wrong"); code != http.StatusUnauthorized || !strings.Contains(body, "interviewdesk console link") {
		t.Errorf("login with a wrong key = %d %s, want 401 saying how to get a new link", code, body)
	}
	if code, body := f.get(t, "/api/templates"); code != http.StatusUnauthorized || !strings.Contains(body, "interviewdesk console link") {
		t.Errorf("API without a sign-in = %d %s, want 401 saying how to get a new link", code, body)
	}
}

func TestLoginOverHTTPSSetsASecureCookie(t *testing.T) {
	f := setup(t)
	tlsSrv := httptest.NewTLSServer(f.srv.Config.Handler)
	t.Cleanup(tlsSrv.Close)
	if c := login(t, tlsSrv.Client(), tlsSrv); !c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.MaxAge <= 0 {
		t.Errorf("login cookie over HTTPS = %s, want Secure, HttpOnly, SameSite=Strict, persistent", c.Raw)
	}
}

func TestCreateInterviewValidation(t *testing.T) {
	f := setup(t)
	code, got := f.create(t, `{"templateId":"nope","position":"","candidateName":"","candidateEmail":"x@","when":"later","startsAt":"2020-01-01T10:00","timeZone":"Europe/Berlin"}`)
	if code != http.StatusUnprocessableEntity || got.Error.Code != "invalid" {
		t.Fatalf("invalid create = %d %+v, want 422 invalid", code, got.Error)
	}
	for _, field := range []string{"templateId", "position", "candidateName", "candidateEmail", "startsAt"} {
		if got.Error.Fields[field] == "" {
			t.Errorf("no message for %s: %v", field, got.Error.Fields)
		}
	}
	var list struct{ Total int }
	f.call(t, "GET", "/api/interviews?tense=upcoming", "", &list)
	if list.Total != 0 {
		t.Errorf("an invalid create stored %d interviews", list.Total)
	}
	if code, _ := f.create(t, `{"templateId": `); code != http.StatusBadRequest {
		t.Errorf("malformed JSON = %d, want 400", code)
	}
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/interviews", strings.NewReader(validBody("x")))
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Content-Type", "text/plain")
	if resp, _ := send(req); resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain body = %d, want 415 (a cross-site form post must not pass)", resp.StatusCode)
	}
}

func TestInterviewLifecycleOverAPI(t *testing.T) {
	f := setup(t)
	code, iv := f.create(t, validBody(f.goTemplateID(t)))
	if code != http.StatusCreated || !strings.HasPrefix(iv.CandidateLink, "https://interviews.example.com/join/") {
		t.Fatalf("create = %d %+v", code, iv)
	}
	var moved struct {
		StartsAt time.Time
		Sequence int
	}
	if code := f.call(t, "POST", "/api/interviews/"+iv.ID+"/reschedule", `{"startsAt":"2026-12-03T09:00"}`, &moved); code != 200 ||
		!moved.StartsAt.Equal(time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)) || moved.Sequence != 1 {
		t.Errorf("reschedule = %d %+v", code, moved)
	}
	var withTools struct{ Tools interviews.Tools }
	f.call(t, "PUT", "/api/interviews/"+iv.ID+"/tools", `{"liveCode":true,"whiteboard":true}`, &withTools)
	if !withTools.Tools.Whiteboard {
		t.Error("tools update did not stick")
	}
	var gone created
	if code := f.call(t, "DELETE", "/api/interviews/"+iv.ID, "", &gone); code != 200 || gone.Status != "cancelled" {
		t.Errorf("delete = %d %s", code, gone.Status)
	}
	if code := f.call(t, "POST", "/api/interviews/"+iv.ID+"/reschedule", `{"startsAt":"2026-12-04T09:00"}`, nil); code != http.StatusConflict {
		t.Errorf("reschedule cancelled = %d, want 409", code)
	}
	if code := f.call(t, "GET", "/api/interviews/no-such-id", "", nil); code != http.StatusNotFound {
		t.Errorf("unknown interview = %d, want 404", code)
	}
}

func TestLinkPages(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, validBody(f.goTemplateID(t)))
	join := strings.TrimPrefix(iv.CandidateLink, "https://interviews.example.com")
	room := strings.TrimPrefix(iv.InterviewerLink, "https://interviews.example.com")

	code, page := f.get(t, join)
	if code != http.StatusOK || !strings.Contains(page, "Backend engineer") || !strings.Contains(page, `datetime="2026-12-01T13:30:00Z"`) {
		t.Fatalf("candidate page = %d:\n%s", code, page)
	}
	// Nothing interviewer-only reaches the candidate: no expected answers, no
	// questions, no interviewer link.
	tpl, _ := f.svc.Templates.Get(f.goTemplateID(t))
	for _, q := range tpl.Questions {
		for _, secret := range []string{q.Text, q.ExpectedAnswer, q.Alternative} {
			if strings.Contains(page, secret[:40]) {
				t.Errorf("candidate page leaks %q", secret[:40])
			}
		}
	}
	if strings.Contains(page, room) {
		t.Error("candidate page leaks the interviewer link")
	}
	if code, _ := f.get(t, room); code != http.StatusOK {
		t.Errorf("interviewer page = %d", code)
	}
	if code, _ := f.get(t, "/room"+join[len("/join"):]); code != http.StatusNotFound {
		t.Errorf("candidate token on the interviewer page = %d, want 404", code)
	}
	if code, page := f.get(t, "/join/AAAAAAAAAAAAAAAAAAAAAA"); code != http.StatusNotFound || !strings.Contains(page, "This link does not work") {
		t.Errorf("unknown link = %d", code)
	}
	f.call(t, "DELETE", "/api/interviews/"+iv.ID, "", nil)
	if code, page := f.get(t, join); code != http.StatusGone || !strings.Contains(page, "cancelled") {
		t.Errorf("cancelled link = %d", code)
	}
	f.call(t, "POST", "/api/interviews/"+iv.ID+"/restore", "", nil)
	*f.clock = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	if code, page := f.get(t, join); code != http.StatusGone || !strings.Contains(page, "expired") {
		t.Errorf("expired link = %d", code)
	}
}

func TestTemplateImportExportOverAPI(t *testing.T) {
	f := setup(t)
	id := f.goTemplateID(t)
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/templates/"+id+"/export", nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	file, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var imported struct{ Templates []templates.Summary }
	if code := f.call(t, "POST", "/api/templates/import", string(file), &imported); code != http.StatusCreated ||
		len(imported.Templates) != 1 || imported.Templates[0].Name != "Go backend engineer (2)" {
		t.Errorf("import = %d %+v", code, imported)
	}
	var bad struct {
		Error struct{ Code, Message string }
	}
	if code := f.call(t, "POST", "/api/templates/import", `{"format":"other"}`, &bad); code != http.StatusBadRequest || !strings.Contains(bad.Error.Message, "format") {
		t.Errorf("bad import = %d %+v", code, bad)
	}
}
