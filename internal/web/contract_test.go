package web

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/report"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite the files generated from the contract")

// Files generated from Contract(); `go test ./internal/web -run ContractFiles -update`
// rewrites them.
var generated = map[string]func() ([]byte, error){
	"../../docs/api.schema.json":             Contract().Schema,
	"../../frontend/src/api/contract.gen.ts": Contract().TypeScript,
}

func TestContractFilesAreCurrent(t *testing.T) {
	for path, gen := range generated {
		want, err := gen()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what internal/web/contract.go describes (%v); run: go test ./internal/web -run ContractFiles -update",
				filepath.Base(path), err)
		}
	}
}

// contractHost is the console API on real services over a bbolt file, with
// email through a real SMTP server on loopback.
type contractHost struct {
	srv      *httptest.Server
	mux      *http.ServeMux // the endpoints' patterns, to tell which one a request hit
	schemas  map[string]*jsonschema.Schema
	sent     chan struct{}
	rooms    *room.Service
	ivs      *interviews.Service
	bus      *push.Bus
	analysis *analysis.Service
	accounts *accounts.Service
}

func newContractHost(t *testing.T, tune ...func(*contractHost, *Services)) *contractHost {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	now := func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }
	log := slog.New(slog.DiscardHandler)
	ts := templates.New(db, now)
	if err := ts.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	st := settings.New(db)
	h := &contractHost{sent: make(chan struct{}, 100)}
	send := mail.SenderFunc(func(ctx context.Context, msg mail.Message) error {
		cfg, err := st.Mail()
		if err != nil {
			return err
		}
		c, err := mail.NewSMTP(cfg, mail.SMTPOptions{Now: now}, log)
		if err != nil {
			return err
		}
		return c.Send(ctx, msg)
	})
	outbox, err := mail.NewOutbox(db, mail.Config{Sender: send, Now: time.Now, OnChange: func(e mail.Entry) {
		if e.State == mail.Sent {
			h.sent <- struct{}{}
		}
	}}, log)
	if err != nil {
		t.Fatal(err)
	}
	if err := outbox.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = outbox.Close() })
	links := (&Server{cfg: Config{PublicURL: "https://interviews.example.com"}}).links()
	cands := candidates.New(db, now)
	mailer := invitation.NewMailer(outbox, st, links, now, log)
	ivs := interviews.New(db, ts, st, now, func(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
		if err := cands.InterviewChanged(tx, before, after); err != nil {
			return err
		}
		if err := campaigns.Hook(tx, before, after); err != nil {
			return err
		}
		return mailer.Changed(tx, before, after)
	})
	rooms := room.New(db, ivs, log, now)
	sessions, err := room.NewSessions(room.SessionsConfig{Log: rooms, Interviews: ivs, Logger: log, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	h.bus = push.NewBus()
	t.Cleanup(h.bus.Close)
	h.analysis = analysis.New(analysis.Config{DB: db, Rooms: rooms, Transcriber: silence{}, Scorer: silence{},
		Push: h.bus, Logger: log, Now: now})
	if err := h.analysis.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.analysis.Close() })
	h.accounts, err = accounts.New(accounts.Config{DB: db, Outbox: outbox, BaseURL: "https://interviews.example.com", Now: now,
		MailReady: func() (bool, error) { cfg, err := st.Mail(); return cfg.Configured(), err },
		Revoked:   func(id string) { h.bus.Publish(push.Event{Type: push.Account, Data: id}) }})
	if err != nil {
		t.Fatal(err)
	}
	svc := Services{Templates: ts, Settings: st, Interviews: ivs, Rooms: rooms, Sessions: sessions, Analysis: h.analysis,
		Invitations: invitation.NewService(invitation.Config{Interviews: ivs, Settings: st, Outbox: outbox, Links: links}, log, now),
		Candidates:  cands, Campaigns: campaigns.New(campaigns.Config{DB: db, Interviews: ivs, Templates: ts, Settings: st, Now: now}),
		Accounts: h.accounts}
	withPrivacy(&svc, db, now)
	for _, f := range tune {
		f(h, &svc)
	}
	h.srv = httptest.NewServer(New(Config{PublicURL: "https://interviews.example.com", ConsoleKey: testKey}, svc, log, now))
	t.Cleanup(h.srv.Close)

	h.mux = http.NewServeMux()
	for _, e := range endpoints {
		h.mux.HandleFunc(e.method+" "+e.path, func(http.ResponseWriter, *http.Request) {})
	}
	h.schemas = compileSchemas(t)
	h.rooms = rooms
	h.ivs = ivs
	return h
}

