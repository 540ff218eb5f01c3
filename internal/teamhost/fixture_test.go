package teamhost

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"errors"
	"encoding/pem"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// The tests' parts are real: a team host (internal/host serving HTTPS with a
// self-signed certificate, with an account), the desktop's own embedded host,
// and the door between them served on loopback as the webview reaches it.

const password = "correct horse battery staple"

// consolePage stands for the console the app embeds.
const consolePage = "<!doctype html><title>The desktop's console</title>"

// teamHost is a serving host with HTTPS and one recruiter account.
type teamHost struct {
	h     *host.Host
	url   string
	pin   string // its certificate's fingerprint
	owner *client.Client
	user  accounts.User
}

func startTeamHost(t *testing.T) *teamHost {
	t.Helper()
	cert, key, pin := selfSigned(t)
	h := startHost(t, host.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", TLS: host.TLS{CertFile: cert, KeyFile: key}})
	th := &teamHost{h: h, url: h.URL(), pin: pin, owner: client.Remote(h.URL(), h.Key(), client.TLSCheck{CertSHA256: pin})}
	ctx := context.Background()
	in, err := th.owner.InviteUser(ctx, web.UserInvite{Email: "rita@example.com", Name: "Rita Recruiter",
		Role: accounts.Recruiter, Delivery: accounts.ByLink})
	if err != nil {
		t.Fatal(err)
	}
	_, token, _ := strings.Cut(in.Setup.Link, "#/set-password/")
	anon := client.Remote(h.URL(), "", client.TLSCheck{CertSHA256: pin})
	if err := anon.Do(ctx, "POST", "/api/account/password", web.NewPassword{Token: token, Password: password}, nil); err != nil {
		t.Fatal(err)
	}
	th.user = in.User
	return th
}

// interview schedules one on the team host.
func (th *teamHost) interview(t *testing.T, candidate string) web.Interview {
	t.Helper()
	ctx := context.Background()
	list, err := th.owner.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	iv, err := th.owner.CreateInterview(ctx, interviews.NewInterview{TemplateID: list[0].ID, Position: "Backend engineer",
		CandidateName: candidate, CandidateEmail: "candidate@example.com", When: interviews.Now, TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	return iv
}

// desktop is the door of a desktop app, served on loopback.
type desktop struct {
	dir   string
	local *host.Host
	door  *Door
	srv   *httptest.Server
}

func openDesktop(t *testing.T, dir string) *desktop {
	t.Helper()
	local := startHost(t, host.Config{DataDir: dir, Console: fstest.MapFS{"index.html": {Data: []byte(consolePage)}}})
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
func (d *desktop) connect(t *testing.T, th *teamHost) {
	t.Helper()
	d.call(t, "PUT", ControlPath, Connect{URL: th.url, CertSHA256: th.pin}).expect(t, 200, `"team":true`)
}

func (d *desktop) signIn(t *testing.T) answer {
	t.Helper()
	a := d.call(t, "POST", "/api/account/sign-in", web.SignIn{Email: "rita@example.com", Password: password})
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

// sessionWorks reports whether token still signs in on the team host.
func (th *teamHost) sessionWorks(t *testing.T, token string) bool {
	t.Helper()
	req, _ := http.NewRequest("GET", th.url+"/api/account", nil)
	req.AddCookie(&http.Cookie{Name: "interviewdesk_console", Value: token})
	resp, err := (&http.Client{Transport: client.Transport(client.TLSCheck{CertSHA256: th.pin})}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func startHost(t *testing.T, cfg host.Config) *host.Host {
	t.Helper()
	h, err := host.Open(cfg, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		_ = h.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// selfSigned writes a certificate for 127.0.0.1 that no authority signed,
// and returns its files and fingerprint.
func selfSigned(t *testing.T) (certFile, keyFile, pin string) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: "team host"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	kb, _ := x509.MarshalECPrivateKey(key)
	_ = os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	_ = os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return certFile, keyFile, client.CertSHA256(der)
}

func isErr(err, target error) bool { return errors.Is(err, target) }
