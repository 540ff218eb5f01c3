package web

import (
	"net/http"
	"strings"
	"testing"
)

// Every candidates route asks for the console sign-in, like the others.
func TestCandidateRoutesRequireTheKey(t *testing.T) {
	f := setup(t)
	n := 0
	for _, e := range endpoints {
		if !strings.HasPrefix(e.path, "/api/candidates") && !strings.HasPrefix(e.path, "/api/pipeline") {
			continue
		}
		n++
		req, _ := http.NewRequest(e.method, f.srv.URL+strings.ReplaceAll(e.path, "{id}", "olivia@example.com"), strings.NewReader(`{}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := send(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s %s without the key = %d, want 401", e.method, e.path, resp.StatusCode)
		}
	}
	if n != 8 {
		t.Errorf("%d candidates routes checked, want 8", n)
	}
}
