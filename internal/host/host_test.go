package host

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/relay"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// selfSigned writes a certificate for interviews.example.test (not for the
// loopback address the host listens on) and returns its files.
func selfSigned(t *testing.T) (certFile, keyFile string) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "interviews.example.test"},
		DNSNames: []string{"interviews.example.test"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
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
	return certFile, keyFile
}

func TestHTTPSHostAnnouncesAPinnedCertificate(t *testing.T) {
	cert, key := selfSigned(t)
	dir := t.TempDir()
	h := startHost(t, Config{DataDir: dir, Listen: "127.0.0.1:0", TLS: TLS{CertFile: cert, KeyFile: key}})
	a, err := ReadAnnouncement(dir)
	if err != nil || !strings.HasPrefix(a.URL, "https://127.0.0.1:") || len(a.CertSHA256) != 64 {
		t.Fatalf("announcement %+v, %v", a, err)
	}
	ctx := context.Background()
	if err := client.Remote(a.URL, h.Key(), client.TLSCheck{CertSHA256: a.CertSHA256}).Do(ctx, "GET", "/api/health", nil, nil); err != nil {
		t.Errorf("pinned client: %v", err)
	}
	wrong := strings.Repeat("0", 64)
	if err := client.Remote(a.URL, h.Key(), client.TLSCheck{CertSHA256: wrong}).Do(ctx, "GET", "/api/health", nil, nil); err == nil {
		t.Error("a client pinning another certificate connected")
	}
	if err := client.Remote(a.URL, h.Key(), client.TLSCheck{}).Do(ctx, "GET", "/api/health", nil, nil); err == nil {
		t.Error("a client without the pin accepted a certificate for another name")
	}
}

func TestOpenFailsEarlyOnABusyPortAndBadTLS(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	dir := t.TempDir()
	_, err = Open(Config{DataDir: dir, Listen: busy.Addr().String()}, slog.New(slog.DiscardHandler), time.Now)
	if err == nil || !strings.Contains(err.Error(), "listen on") || !errors.Is(err, ErrListen) {
		t.Errorf("open on a busy port: %v", err)
	}
	if _, err := ReadAnnouncement(dir); err == nil {
		t.Error("a host that failed to start announced itself")
	}
	// The failed Open released the store: the folder opens again at once.
	_, err = Open(Config{DataDir: dir, Listen: "127.0.0.1:0", TLS: TLS{CertFile: "/nonexistent.pem", KeyFile: "/nonexistent.key"}},
		slog.New(slog.DiscardHandler), time.Now)
	if err == nil || !strings.Contains(err.Error(), "load TLS certificate") {
		t.Errorf("open with missing certificate files: %v", err)
	}
	h, err := Open(Config{DataDir: dir, Listen: "127.0.0.1:0"}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatalf("open after failed opens: %v", err)
	}
	_ = h.Close()
}

func TestConsoleKeyIsPrivateAndStable(t *testing.T) {
	dir := t.TempDir()
	k1, err := ConsoleKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	k2, _ := ConsoleKey(dir)
	info, _ := os.Stat(filepath.Join(dir, KeyFile))
	if k1 != k2 || len(k1) < 40 || info.Mode().Perm() != 0o600 {
		t.Errorf("key %q then %q, mode %o", k1, k2, info.Mode().Perm())
	}
}

func TestICEServersForAParticipant(t *testing.T) {
	cert, key := selfSigned(t)
	secret := "coturn-shared-secret"
	h, err := Open(Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", TLS: TLS{CertFile: cert, KeyFile: key},
		Media: Media{TURNTLSPort: freeTCPPort(t), ExternalTURN: []string{"turn:turn.example.com:3478?transport=udp"},
			ExternalTURNSecret: secret}}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	iv := scheduleNow(t, h)
	servers := h.call.iceFor(&room.Member{ID: "c1", InterviewID: iv, Participant: links.CandidateParticipant, Role: room.RoleCandidate}, time.Now)
	if len(servers) != 2 {
		t.Fatalf("ICE servers = %+v, want the embedded relay and the external one", servers)
	}
	var schemes []string
	for _, u := range servers[0].URLs {
		schemes = append(schemes, strings.SplitN(u, ":", 2)[0])
	}
	if got := strings.Join(schemes, ","); !strings.Contains(got, "turns") || !strings.Contains(got, "turn") {
		t.Errorf("embedded relay URLs %v: want turn: and turns: (TLS with the HTTPS certificate)", servers[0].URLs)
	}
	ext := servers[1]
	user, err := relay.VerifyCredentials(secret, ext.Username, ext.Credential, time.Now())
	if err != nil {
		t.Errorf("external TURN credentials do not verify with its secret: %v", err)
	}
	if want := iv + "/" + string(links.CandidateParticipant); user != want {
		t.Errorf("TURN user %q, want %q (the interview and the participant)", user, want)
	}
}

func freeTCPPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// A serving host answers the identity challenge, without a key, with a proof
// only the holder of the console key can make.
func TestHostProvesItHoldsTheConsoleKey(t *testing.T) {
	dir := t.TempDir()
	h := startHost(t, Config{DataDir: dir, Listen: "127.0.0.1:0", Media: Media{Disabled: true}})
	a, err := ReadAnnouncement(dir)
	if err != nil {
		t.Fatal(err)
	}
	nonce := "a-fresh-nonce-of-some-length"
	var answer struct{ Proof string }
	if err := client.Probe(a.URL, client.TLSCheck{}).Do(context.Background(), "GET", ProofPath+"?nonce="+nonce, nil, &answer); err != nil {
		t.Fatal(err)
	}
	if !CheckProof(h.Key(), a, nonce, answer.Proof) {
		t.Error("the host's proof does not check with its key")
	}
	if CheckProof("another-install's-key-of-32-characters", a, nonce, answer.Proof) {
		t.Error("the proof checks with another key")
	}
	if CheckProof(h.Key(), a, nonce+"x", answer.Proof) {
		t.Error("the proof answers another nonce")
	}
	if err := client.Probe(a.URL, client.TLSCheck{}).Do(context.Background(), "GET", ProofPath+"?nonce=short", nil, nil); err == nil {
		t.Error("a short nonce was answered")
	}
}
