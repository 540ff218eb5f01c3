package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/host"
)

// impostor listens where a crashed host's host.json points and answers like
// a host would; it keeps everything it is sent.
type impostor struct {
	srv  *httptest.Server
	mu   sync.Mutex
	seen []string
}

func startImpostor(t *testing.T) *impostor {
	t.Helper()
	im := &impostor{}
	im.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		im.mu.Lock()
		im.seen = append(im.seen, r.Method+" "+r.URL.String()+" "+r.Header.Get("Authorization")+" "+
			r.Header.Get("Cookie")+" "+string(body))
		im.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"proof":"AAAA","version":"dev","dataDir":"x","publicUrl":"x","interviews":[]}`)
	}))
	t.Cleanup(im.srv.Close)
	return im
}

func (im *impostor) heard(secret string) bool {
	im.mu.Lock()
	defer im.mu.Unlock()
	for _, s := range im.seen {
		if strings.Contains(s, secret) {
			return true
		}
	}
	return false
}

// deadPID is the process ID of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// After a crash, host.json may point at an address someone else listens on
// now; the CLI must never hand that listener the console key, and still
// works by opening the data folder itself.
func TestTheConsoleKeyGoesOnlyToTheRealHost(t *testing.T) {
	for _, tt := range []struct {
		name string
		pid  func(t *testing.T) int
	}{
		{"the announced process is gone", deadPID},
		{"the announced process ID was reused", func(*testing.T) int { return os.Getpid() }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			key, err := host.ConsoleKey(dir)
			if err != nil {
				t.Fatal(err)
			}
			im := startImpostor(t)
			announce := `{"url":"` + im.srv.URL + `","pid":` + strconv.Itoa(tt.pid(t)) + `}`
			if err := os.WriteFile(filepath.Join(dir, host.AnnounceFile), []byte(announce), 0o600); err != nil {
				t.Fatal(err)
			}
			if r := run(t, createArgs(dir)...); r.code != 0 {
				t.Errorf("create with a stale host.json: exit %d %s", r.code, r.stderr)
			}
			if r := run(t, "console", "link", "--data", dir); r.code != 1 || strings.Contains(r.stdout, key) {
				t.Errorf("console link with a stale host.json: exit %d, stdout %q", r.code, r.stdout)
			}
			if im.heard(key) {
				t.Fatal("the listener at the stale address received the console key")
			}
		})
	}
}