// compileSchemas compiles each definition of the generated JSON Schema.
func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	raw, err := Contract().Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("api.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]*jsonschema.Schema{}
	for name := range doc.(map[string]any)["$defs"].(map[string]any) {
		if out[name], err = c.Compile("api.schema.json#/$defs/" + name); err != nil {
			t.Fatalf("schema of %s: %v", name, err)
		}
	}
	return out
}

// check validates JSON against the named definition.
func (h *contractHost) check(t *testing.T, what, name string, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: not JSON: %v\n%s", what, err, data)
		return
	}
	if err := h.schemas[name].Validate(v); err != nil {
		t.Errorf("%s does not fit %s: %v\n%s", what, name, err, data)
	}
}

// call sends one request with the console key, checks request and answer
// against the endpoint it hits, and returns the answer's body.
func (h *contractHost) call(t *testing.T, hit map[string]bool, method, path string, body any, wantStatus int) []byte {
	t.Helper()
	_, answer := h.callWith(t, hit, http.Header{"Authorization": {"Bearer " + testKey}}, method, path, body, wantStatus)
	return answer
}

// callWith is call with the credentials in auth (none when empty), and
// returns the answer's headers too.
func (h *contractHost) callWith(t *testing.T, hit map[string]bool, auth http.Header, method, path string, body any, wantStatus int) (http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	var raw []byte
	if body != nil {
		if b, ok := body.([]byte); ok {
			raw = b
		} else {
			raw, _ = json.Marshal(body)
		}
		rd = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, h.srv.URL+path, rd)
	_, pattern := h.mux.Handler(req)
	i := slices.IndexFunc(endpoints, func(e endpoint) bool { return e.method+" "+e.path == pattern })
	if i < 0 {
		t.Fatalf("%s %s is no endpoint of the contract", method, path)
	}
	e := endpoints[i]
	hit[pattern] = true
	what := method + " " + path
	if e.request != nil {
		h.check(t, what+" request", names[e.request], raw)
	}

	out, _ := http.NewRequest(method, h.srv.URL+path, bytes.NewReader(raw))
	for k, v := range auth {
		out.Header[k] = v
	}
	if body != nil || mutating(out) && auth.Get("Cookie") != "" {
		out.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(out)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		t.Errorf("%s: status %d, want %d: %s", what, resp.StatusCode, wantStatus, answer)
	}
	switch ct := resp.Header.Get("Content-Type"); {
	case resp.StatusCode >= 300:
		h.check(t, what+" error", "ApiErrorBody", answer)
		var a errorAnswer
		_ = json.Unmarshal(answer, &a)
		if !slices.Contains(e.errors, a.Error.Code) && !slices.Contains(commonErrors, a.Error.Code) {
			t.Errorf("%s answers error code %q, not among the endpoint's %v", what, a.Error.Code, e.errors)
		}
	case resp.StatusCode != e.status:
		t.Errorf("%s: success status %d, the contract says %d", what, resp.StatusCode, e.status)
	case e.response != nil:
		h.check(t, what, names[e.response], answer)
	case e.file != "":
		if !strings.HasPrefix(ct, e.file) {
			t.Errorf("%s: Content-Type %q, the contract says %s", what, ct, e.file)
		}
	case len(answer) > 0:
		t.Errorf("%s: an answer the contract does not have: %s", what, answer)
	}
	return resp.Header, answer
}

