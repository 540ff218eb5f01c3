package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
