package runner

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fakePiston serves Piston's API v2 on loopback. Piston itself cannot run
// here (it needs Docker and isolate's cgroups, and downloads its language
// packages), so the fake checks requests the way Piston's api/src/api/v2.js
// does (JSON only, language, version and files required, a timeout above the
// configured limit refused with Piston's message, unknown runtimes refused)
// and answers what each test scripts for the program.
type fakePiston struct {
	srv      *httptest.Server
	runtimes []Runtime
	// runLimit is the configured run_timeout limit in ms; 0 means none.
	runLimit int64
	// token, when set, is required as a bearer token.
	token string
	// program answers a valid execute request with Piston's body.
	program func(executeRequest) map[string]any
	// block, when set, holds execute requests until the client gives up;
	// each request first sends to it.
	block chan struct{}

	mu           sync.Mutex
	executes     []executeRequest
	runtimeCalls int
}

var pistonRuntimes = []Runtime{
	{Language: "go", Version: "1.16.2", Aliases: []string{"go", "golang"}},
	{Language: "python", Version: "3.10.0", Aliases: []string{"py", "py3", "python3", "python3.10"}},
	{Language: "c++", Version: "10.2.0", Aliases: []string{"cpp", "g++"}, Runtime: "gcc"},
	{Language: "javascript", Version: "18.15.0", Aliases: []string{"node-javascript", "node-js", "javascript", "js"}, Runtime: "node"},
	{Language: "sqlite3", Version: "3.36.0", Aliases: []string{"sqlite", "sql"}},
}

func newFakePiston(t *testing.T) *fakePiston {
	t.Helper()
	f := &fakePiston{runtimes: pistonRuntimes}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v2/runtimes", f.listRuntimes)
	mux.HandleFunc("POST /api/v2/execute", f.execute)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakePiston) client(t *testing.T, cfg Config) *Client {
	t.Helper()
	if cfg.URL == "" {
		cfg.URL = f.srv.URL
	}
	c, err := New(cfg, discard)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fakePiston) authorized(w http.ResponseWriter, r *http.Request) bool {
	if f.token != "" && r.Header.Get("Authorization") != "Bearer "+f.token {
		answerJSON(w, http.StatusUnauthorized, map[string]string{"message": "invalid token"})
		return false
	}
	return true
}

func (f *fakePiston) listRuntimes(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(w, r) {
		return
	}
	f.mu.Lock()
	f.runtimeCalls++
	f.mu.Unlock()
	answerJSON(w, http.StatusOK, f.runtimes)
}

func (f *fakePiston) execute(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(w, r) {
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		answerJSON(w, http.StatusUnsupportedMediaType, map[string]string{"message": "requests must be of type application/json"})
		return
	}
	var req executeRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		answerJSON(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
		return
	}
	f.mu.Lock()
	f.executes = append(f.executes, req)
	f.mu.Unlock()
	if msg := f.refuse(req); msg != "" {
		answerJSON(w, http.StatusBadRequest, map[string]string{"message": msg})
		return
	}
	if f.block != nil {
		f.block <- struct{}{}
		<-r.Context().Done()
		return
	}
	body := f.program(req)
	body["language"], body["version"] = f.runtimeFor(req.Language).Language, f.runtimeFor(req.Language).Version
	answerJSON(w, http.StatusOK, body)
}

// refuse is Piston's get_job check, with its messages.
func (f *fakePiston) refuse(req executeRequest) string {
	switch {
	case req.Language == "":
		return "language is required as a string"
	case req.Version == "":
		return "version is required as a string"
	case req.Files == nil:
		return "files is required as an array"
	case f.runtimeFor(req.Language).Language == "":
		return fmt.Sprintf("%s-%s runtime is unknown", req.Language, req.Version)
	case f.runLimit > 0 && req.RunTimeout > f.runLimit:
		return fmt.Sprintf("run_timeout cannot exceed the configured limit of %d", f.runLimit)
	}
	return ""
}

func (f *fakePiston) runtimeFor(name string) Runtime {
	for _, rt := range f.runtimes {
		if rt.Language == name || slices.Contains(rt.Aliases, name) {
			return rt
		}
	}
	return Runtime{}
}

func (f *fakePiston) requests() []executeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.executes)
}

func (f *fakePiston) calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.runtimeCalls
}

func answerJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// exited is a stage that ended with code; output is stdout then stderr.
func exited(code int, stdout, stderr string) map[string]any {
	return map[string]any{"stdout": stdout, "stderr": stderr, "output": stdout + stderr, "code": code,
		"signal": nil, "message": nil, "status": nil, "wall_time": 42.0}
}
