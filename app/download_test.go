package app

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A download is written whole to the chosen file, or not at all, with the
// host's own words when it refuses. The handler here stands in for the
// host's console API (its routes have their own tests in internal/web).
func TestSaveFromWritesTheAnswerOrSaysWhyNot(t *testing.T) {
	dir := t.TempDir()
	video := filepath.Join(dir, "interview.webm")
	if err := os.WriteFile(video, []byte(strings.Repeat("webm", 50_000)), 0o600); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/interviews/iv1/recording", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, video) })
	mux.HandleFunc("GET /api/interviews/iv1/report.pdf", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		_, _ = w.Write([]byte(`{"error":{"code":"conflict","message":"the interview has not ended"}}`))
	})
	dest := filepath.Join(dir, "Recording – Olivia Diaz.webm")
	if err := saveFrom(t.Context(), mux, "/api/interviews/iv1/recording", dest); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(dest); err != nil || len(got) != 200_000 {
		t.Errorf("saved %d bytes, %v; want 200000", len(got), err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	err := saveFrom(t.Context(), mux, "/api/interviews/iv1/report.pdf", pdf)
	if err == nil || !strings.Contains(err.Error(), "the interview has not ended") {
		t.Errorf("refused download: %v, want the host's message", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 2 {
		t.Errorf("files left: %v, want the video and the saved copy only", left)
	}
}

func TestDownloadURIKeepsToTheConsolesDownloads(t *testing.T) {
	for path, ok := range map[string]bool{
		"/api/interviews/iv1/report.pdf":         true,
		"/api/interviews/iv1/recording/grid?x=1": true,
		"/api/settings":                          false,
		"/api/interviews/../settings":            false,
		"https://example.com/api/interviews/x":   false,
		"//example.com/api/interviews/x":         false,
	} {
		if _, err := downloadURI(path); (err == nil) != ok {
			t.Errorf("downloadURI(%q) = %v, want ok %v", path, err, ok)
		}
	}
}
