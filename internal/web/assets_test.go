package web

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Built files with a content hash are cached for good; the code-run workers
// may load only the host's assets (no API, no other host); the console page
// runs its own scripts only.
func TestAssetHeaders(t *testing.T) {
	r := httptest.NewRequest("GET", "http://127.0.0.1:8080/assets/x", nil)
	cases := []struct {
		name, cache, csp string
	}{
		{"index.html", "no-cache", "script-src 'self';"},
		{"assets/room-bi0fZFFF.js", "immutable", ""},
		{"assets/runtime/pyodide-314.0.8/python_stdlib.zip", "immutable", ""},
		{"assets/python.worker-Ab12Cd34.js", "immutable", "connect-src http://127.0.0.1:8080/assets/"},
		{"excalidraw/fonts/Virgil/Virgil-Regular.woff2", "max-age=86400", ""},
		{"board-test.html", "", ""},
	}
	for _, c := range cases {
		h := http.Header{}
		assetHeaders(h, r, c.name)
		if got := h.Get("Cache-Control"); c.cache == "" && got != "" || !strings.Contains(got, c.cache) {
			t.Errorf("%s: Cache-Control %q, want %q", c.name, got, c.cache)
		}
		if got := h.Get("Content-Security-Policy"); c.csp == "" && got != "" || !strings.Contains(got, c.csp) ||
			(strings.HasPrefix(c.csp, "connect-src") && !strings.Contains(got, "default-src 'none'")) {
			t.Errorf("%s: CSP %q, want %q", c.name, got, c.csp)
		}
	}
}

// The console page has the browser start its first screen's requests with
// the page itself (Link: rel=preload), and each of them is a GET the console
// API answers, so the preload is used rather than wasted.
func TestConsolePagePreloadsTheFirstScreen(t *testing.T) {
	f := setup(t)
	s := New(Config{PublicURL: "http://127.0.0.1", ConsoleKey: testKey,
		Console: fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>console</title>")}}}, f.svc, slog.New(slog.DiscardHandler), time.Now)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	resp, err := send(mustRequest(t, "GET", srv.URL+"/"))
	if err != nil {
		t.Fatal(err)
	}
	link := resp.Header.Get("Link")
	for _, p := range firstScreenPreloads {
		if !strings.Contains(link, "<"+p+">; rel=preload; as=fetch; crossorigin=anonymous") {
			t.Errorf("Link %q does not preload %s", link, p)
		}
		if code := f.call(t, "GET", p, "", nil); code != http.StatusOK {
			t.Errorf("GET %s = %d: the preloaded request is not one the console API answers", p, code)
		}
	}
	if resp, _ := send(mustRequest(t, "GET", srv.URL+"/assets/missing-Ab12Cd34.js")); resp.Header.Get("Link") != "" {
		t.Error("a file other than the console page carries the preload links")
	}
}

func mustRequest(t *testing.T, method, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
