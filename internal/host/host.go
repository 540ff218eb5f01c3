package host

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/acme/autocert"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// DefaultListen is where a host listens unless told otherwise: loopback only.
const DefaultListen = "127.0.0.1:7480"

// Config describes a host.
type Config struct {
	DataDir string
	// Listen is the TCP address to serve on; "" means DefaultListen.
	Listen string
	// PublicURL is the base of the links sent to people; "" means the listener's URL.
	PublicURL string
	// Console is the built console (frontend/dist).
	Console fs.FS
	Version string
	// TLS serves HTTPS; zero serves plain HTTP (fine on loopback).
	TLS TLS
	// Media configures calls.
	Media Media
}

// Host is an open data folder with its services, optionally serving HTTP.
type Host struct {
	cfg      Config
	log      *slog.Logger
	now      func() time.Time
	db       *store.DB
	key      string
	services web.Services
	web      *web.Server
	ln       net.Listener
	srv      *http.Server
	served   chan error
	tls      *tls.Config
	acmeSrv  *http.Server
	call     *call
	outbox   *mail.Outbox
}

// Open opens the data folder's store (failing fast with store.ErrLocked when
// another process holds it), seeds the starter templates and builds the services.
func Open(cfg Config, log *slog.Logger, now func() time.Time) (*Host, error) {
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	key, err := ConsoleKey(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	db, err := store.Open(filepath.Join(cfg.DataDir, StoreFile), store.Options{Timeout: 500 * time.Millisecond})
	if err != nil {
		return nil, err
	}
	ts := templates.New(db, now)
	if err := ts.SeedLibrary(); err != nil {
		_ = db.Close()
		return nil, err
	}
	st := settings.New(db)
	ivs := interviews.New(db, ts, st, now)
	h := &Host{cfg: cfg, log: log, now: now, db: db, key: key,
		services: web.Services{Templates: ts, Settings: st, Interviews: ivs, Rooms: room.New(db, ivs, log, now)}}
	if err := h.startOutbox(); err != nil {
		_ = db.Close()
		return nil, err
	}
	h.web = h.newWeb()
	return h, nil
}

// newWeb builds the handler for the current listener and services.
func (h *Host) newWeb() *web.Server {
	return web.New(web.Config{PublicURL: h.PublicURL(), ConsoleKey: h.key, Console: h.cfg.Console,
		Version: h.cfg.Version, DataDir: h.cfg.DataDir}, h.services, h.log, h.now)
}

// PublicURL is the base of the links sent to people.
func (h *Host) PublicURL() string {
	switch {
	case h.cfg.PublicURL != "":
		return strings.TrimRight(h.cfg.PublicURL, "/")
	case h.cfg.TLS.ACMEDomain != "":
		return "https://" + h.cfg.TLS.ACMEDomain
	}
	return h.URL()
}

// Start listens on the configured address, announces the host in the data folder
// and serves until Close. A busy port fails here, before anything is announced.
func (h *Host) Start(ctx context.Context) error {
	tlsCfg, acme, err := h.cfg.TLS.config(h.cfg.DataDir)
	if err != nil {
		return err
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", h.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", h.cfg.Listen, err)
	}
	if acme != nil && h.cfg.TLS.ACMEHTTP != "" {
		if err := h.startACMEChallenge(ctx, acme); err != nil {
			_ = ln.Close()
			return err
		}
	}
	h.tls = tlsCfg
	if tlsCfg != nil {
		ln = tls.NewListener(ln, tlsCfg)
	}
	h.ln = ln
	h.cfg.Listen = ln.Addr().String()
	if !h.cfg.Media.Disabled {
		c, err := h.startCall(ctx, ln.Addr().(*net.TCPAddr).IP.String())
		if err != nil {
			_ = ln.Close()
			return err
		}
		h.call = c
		h.services.Media = c.sfu
		h.services.ICE = func(m *room.Member) []media.ICEServer { return c.iceFor(m, h.now) }
	}
	h.web = h.newWeb()
	a := Announcement{URL: h.URL(), PID: os.Getpid(), CertSHA256: fingerprint(tlsCfg), ServerName: h.cfg.TLS.ACMEDomain}
	if err := announce(h.cfg.DataDir, a); err != nil {
		_ = ln.Close()
		return fmt.Errorf("announce host in %s: %w", h.cfg.DataDir, err)
	}
	h.srv = &http.Server{Handler: h.web, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(h.log.Handler(), slog.LevelWarn)}
	h.served = make(chan error, 1)
	go func() { h.served <- h.srv.Serve(ln) }()
	h.log.Info("host serving", "url", h.URL(), "public", h.PublicURL(), "data", h.cfg.DataDir)
	return nil
}

// URL is where the host listens (loopback or the configured interface).
func (h *Host) URL() string {
	if h.cfg.TLS.Enabled() {
		return "https://" + h.cfg.Listen
	}
	return "http://" + h.cfg.Listen
}

func (h *Host) startACMEChallenge(ctx context.Context, m *autocert.Manager) error {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", h.cfg.TLS.ACMEHTTP)
	if err != nil {
		return fmt.Errorf("listen for ACME challenges on %s: %w", h.cfg.TLS.ACMEHTTP, err)
	}
	h.acmeSrv = &http.Server{Handler: acmeChallenge(m), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = h.acmeSrv.Serve(ln) }()
	return nil
}

// LoginURL signs a browser into the console.
func (h *Host) LoginURL() string { return h.URL() + "/console/login?key=" + h.key }

// Key is the console key.
func (h *Host) Key() string { return h.key }

// Handler serves the console API and pages, asking for the console key.
func (h *Host) Handler() http.Handler { return h.web }

// TrustedHandler serves the desktop webview, which needs no key.
func (h *Host) TrustedHandler() http.Handler { return h.web.Trusted() }

// Close stops serving (waiting up to 5 s for requests in flight), withdraws the
// announcement and closes the store.
func (h *Host) Close() error {
	var errs []error
	if h.acmeSrv != nil {
		_ = h.acmeSrv.Close()
	}
	if h.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := h.srv.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("stop HTTP server: %w", err))
		}
		if err := <-h.served; err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, fmt.Errorf("HTTP server: %w", err))
		}
		unannounce(h.cfg.DataDir, os.Getpid())
	}
	if h.call != nil {
		if err := h.call.close(); err != nil {
			errs = append(errs, fmt.Errorf("stop media: %w", err))
		}
	}
	if h.outbox != nil {
		if err := h.outbox.Close(); err != nil {
			errs = append(errs, fmt.Errorf("stop outbox: %w", err))
		}
	}
	if err := h.db.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close store: %w", err))
	}
	return errors.Join(errs...)
}