func TestEveryDocumentedRouteAnswersItsContract(t *testing.T) {
	h := newContractHost(t)
	box := startSMTP(t)
	hit := map[string]bool{}
	call := func(method, path string, body any, status int) []byte {
		t.Helper()
		return h.call(t, hit, method, path, body, status)
	}
	decodeID := func(raw []byte) string {
		t.Helper()
		var v struct{ ID string }
		if err := json.Unmarshal(raw, &v); err != nil || v.ID == "" {
			t.Fatalf("no id in %s", raw)
		}
		return v.ID
	}

	call("GET", "/api/health", nil, 200)
	call("GET", "/api/stream", nil, 404) // this host pushes nothing (web/stream_test.go reads a stream)
	call("GET", "/api/settings", nil, 200)
	call("PUT", "/api/settings", map[string]any{"organizer": map[string]string{"name": "Rita Recruiter", "email": "rita@example.com"}}, 200)
	call("PUT", "/api/settings", map[string]any{"organizer": map[string]string{"name": "Rita", "email": "not an address"}}, 422)

	call("GET", "/api/templates", nil, 200)
	content := templates.Content{Name: "Contract", Specialization: "Go", Description: "d", DurationMinutes: 45,
		Plan: []templates.Topic{{Title: "Experience"}}, Questions: []templates.Question{{Text: "Why?", Alternative: "How come?",
			ExpectedAnswer: "Because.", KeyPoints: []string{"cause"}, StarterCode: "package main\n", Language: templates.Go}}}
	tpl := decodeID(call("POST", "/api/templates", content, 201))
	call("GET", "/api/templates/"+tpl, nil, 200)
	call("GET", "/api/templates/nope", nil, 404)
	content.DurationMinutes = 241
	call("PUT", "/api/templates/"+tpl, content, 422)
	content.DurationMinutes = 60
	call("PUT", "/api/templates/"+tpl, content, 200)
	dup := decodeID(call("POST", "/api/templates/"+tpl+"/duplicate", nil, 201))
	file := call("GET", "/api/templates/"+dup+"/export", nil, 200)
	call("DELETE", "/api/templates/"+dup, nil, 204)
	call("POST", "/api/templates/import", file, 201)
	call("POST", "/api/templates/import", []byte(`{"format":"something else"}`), 400)

	mailHost, mailPort, _ := net.SplitHostPort(box)
	port, _ := strconv.Atoi(mailPort)
	call("GET", "/api/settings/mail", nil, 200)
	call("POST", "/api/settings/mail/test", TestMail{To: "rita@example.com"}, 409) // not set up yet
	call("PUT", "/api/settings/mail", settings.MailUpdate{Settings: mail.Settings{Host: mailHost, Port: port,
		Security: mail.NoTLS, FromName: "InterviewDesk", FromAddress: "noreply@example.com"}}, 200)
	call("POST", "/api/settings/mail/test", TestMail{To: "rita@example.com"}, 200)
	call("POST", "/api/settings/mail/test", TestMail{To: "nobody"}, 422)

	call("GET", "/api/settings/media", nil, 200)
	call("PUT", "/api/settings/media", settings.MediaServerUpdate{LiveKitURL: "ftp://lk.example.com", APIKey: "k", APISecret: "s"}, 422)
	if body := call("PUT", "/api/settings/media", settings.MediaServerUpdate{LiveKitURL: "ws://127.0.0.1:7880", APIKey: "devkey", APISecret: "s3cret-value"}, 200); strings.Contains(string(body), "s3cret-value") {
		t.Errorf("the media server settings answer carries the secret: %s", body)
	}
	call("PUT", "/api/settings/media", settings.MediaServerUpdate{}, 200)
	call("GET", "/api/settings/runner", nil, 200)
	call("POST", "/api/settings/runner/test", nil, 409) // not set up yet
	call("PUT", "/api/settings/runner", settings.CodeRunnerUpdate{URL: "ftp://runner.example.com"}, 422)
	call("PUT", "/api/settings/runner", settings.CodeRunnerUpdate{URL: startPiston(t), Token: "t0ken"}, 200)
	var offered RunnerTest
	if err := json.Unmarshal(call("POST", "/api/settings/runner/test", nil, 200), &offered); err != nil ||
		!slices.Equal(offered.Languages, []templates.Language{templates.Go, templates.Cpp}) {
		t.Errorf("runner test: %+v, %v; want go and cpp offered", offered, err)
	}
	call("PUT", "/api/settings/runner", settings.CodeRunnerUpdate{URL: closedAddress(t)}, 200)
	call("POST", "/api/settings/runner/test", nil, 503)

	call("GET", "/api/settings/analysis", nil, 200)
	engineTest := func() AnalysisEnginesTest {
		t.Helper()
		var out AnalysisEnginesTest
		if err := json.Unmarshal(call("POST", "/api/settings/analysis/test", nil, 200), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := engineTest(); !got.Transcription.OK || !got.Scoring.OK || got.Scoring.Engine != settings.Offline {
		t.Errorf("offline engines tested: %+v; want both offline and fine", got)
	}
	remote := func(url, key string) settings.EngineUpdate {
		return settings.EngineUpdate{Kind: settings.OpenAI, URL: url, Model: "test-model", Key: key}
	}
	call("PUT", "/api/settings/analysis", settings.AnalysisEnginesUpdate{Transcription: remote("ftp://speech.example.com", "")}, 422)
	openai := startOpenAI(t)
	call("PUT", "/api/settings/analysis", settings.AnalysisEnginesUpdate{Transcription: remote(openai, "sk-1"), Scoring: remote(openai, "sk-1")}, 200)
	if got := engineTest(); !got.Transcription.OK || !got.Scoring.OK || !strings.Contains(got.Scoring.Message, "test-model") {
		t.Errorf("services tested: %+v; want both to have answered", got)
	}
	call("PUT", "/api/settings/analysis", settings.AnalysisEnginesUpdate{Transcription: remote(closedAddress(t), ""),
		Scoring: settings.EngineUpdate{Kind: settings.Offline}}, 200)
	if got := engineTest(); got.Transcription.OK || !strings.Contains(got.Transcription.Message, "connection refused") || !got.Scoring.OK {
		t.Errorf("a service that is down: %+v; want its error", got)
	}

	iv := decodeID(call("POST", "/api/interviews", interviews.NewInterview{TemplateID: tpl, Position: "Backend engineer",
		CandidateName: "Olivia Diaz", CandidateEmail: "olivia@example.com", When: interviews.Later,
		StartsAt: "2026-12-01T14:30", TimeZone: "Europe/Berlin"}, 201))
	call("POST", "/api/interviews", interviews.NewInterview{TemplateID: tpl, When: interviews.Now}, 422)
	call("GET", "/api/interviews?tense=upcoming", nil, 200)
	call("GET", "/api/live-rooms", nil, 200)
	call("GET", "/api/interviews?tense=upcoming&limit=50&offset=50", nil, 200)
	call("GET", "/api/interviews?tense=upcoming&offset=next", nil, 422)
	call("GET", "/api/interviews/"+iv, nil, 200)
	callCandidateRoutes(t, call, tpl)
	call("POST", "/api/interviews/"+iv+"/reschedule", Reschedule{StartsAt: "2026-12-02T14:30"}, 200)
	call("POST", "/api/interviews/"+iv+"/interviewers", interviews.Person{Name: "Ivan", Email: "ivan@example.com"}, 201)
	call("DELETE", "/api/interviews/"+iv+"/interviewers/ivan@example.com", nil, 200)
	call("GET", "/api/interviewers", nil, 200)
	call("DELETE", "/api/interviews/"+iv+"/interviewers/rita@example.com", nil, 409)
	call("PUT", "/api/interviews/"+iv+"/tools", interviews.Tools{LiveCode: true}, 200)
	call("GET", "/api/interviews/"+iv+"/invitation?for=candidate", nil, 200)
	call("GET", "/api/interviews/"+iv+"/invitation?for=someone", nil, 422)
	call("GET", "/api/interviews/"+iv+"/ics?for=interviewer", nil, 200)
	call("POST", "/api/interviews/"+iv+"/invitations", nil, 200)

	for range 8 { // 2 invitations, 2 moves, Ivan's invitation and cancellation, 2 sent again
		select {
		case <-h.sent:
		case <-time.After(10 * time.Second):
			t.Fatal("the outbox did not deliver")
		}
	}
	var box1 invitation.Outbox
	if err := json.Unmarshal(call("GET", "/api/interviews/"+iv+"/outbox", nil, 200), &box1); err != nil || len(box1.Messages) == 0 {
		t.Fatalf("outbox: %+v %v", box1, err)
	}
	call("POST", "/api/outbox/"+box1.Messages[0].ID+"/resend", nil, 200)
	call("POST", "/api/outbox/999999/resend", nil, 404)
	callCampaignRoutes(t, call, tpl, h.srv.URL)

	rita := room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com", Name: "Rita Recruiter"}
	if _, _, err := h.rooms.Append(iv, room.Actor{Role: room.RoleCandidate, Name: "Olivia"}, room.TypeConsented,
		room.ConsentData{PersonalData: true, AIAnalysis: true, RecordingNotice: true}); err != nil {
		t.Fatal(err)
	}
	for _, ev := range []struct {
		t    room.Type
		data any
	}{{room.TypeStarted, nil}, {room.TypeTechnicalStarted, nil}, {room.TypeQuestionShown, room.QuestionData{Index: 0}},
		{room.TypeNoteSaved, room.NoteData{Text: "Clear answers."}},
		{room.TypeCodeChanged, room.CodeChangeData{Doc: "main", Updates: []room.CodeUpdate{{ClientID: "r",
			Changes: json.RawMessage(`[[0,"print(1)"]]`)}}}}} {
		if _, _, err := h.rooms.Append(iv, rita, ev.t, ev.data); err != nil {
			t.Fatalf("room event %s: %v", ev.t, err)
		}
	}
	var tl Timeline
	if err := json.Unmarshal(call("GET", "/api/interviews/"+iv+"/timeline", nil, 200), &tl); err != nil || len(tl.Rows) < 4 {
		t.Errorf("timeline rows: %d, %v; want the events' rows to check", len(tl.Rows), err)
	}
	var rec workspace.Recording
	if err := json.Unmarshal(call("GET", "/api/interviews/"+iv+"/playback", nil, 200), &rec); err != nil ||
		rec.Docs[0].Final != "print(1)" || len(rec.Docs[0].Steps) != 1 {
		t.Errorf("playback: %+v, %v", rec, err)
	}
	call("GET", "/api/interviews/unknown/playback", nil, 404)
	call("GET", "/api/interviews/"+iv+"/presence", nil, 200)
	call("GET", "/api/interviews/"+iv+"/recordings", nil, 200)
	call("GET", "/api/interviews/"+iv+"/recordings/camera.webm", nil, 404) // this host has no media

	call("DELETE", "/api/interviews/"+iv, nil, 200)
	call("DELETE", "/api/interviews/"+iv, nil, 409)
	call("POST", "/api/interviews/"+iv+"/restore", nil, 200)

	call("POST", "/api/interviews/"+iv+"/analysis", nil, 409) // still going on
	call("GET", "/api/interviews/"+iv+"/report", nil, 409)
	call("GET", "/api/interviews/"+iv+"/report.pdf", nil, 409)
	call("GET", "/api/interviews/"+iv+"/analysis", nil, 404)
	if _, _, err := h.rooms.Append(iv, rita, room.TypeEnded, nil); err != nil {
		t.Fatal(err)
	}
	sub := h.bus.Subscribe()
	call("POST", "/api/interviews/"+iv+"/analysis", nil, 202)
	for done := false; !done; {
		select {
		case <-sub.Events():
			a, err := h.analysis.Get(iv)
			done = err == nil && a.Status != analysis.StatusQueued && a.Status != analysis.StatusRunning
		case <-time.After(10 * time.Second):
			t.Fatal("the analysis did not finish")
		}
	}
	var a analysis.Analysis
	if err := json.Unmarshal(call("GET", "/api/interviews/"+iv+"/analysis", nil, 200), &a); err != nil ||
		a.Status != analysis.StatusDone || len(a.Answers) != 1 {
		t.Errorf("analysis: %+v, %v", a, err)
	}
	call("PUT", "/api/interviews/"+iv+"/analysis/answers/1/override", Override{Score: 4, Reason: "good follow-up"}, 200)
	call("PUT", "/api/interviews/"+iv+"/analysis/answers/9/override", Override{Score: 4}, 400)
	call("PUT", "/api/interviews/"+iv+"/analysis/answers/1/override", Override{Score: 6}, 400)
	call("GET", "/api/interviews/"+iv+"/recording", nil, 404) // no media on this host
	call("GET", "/api/interviews/"+iv+"/recording/grid", nil, 404)
	call("GET", "/api/interviews/"+iv+"/recording/mosaic", nil, 400)
	call("POST", "/api/interviews/"+iv+"/recording/grid", nil, 404)
	call("POST", "/api/interviews/"+iv+"/recording/mosaic", nil, 400)
	var ov Overview
	if err := json.Unmarshal(call("GET", "/api/overview", nil, 200), &ov); err != nil || len(ov.Rows) != 1 ||
		ov.Rows[0].Analysis == nil || ov.Rows[0].Analysis.Status != analysis.StatusDone {
		t.Errorf("overview: %+v, %v", ov, err)
	}

	var rep report.Report
	if err := json.Unmarshal(call("GET", "/api/interviews/"+iv+"/report", nil, 200), &rep); err != nil ||
		rep.Score.AI == nil || *rep.Score.AI != 4 || rep.Questions[0].AI.Override.Reason != "good follow-up" ||
		len(rep.Notes) != 1 || rep.Notes[0].Text != "Clear answers." {
		t.Errorf("report: %+v, %v", rep, err)
	}
	call("GET", "/api/interviews/unknown/report", nil, 404)
	if page := call("GET", "/api/interviews/"+iv+"/report.html", nil, 200); !bytes.Contains(page, []byte("Olivia Diaz")) {
		t.Errorf("the HTML report does not name the candidate: %.200s", page)
	}
	if pdf := call("GET", "/api/interviews/"+iv+"/report.pdf", nil, 200); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("the PDF report starts %q", pdf[:min(len(pdf), 8)])
	}
	call("DELETE", "/api/interviews/"+iv+"/results-links", nil, 200)
	call("DELETE", "/api/interviews/unknown/results-links", nil, 404)
	checkAttachment(t, h.srv.URL+"/api/interviews/"+iv+"/report.html", "Report – Olivia Diaz – 2026-11-24.html") // the day it took place
	callPrivacyRoutes(t, call, tpl, iv)

	callAccounts(t, h, hit)

	for _, e := range endpoints {
		if !hit[e.method+" "+e.path] {
			t.Errorf("%s %s was not called", e.method, e.path)
		}
	}
}

// checkAttachment fetches url and checks it comes as an attachment named name.
func checkAttachment(t *testing.T, url, name string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	kind, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
	if err != nil || kind != "attachment" || params["filename"] != name {
		t.Errorf("Content-Disposition %q: %s %q (%v), want an attachment %q", resp.Header.Get("Content-Disposition"),
			kind, params["filename"], err, name)
	}
}

// TestContractListsTheDocumentedRoutes: docs/api.md and the table name the
// same routes (path parameters may be named differently).
func TestContractListsTheDocumentedRoutes(t *testing.T) {
	doc, err := os.ReadFile("../../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`\{[^}]*\}`)
	route := regexp.MustCompile("(?m)^\\| `(GET|POST|PUT|DELETE|PATCH) (/api/[^`?\\s]*)")
	documented := map[string]bool{}
	for _, m := range route.FindAllStringSubmatch(string(doc), -1) {
		documented[m[1]+" "+param.ReplaceAllString(m[2], "{}")] = true
	}
	inTable := map[string]bool{}
	for _, e := range endpoints {
		key := e.method + " " + param.ReplaceAllString(e.path, "{}")
		inTable[key] = true
		if !documented[key] {
			t.Errorf("%s %s is in contract.go but not in docs/api.md", e.method, e.path)
		}
	}
	for key := range documented {
		if !inTable[key] {
			t.Errorf("%s is in docs/api.md but not in contract.go", key)
		}
	}
}

// startPiston answers Piston's runtime list on loopback, as a code runner
// would (internal/runner tests the rest of its API).
func startPiston(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v2/runtimes" || r.Header.Get("Authorization") != "Bearer t0ken" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `[{"language":"go","version":"1.16.2","aliases":["golang"]},
			{"language":"c++","version":"10.2.0","aliases":["cpp","g++"],"runtime":"gcc"}]`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// startOpenAI speaks just enough of the OpenAI API on loopback for the
// engines' tests: a transcription and a chat reply, both fixed (no model
// runs here; internal/transcribe and internal/score test the clients).
func startOpenAI(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer sk-1" {
			http.Error(w, `{"error":{"message":"bad key"}}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/v1/audio/transcriptions":
			_, _ = io.WriteString(w, `{"text":"","segments":[]}`)
		case "/v1/chat/completions":
			_, _ = io.WriteString(w, `{"choices":[{"message":{"role":"assistant","content":"{\"ok\": true}"}}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// closedAddress is an http URL on loopback where nothing listens.
func closedAddress(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return "http://" + addr
}

// startSMTP runs an SMTP server on loopback that accepts every message.
func startSMTP(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return acceptAll{}, nil }))
	srv.Domain = "mx.test"
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}

type acceptAll struct{}

func (acceptAll) Mail(string, *smtp.MailOptions) error { return nil }
func (acceptAll) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (acceptAll) Data(r io.Reader) error               { _, err := io.Copy(io.Discard, r); return err }
func (acceptAll) Reset()                               {}
func (acceptAll) Logout() error                        { return nil }

// silence stands in for the analysis engines (internal/transcribe and
// internal/score test the real ones): it hears nothing and scores nothing.
type silence struct{}

func (silence) Name() string    { return "none" }
func (silence) Quality() string { return "none" }
func (silence) Transcribe(context.Context, analysis.Track) (analysis.Heard, error) {
	return analysis.Heard{}, nil
}
func (silence) Score(context.Context, analysis.Question, string) (analysis.Scored, error) {
	return analysis.Scored{}, nil
}
