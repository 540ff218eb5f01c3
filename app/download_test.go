package app

import (
	"mime"
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

// A link that names no file takes the host's name for it: the dialog offers
// what a browser would have saved, and a name with folders in it never
// leaves the chosen folder.
func TestFetchTakesTheHostsFileName(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/interviews/iv1/report.pdf", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "Report – Olivia Diaz – 2026-12-01.pdf"}))
		_, _ = w.Write([]byte("%PDF-1.7"))
	})
	mux.HandleFunc("GET /api/interviews/iv2/report.pdf", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Disposition", `attachment; filename="../../outside.pdf"`)
		_, _ = w.Write([]byte("%PDF-1.7"))
	})
	mux.HandleFunc("GET /api/interviews/iv3/recording", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("webm")) })
	for uri, want := range map[string]string{
		"/api/interviews/iv1/report.pdf": "Report – Olivia Diaz – 2026-12-01.pdf",
		"/api/interviews/iv2/report.pdf": "outside.pdf",
		"/api/interviews/iv3/recording":  "recording",
	} {
		tmp, name, err := fetch(t.Context(), mux, uri, t.TempDir(), filepath.Base(uri))
		if err != nil {
			t.Fatal(err)
		}
		if name != want {
			t.Errorf("%s: name %q, want %q", uri, name, want)
		}
		dest := filepath.Join(t.TempDir(), name)
		if err := move(tmp, dest); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(tmp); !os.IsNotExist(err) {
			t.Errorf("%s: part file %s left behind (%v)", uri, tmp, err)
		}
		if got, err := os.ReadFile(dest); err != nil || len(got) == 0 {
			t.Errorf("%s: saved %q, %v", uri, got, err)
		}
	}
}
