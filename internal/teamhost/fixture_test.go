package teamhost

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/teamhost/teamhosttest"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// The tests' parts are real: a team host (internal/host serving HTTPS with a
// self-signed certificate, with an account), the desktop's own embedded host,
// and the door between them served on loopback as the webview reaches it.

// consolePage stands for the console the app embeds.
const consolePage = "<!doctype html><title>The desktop's console</title>"

// desktop is the door of a desktop app, served on loopback.
type desktop struct {
	dir   string
	local *host.Host
	door  *Door
	srv   *httptest.Server
}

func openDesktop(t *testing.T, dir string) *desktop {
	t.Helper()
	local := teamhosttest.StartHost(t, host.Config{DataDir: dir, Console: fstest.MapFS{"index.html": {Data: []byte(consolePage)}}})
	d := New(Config{DataDir: dir, Local: local.TrustedHandler(), LocalPush: local.Push()}, slog.New(slog.DiscardHandler))
	srv := httptest.NewServer(d)
	t.Cleanup(func() { srv.Close(); _ = d.Close() })
	return &desktop{dir: dir, local: local, door: d, srv: srv}
}

// close ends the desktop app (its host closes with the test).
func (d *desktop) close() { d.srv.Close(); _ = d.door.Close(); _ = d.local.Close() }

// answer is a response of the door, its body read.
type answer struct {
	status int
	header http.Header
	body   string
}

// call sends a request to the door as the console page does.
func (d *desktop) call(t *testing.T, method, path string, body any) answer {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = strings.NewReader(string(b))
	}
	req, _ := http.NewRequest(method, d.srv.URL+path, rd)
	if body != nil || method != "GET" {
		req.Header.Set("Content-Type", "application/json")
	}
	// What a page of the webview sends; none of it may reach the team host.
	req.Header.Set("Origin", d.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(&http.Cookie{Name: "interviewdesk_console", Value: "the-webviews-own-cookie"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, string(raw)}
}

// expect fails unless a has status and its body says each of words.
func (a answer) expect(t *testing.T, status int, words ...string) {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d: %s", a.status, status, a.body)
	}
	for _, w := range words {
		if !strings.Contains(a.body, w) {
			t.Errorf("the answer does not say %q: %s", w, a.body)
		}
	}
}

// connect chooses th as the desktop's team host, confirming its certificate.
func (d *desktop) connect(t *testing.T, th *teamhosttest.Host) {
	t.Helper()
	d.call(t, "PUT", ControlPath, Connect{URL: th.URL, CertSHA256: th.Pin}).expect(t, 200, `"team":true`)
}

func (d *desktop) signIn(t *testing.T) answer {
	t.Helper()
	a := d.call(t, "POST", "/api/account/sign-in", web.SignIn{Email: teamhosttest.Email, Password: teamhosttest.Password})
	a.expect(t, 200, `"email":"rita@example.com"`)
	return a
}

// token is the session token kept in the data folder, "" when none.
func (d *desktop) token(t *testing.T) string {
	t.Helper()
	tok, err := LoadToken(d.dir)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// privateFile fails unless name exists in dir with mode 0600.
func privateFile(t *testing.T, dir, name string) {
	t.Helper()
	info, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", name, info.Mode().Perm())
	}
}

func absent(t *testing.T, dir, name string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
		t.Errorf("%s still exists (%v)", name, err)
	}
}

// await returns the first event of type typ on sub, failing after a while.
func await(t *testing.T, sub *push.Subscription, typ push.Type) push.Event {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case e := <-sub.Events():
			if e.Type == typ {
				return e
			}
		case <-timeout:
			t.Fatalf("no %s event", typ)
		}
	}
}

func isErr(err, target error) bool { return errors.Is(err, target) }
