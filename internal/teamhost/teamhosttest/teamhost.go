// Package teamhosttest starts real team hosts for tests: internal/host
// serving HTTPS on loopback with a self-signed certificate, and one
// recruiter account with a password. Tests of the desktop's door
// (internal/teamhost) and of the CLI's --host use it.
package teamhosttest

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// The account every team host here has.
const (
	Email    = "rita@example.com"
	Name     = "Rita Recruiter"
	Password = "correct horse battery staple"
)

// Host is a serving team host with HTTPS and one recruiter account.
type Host struct {
	*host.Host
	URL string
	// Pin is its certificate's SHA-256 fingerprint.
	Pin string
	// Owner calls its API with the console key.
	Owner *client.Client
	// User is the recruiter's account.
	User accounts.User
}

// Start starts a team host, closed when the test ends.
func Start(t testing.TB) *Host {
	t.Helper()
	cert, key, pin := SelfSigned(t)
	h := StartHost(t, host.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", TLS: host.TLS{CertFile: cert, KeyFile: key}})
	th := &Host{Host: h, URL: h.URL(), Pin: pin, Owner: client.Remote(h.URL(), h.Key(), client.TLSCheck{CertSHA256: pin})}
	ctx := context.Background()
	in, err := th.Owner.InviteUser(ctx, web.UserInvite{Email: Email, Name: Name, Role: accounts.Recruiter, Delivery: accounts.ByLink})
	if err != nil {
		t.Fatal(err)
	}
	_, token, _ := strings.Cut(in.Setup.Link, "#/set-password/")
	anon := client.Remote(h.URL(), "", client.TLSCheck{CertSHA256: pin})
	if err := anon.Do(ctx, "POST", "/api/account/password", web.NewPassword{Token: token, Password: Password}, nil); err != nil {
		t.Fatal(err)
	}
	th.User = in.User
	return th
}

// Interview schedules one held now on the team host.
func (th *Host) Interview(t testing.TB, candidate string) web.Interview {
	t.Helper()
	ctx := context.Background()
	list, err := th.Owner.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	iv, err := th.Owner.CreateInterview(ctx, interviews.NewInterview{TemplateID: list[0].ID, Position: "Backend engineer",
		CandidateName: candidate, CandidateEmail: "candidate@example.com", When: interviews.Now, TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	return iv
}

// SessionWorks reports whether the session token still signs in there.
func (th *Host) SessionWorks(t testing.TB, token string) bool {
	t.Helper()
	req, _ := http.NewRequest("GET", th.URL+"/api/account", nil)
	req.AddCookie(&http.Cookie{Name: client.SessionCookie, Value: token})
	resp, err := (&http.Client{Transport: client.Transport(client.TLSCheck{CertSHA256: th.Pin})}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// StartHost opens and starts a host on cfg, closed when the test ends.
func StartHost(t testing.TB, cfg host.Config) *host.Host {
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

// SelfSigned writes a certificate for 127.0.0.1 that no authority signed,
// and returns its files and fingerprint.
func SelfSigned(t testing.TB) (certFile, keyFile, pin string) {
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
