package runner

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

var discard = slog.New(slog.DiscardHandler)

func TestRuntimesAreListedMappedAndCached(t *testing.T) {
	f := newFakePiston(t)
	clock := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	c := f.client(t, Config{Now: func() time.Time { return clock }})
	rts, err := c.Runtimes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rts) != len(pistonRuntimes) || rts[2].Language != "c++" || rts[2].Runtime != "gcc" {
		t.Errorf("runtimes = %+v, want the runner's list", rts)
	}
	if got, want := strings.Join(Offered(rts), ","), "go,python,javascript,cpp,sql"; got != want {
		t.Errorf("Offered = %s, want %s (no TypeScript or Java on this runner)", got, want)
	}
	clock = clock.Add(CacheFor - time.Second)
	if _, err := c.Runtimes(context.Background()); err != nil || f.calls() != 1 {
		t.Errorf("within CacheFor: %d requests (%v), want the cached answer", f.calls(), err)
	}
	clock = clock.Add(time.Second)
	if _, err := c.Runtimes(context.Background()); err != nil || f.calls() != 2 {
		t.Errorf("after CacheFor: %d requests (%v), want a fresh list", f.calls(), err)
	}
}

func TestRunOK(t *testing.T) {
	f := newFakePiston(t)
	f.program = func(executeRequest) map[string]any {
		return map[string]any{"run": exited(0, "hello, 7\n", "")}
	}
	code := "package main\n\nfunc main() { println(\"hello\") }\n"
	res, err := f.client(t, Config{}).Run(context.Background(), Request{Language: "go", Code: code, Stdin: "7"})
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Status: StatusOK, Stdout: "hello, 7\n", Duration: 42 * time.Millisecond, TimeLimit: DefaultTimeout,
		Language: "go", Version: "1.16.2"}
	if res != want {
		t.Errorf("result = %+v\nwant     %+v", res, want)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d execute requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Language != "go" || r.Version != "*" || len(r.Files) != 1 || r.Files[0].Name != "main.go" || r.Files[0].Content != code ||
		r.Stdin != "7" || r.RunTimeout != 10_000 || r.CompileTimeout != 10_000 {
		t.Errorf("request = %+v", r)
	}
}

func TestRunEndings(t *testing.T) {
	tests := []struct {
		name    string
		lang    string
		answer  map[string]any
		want    Result
		sentAs  string
		timeout time.Duration
	}{
		{"non-zero exit", "python", map[string]any{"run": map[string]any{"stdout": "", "stderr": "ZeroDivisionError\n",
			"output": "ZeroDivisionError\n", "code": 1, "signal": nil, "status": "RE", "message": "Exited with error status 1", "wall_time": 31}},
			Result{Status: StatusError, Stderr: "ZeroDivisionError\n", ExitCode: 1, Message: "Exited with error status 1"}, "python", 0},
		{"timeout", "go", map[string]any{"compile": exited(0, "", ""), "run": map[string]any{"stdout": "tick\n", "stderr": "",
			"output": "tick\n", "code": nil, "signal": "SIGKILL", "status": "TO", "message": "Time limit exceeded", "wall_time": 2000}},
			Result{Status: StatusTimeout, Stdout: "tick\n", ExitCode: -1, Signal: "SIGKILL", Message: "Time limit exceeded"}, "go", 2 * time.Second},
		{"timeout on a Piston without statuses", "javascript", map[string]any{"run": map[string]any{"stdout": "", "stderr": "",
			"output": "", "code": nil, "signal": "SIGKILL"}},
			Result{Status: StatusTimeout, ExitCode: -1, Signal: "SIGKILL"}, "javascript", 0},
		{"killed by another signal", "cpp", map[string]any{"compile": exited(0, "", ""), "run": map[string]any{"stdout": "", "stderr": "",
			"output": "", "code": nil, "signal": "SIGSEGV", "status": "SG", "message": "Caught fatal signal 11"}},
			Result{Status: StatusError, ExitCode: -1, Signal: "SIGSEGV", Message: "Caught fatal signal 11"}, "c++", 0},
		{"compile error", "cpp", func() map[string]any {
			compile := exited(1, "", "main.cpp:1:1: error: 'x' does not name a type\n")
			return map[string]any{"compile": compile, "run": compile} // Piston repeats a failed compile as the run
		}(), Result{Status: StatusCompileError, ExitCode: 1, CompileOutput: "main.cpp:1:1: error: 'x' does not name a type\n"}, "c++", 0},
		{"sql", "sql", map[string]any{"run": exited(0, "1\n", "")}, Result{Status: StatusOK, Stdout: "1\n"}, "sqlite3", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakePiston(t)
			f.program = func(executeRequest) map[string]any { return tc.answer }
			res, err := f.client(t, Config{}).Run(context.Background(), Request{Language: tc.lang, Code: "x", Timeout: tc.timeout})
			if err != nil {
				t.Fatal(err)
			}
			res.Duration, res.Language, res.Version, res.TimeLimit = 0, "", "", 0
			if res != tc.want {
				t.Errorf("result = %+v\nwant     %+v", res, tc.want)
			}
			if got := f.requests()[0]; got.Language != tc.sentAs {
				t.Errorf("sent language %q, want Piston's %q", got.Language, tc.sentAs)
			}
		})
	}
}

