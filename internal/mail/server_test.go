package mail

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"log/slog"
	"math/big"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// smtpServer is a real SMTP server (github.com/emersion/go-smtp) on loopback
// that records what it accepts. It can be stopped and started again on the same
// port, answer with errors, require AUTH, speak TLS, or hold its reply.
type smtpServer struct {
	t    *testing.T
	addr string

	// Set before the first start.
	tlsConfig   *tls.Config // STARTTLS offered when set (implicit TLS with implicitTLS)
	implicitTLS bool
	user, pass  string // AUTH PLAIN required when user is set

	mu       sync.Mutex
	srv      *smtp.Server
	ln       net.Listener
	served   chan struct{}
	msgs     []received
	failData []error // answers to the next DATA commands instead of 250
	rcptErr  error   // answer to every RCPT
	hold     chan struct{}
	holding  chan struct{}
}

type received struct {
	From string
	To   []string
	Data []byte
}

func newSMTPServer(t *testing.T, configure ...func(*smtpServer)) *smtpServer {
	t.Helper()
	s := &smtpServer{t: t, addr: "127.0.0.1:0"}
	for _, c := range configure {
		c(s)
	}
	s.start()
	t.Cleanup(func() {
		s.release()
		s.stop()
	})
	return s
}

func (s *smtpServer) start() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return
	}
	var ln net.Listener
	waitFor(s.t, "the test SMTP server to listen on "+s.addr, func() bool { // the old socket may linger after stop
		var err error
		ln, err = net.Listen("tcp", s.addr)
		return err == nil
	})
	s.addr = ln.Addr().String()
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	srv.Domain = "mx.test"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.ErrorLog = slogLogger{}
	if s.tlsConfig != nil && s.implicitTLS {
		ln = tls.NewListener(ln, s.tlsConfig)
	} else {
		srv.TLSConfig = s.tlsConfig
	}
	s.srv, s.ln, s.served = srv, ln, make(chan struct{})
	go func(done chan struct{}) {
		_ = srv.Serve(ln)
		close(done)
	}(s.served)
}

func (s *smtpServer) stop() {
	s.mu.Lock()
	srv, ln, served := s.srv, s.ln, s.served
	s.srv = nil
	s.mu.Unlock()
	if srv == nil {
		return
	}
	// Close the listener too: srv.Close misses it if Serve has not registered
	// it yet, and Serve would then accept forever.
	_ = ln.Close()
	_ = srv.Close()
	<-served
}

func (s *smtpServer) port() int {
	_, p, _ := net.SplitHostPort(s.addr)
	n, _ := strconv.Atoi(p)
	return n
}

// failNextData makes the next len(errs) messages be refused at the end of DATA.
func (s *smtpServer) failNextData(errs ...error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failData = append(s.failData, errs...)
}

func (s *smtpServer) failRcpt(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rcptErr = err
}

// holdReplies makes the server store each message and then hold its reply until
// release; holding receives once per held message.
func (s *smtpServer) holdReplies() (holding <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hold, s.holding = make(chan struct{}), make(chan struct{}, 100)
	return s.holding
}

func (s *smtpServer) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
}

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

// waitMessages waits until the server has accepted n messages in all.
func (s *smtpServer) waitMessages(n int) []received {
	s.t.Helper()
	waitFor(s.t, "the SMTP server to accept "+strconv.Itoa(n)+" messages", func() bool { return len(s.messages()) >= n })
	return s.messages()
}

type session struct {
	s      *smtpServer
	authed bool
	from   string
	to     []string
}

var _ smtp.AuthSession = (*session)(nil)

func (ss *session) AuthMechanisms() []string {
	if ss.s.user == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != ss.s.user || pass != ss.s.pass {
			return smtp.ErrAuthFailed
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.user != "" && !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.s.mu.Lock()
	err := ss.s.rcptErr
	ss.s.mu.Unlock()
	if err != nil {
		return err
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s := ss.s
	s.mu.Lock()
	if len(s.failData) > 0 {
		err := s.failData[0]
		s.failData = s.failData[1:]
		s.mu.Unlock()
		return err
	}
	s.msgs = append(s.msgs, received{From: ss.from, To: ss.to, Data: data})
	hold, holding := s.hold, s.holding
	s.mu.Unlock()
	if hold != nil {
		holding <- struct{}{}
		<-hold
	}
	return nil
}

func (ss *session) Reset()        { ss.from, ss.to = "", nil }
func (ss *session) Logout() error { return nil }

// slogLogger keeps go-smtp's connection errors out of the test output.
type slogLogger struct{}

func (slogLogger) Printf(string, ...any) {}
func (slogLogger) Println(...any)        {}

// selfSigned returns a server certificate for 127.0.0.1 and localhost, and a
// pool that trusts it.
func selfSigned(t *testing.T) (*tls.Config, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "mx.test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1"), net.IPv6loopback},
		DNSNames:              []string{"localhost"},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}, pool
}

// waitFor polls cond until it holds or 15 s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond) // the polling interval
	}
}

// testSettings points at srv without TLS (allowed on loopback).
func testSettings(srv *smtpServer) Settings {
	return Settings{
		Host: "127.0.0.1", Port: srv.port(), Security: NoTLS,
		FromName: "InterviewDesk Recruiting", FromAddress: "recruiting@example.com", ReplyTo: "renee@example.com",
	}
}

func newTestSMTP(t *testing.T, s Settings, opts SMTPOptions) *SMTP {
	t.Helper()
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second
	}
	c, err := NewSMTP(s, opts, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("NewSMTP: %v", err)
	}
	return c
}
