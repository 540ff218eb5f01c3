package app

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// onThread stands in for GTK's main thread: it notes that f ran there. The
// real one needs a running GTK main loop; the desktop smoke test covers it.
type onThread struct{ inside, calls int }

func (o *onThread) run(f func()) {
	o.calls++
	o.inside++
	defer func() { o.inside-- }()
	f()
}

// startLog is the writer under the webview: it notes where each call ran.
type startLog struct {
	*httptest.ResponseRecorder
	thread *onThread
	calls  []string
}

func (l *startLog) WriteHeader(code int) {
	l.calls = append(l.calls, fmt.Sprintf("WriteHeader(%d) on main=%v", code, l.thread.inside > 0))
	l.ResponseRecorder.WriteHeader(code)
}

func (l *startLog) Write(b []byte) (int, error) {
	l.calls = append(l.calls, fmt.Sprintf("Write on main=%v", l.thread.inside > 0))
	return l.ResponseRecorder.Write(b)
}

// Each response's start reaches the webview's writer once, through the main
// thread, however the handler starts it; its body is written off that thread.
func TestAResponsesStartRunsOnTheMainThread(t *testing.T) {
	cases := []struct {
		name     string
		handler  http.HandlerFunc
		status   int
		typ      string
		wantLogs []string
	}{
		{"a body without a status or type", func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte("<!doctype html><p>console"))
			_, _ = w.Write([]byte("</p>"))
		}, 200, "text/html; charset=utf-8",
			[]string{"WriteHeader(200) on main=true", "Write on main=false", "Write on main=false"}},
		{"a status, then a body", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.WriteHeader(http.StatusOK) // ignored, as net/http would
			_, _ = w.Write([]byte(`{"error":"not found"}`))
		}, 404, "application/json",
			[]string{"WriteHeader(404) on main=true", "Write on main=false"}},
		{"nothing written", func(http.ResponseWriter, *http.Request) {}, 200, "",
			[]string{"WriteHeader(200) on main=true"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			thread := &onThread{}
			w := &startLog{ResponseRecorder: httptest.NewRecorder(), thread: thread}
			startsOn(thread.run, c.handler).ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
			if got := strings.Join(w.calls, "; "); got != strings.Join(c.wantLogs, "; ") {
				t.Errorf("calls = %s\nwant    %s", got, strings.Join(c.wantLogs, "; "))
			}
			if thread.calls != 1 {
				t.Errorf("the main thread ran %d calls, want 1 (the start)", thread.calls)
			}
			if w.Code != c.status || w.Header().Get("Content-Type") != c.typ {
				t.Errorf("answered %d %q, want %d %q", w.Code, w.Header().Get("Content-Type"), c.status, c.typ)
			}
		})
	}
}

// A flush or a hijack reaches the writer underneath.
func TestTheStartWriterUnwraps(t *testing.T) {
	rec := httptest.NewRecorder()
	startsOn(func(f func()) { f() }, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if err := http.NewResponseController(w).Flush(); err != nil {
			t.Errorf("flush through the start writer: %v", err)
		}
	})).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !rec.Flushed {
		t.Error("the writer underneath was not flushed")
	}
}