func TestRunLowersATimeLimitTheRunnerRefuses(t *testing.T) {
	f := newFakePiston(t)
	f.runLimit = 3000 // Piston's default PISTON_RUN_TIMEOUT
	f.program = func(executeRequest) map[string]any { return map[string]any{"run": exited(0, "ok\n", "")} }
	res, err := f.client(t, Config{}).Run(context.Background(), Request{Language: "python", Code: "print('ok')", Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 2 || reqs[0].RunTimeout != 20_000 || reqs[1].RunTimeout != 3000 {
		t.Fatalf("requests' run_timeout: %+v, want 20000 then the runner's 3000", reqs)
	}
	if res.Status != StatusOK || res.TimeLimit != 3*time.Second {
		t.Errorf("result %+v, want ok with TimeLimit 3s", res)
	}
}

func TestRunCapsOutput(t *testing.T) {
	tests := []struct {
		name                   string
		stdout, stderr, status string
		wantStdout, wantStderr int
	}{
		{"long stdout keeps the short stderr", strings.Repeat("x", 100<<10), "panic: boom\n", "", MaxOutput - 12, 12},
		{"both long: half each", strings.Repeat("o", 100<<10), strings.Repeat("e", 100<<10), "", MaxOutput / 2, MaxOutput / 2},
		{"multi-byte text is cut between characters", strings.Repeat("ж", 40<<10), "", "", MaxOutput, 0},
		{"the runner's own cut counts", "short", "", "OL", 5, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakePiston(t)
			f.program = func(executeRequest) map[string]any {
				st := exited(0, tc.stdout, tc.stderr)
				if tc.status != "" {
					st["status"], st["code"], st["signal"] = tc.status, nil, "SIGKILL"
				}
				return map[string]any{"run": st}
			}
			res, err := f.client(t, Config{}).Run(context.Background(), Request{Language: "python", Code: "spam()"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Stdout) != tc.wantStdout || len(res.Stderr) != tc.wantStderr || !res.Truncated {
				t.Errorf("stdout %d bytes, stderr %d, truncated %v; want %d, %d, true",
					len(res.Stdout), len(res.Stderr), res.Truncated, tc.wantStdout, tc.wantStderr)
			}
			if !utf8.ValidString(res.Stdout) || !strings.HasPrefix(tc.stderr, res.Stderr) {
				t.Error("cut output is not valid UTF-8 or not the output's start")
			}
		})
	}
}

func TestRunFailuresSayWhatToCheck(t *testing.T) {
	f := newFakePiston(t)
	f.token = "s3cret"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	_ = ln.Close()
	notPiston := newFakePiston(t)
	tests := []struct {
		name     string
		cfg      Config
		lang     string
		sentinel error
		kind     fault.Kind
		says     []string
	}{
		{"unreachable", Config{URL: closed}, "go", ErrUnreachable, fault.Unavailable,
			[]string{"The code runner at " + closed + " did not answer: ", "connection refused", "check Settings → Code runner"}},
		{"wrong token", Config{Token: "wrong"}, "go", ErrRefused, fault.Unavailable, []string{"401", "invalid token", "Check the token"}},
		{"no runtime", Config{Token: "s3cret"}, "java", ErrNoRuntime, fault.Unavailable, []string{"cannot run Java", "java-* runtime is unknown"}},
		{"not a language", Config{Token: "s3cret"}, "plaintext", ErrUnknownLanguage, fault.Invalid, []string{`"plaintext"`}},
		{"not Piston", Config{URL: notPiston.srv.URL + "/other"}, "go", ErrBadAnswer, fault.Unavailable, []string{"no Piston API at", "/other/api/v2 (404)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.client(t, tc.cfg).Run(context.Background(), Request{Language: tc.lang, Code: "x"})
			if !errors.Is(err, tc.sentinel) || fault.KindOf(err) != tc.kind {
				t.Fatalf("error = %v (kind %v), want %v of kind %v", err, fault.KindOf(err), tc.sentinel, tc.kind)
			}
			msg, _ := fault.Message(err)
			for _, s := range tc.says {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q does not say %q", msg, s)
				}
			}
		})
	}
	if _, err := f.client(t, Config{URL: closed}).Runtimes(context.Background()); !errors.Is(err, ErrUnreachable) {
		t.Errorf("Runtimes from a closed port: %v, want ErrUnreachable", err)
	}
	if _, err := f.client(t, Config{Token: "s3cret"}).Runtimes(context.Background()); err != nil {
		t.Errorf("Runtimes with the right token: %v", err)
	}
}

func TestStoppingARunEndsItsRequest(t *testing.T) {
	f := newFakePiston(t)
	f.block = make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := f.client(t, Config{}).Run(ctx, Request{Language: "go", Code: "for {}"})
		done <- err
	}()
	<-f.block // the runner has the request
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

func TestAddresses(t *testing.T) {
	tests := []struct {
		in, want string // want "" means refused
		says     string
	}{
		{" http://localhost:2000/ ", "http://localhost:2000", ""},
		{"https://runner.example.com/piston/api/v2/", "https://runner.example.com/piston", ""},
		{"http://[::1]:2000", "http://[::1]:2000", ""},
		{"ftp://runner.example.com", "", "http:// or https://"},
		{"localhost:2000", "", "http:// or https://"},
		{"http://", "", "http:// or https://"},
		{"http://user:pw@runner.example.com", "", "token"},
		{"http://runner.example.com/?key=1", "", "?query"},
		{"http://runner.example.com/" + strings.Repeat("a", MaxURL), "", "at most 2000"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := CheckURL(tc.in)
			if tc.want != "" {
				if err != nil || got != tc.want {
					t.Errorf("CheckURL = %q, %v; want %q", got, err, tc.want)
				}
				return
			}
			msg, _ := fault.Message(err)
			if !errors.Is(err, ErrBadURL) || fault.KindOf(err) != fault.Invalid || !strings.Contains(msg, tc.says) {
				t.Errorf("CheckURL error = %v, want ErrBadURL saying %q", err, tc.says)
			}
			if _, err := New(Config{URL: tc.in}, discard); !errors.Is(err, ErrBadURL) {
				t.Errorf("New accepted %q: %v", tc.in, err)
			}
		})
	}
	if _, err := New(Config{URL: "  "}, discard); !errors.Is(err, ErrNotConfigured) || fault.KindOf(err) != fault.Conflict {
		t.Errorf("New without an address: %v, want ErrNotConfigured", err)
	}
}
