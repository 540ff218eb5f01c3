package app

import (
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// A damaged data file does not crash the desktop app: the window says what
// happened to which file and what to do, and the file stays as it was.
func TestADamagedDataFileIsExplainedInTheWindow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, host.StoreFile)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := startHost(Config{DataDir: dir, Listen: "127.0.0.1:0"}, slog.New(slog.DiscardHandler))
	if err == nil {
		_ = h.Close()
		t.Fatal("the host started on an empty (0-byte) data file")
	}
	if !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("err = %v, want store.ErrDamaged", err)
	}
	rec := httptest.NewRecorder()
	problemPage(err).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{path, "is damaged", "backup", "will not overwrite"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the window does not say %q:\n%s", want, body)
		}
	}
	if info, err := os.Stat(path); err != nil || info.Size() != 0 {
		t.Errorf("the data file after the attempt: %v, %v", info, err)
	}
}
