package web

import (
	"strings"
	"testing"
)

// The desktop app's console (on the webview's own origin) frames the
// interviewer room at the host's public address, and nothing else.
func TestTheConsoleMayFrameOnlyTheHostsRooms(t *testing.T) {
	tests := []struct {
		publicURL, want string
	}{
		{"http://127.0.0.1:7480", "frame-src 'self' http://127.0.0.1:7480;"},
		{"https://interviews.example.com/", "frame-src 'self' https://interviews.example.com;"},
		{"https://interviews.example.com/team/", "frame-src 'self' https://interviews.example.com;"},
		{"ftp://files.example.com", "frame-src 'self';"},
		{"", "frame-src 'self';"},
	}
	for _, tc := range tests {
		csp := framingRooms(consolePolicy, tc.publicURL)
		if !strings.Contains(csp, tc.want) || strings.Count(csp, "frame-src") != 1 || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("public URL %q: policy %q, want %q and the rest unchanged", tc.publicURL, csp, tc.want)
		}
	}
}
