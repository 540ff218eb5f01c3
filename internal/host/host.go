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

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/web"
	"github.com/interviewdesk/interviewdesk/internal/workspace"
)

// DefaultListen is where a serving host listens unless told otherwise:
// loopback only.
const DefaultListen = "127.0.0.1:7480"

// ShutdownTimeout bounds Close: requests in flight and room connections get
// this long to finish before everything is closed regardless.
const ShutdownTimeout = 10 * time.Second

// ErrListen means a port the host needs is busy or cannot be bound.
var ErrListen = fault.New(fault.Unavailable, "cannot listen")

// Config describes a host.
type Config struct {
	DataDir string
	// Listen is the TCP address to serve on; "" serves nothing (the CLI uses
	// the handler in-process) and links then point at DefaultListen.
	Listen string
	// PublicURL is the base of the links sent to people; "" means the listener's URL.
	PublicURL string
	// Console is the built console (frontend/dist).
	Console fs.FS
	Version string
	// TLS serves HTTPS; zero serves plain HTTP (fine on loopback).
	TLS TLS
	// Media configures calls (only on a host that listens).
	Media Media
}

// Host is an open data folder with its services, optionally serving HTTP,
// calls and the TURN relay.
//
// Its life has three steps. Open opens the store, binds every port (so a busy
// one fails before anything is announced) and builds every service once; it
// starts no goroutines. Start starts the outbox, the call, the relay and HTTP,
// and returns. Close stops them in reverse order: HTTP first (requests and
// room connections drain), then media, the relay, the outbox and the store.
type Host struct {
	cfg  Config
	log  *slog.Logger
	now  func() time.Time
	db   *store.DB
	key  string
	urls links.URLs
	push *push.Bus
	web  *web.Server

	ln        net.Listener // nil when the host does not serve
	tls       *tls.Config
	acme      *autocert.Manager
	acmeLn    net.Listener
	srv       *http.Server
	served    chan error
	acmeSrv   *http.Server
	call      *call // nil without media
	workspace *workspace.Feature
	analysis  *analysis.Service
	privacy   *privacy.Service
	outbox    *mail.Outbox
	growing   recordingPulse
	// interviews loads its list index in the background from Start on.
	interviews *interviews.Service
	indexed    chan struct{}
}

// Open opens the data folder's store (failing fast with store.ErrLocked when
// another process holds it), seeds the starter templates, binds the ports and
// builds the services.
func Open(cfg Config, log *slog.Logger, now func() time.Time) (*Host, error) {
	key, err := ConsoleKey(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	db, err := store.Open(filepath.Join(cfg.DataDir, StoreFile), store.Options{Timeout: 500 * time.Millisecond})
	if err != nil {
		return nil, err
	}
	h := &Host{cfg: cfg, log: log, now: now, db: db, key: key, push: push.NewBus()}
	if err := h.build(); err != nil {
		_ = h.closeSockets()
		_ = db.Close()
		return nil, err
	}
	return h, nil
}

// build binds the ports and wires the services, in dependency order.
func (h *Host) build() error {
	if err := h.listen(); err != nil {
		return err
	}
	h.urls = links.NewURLs(h.PublicURL())
	ts := templates.New(h.db, h.now)
	if err := ts.SeedLibrary(); err != nil {
		return err
	}
	if err := h.keepConsentTexts(); err != nil {
		return err
	}
	st := settings.New(h.db)
	outbox, invite, err := h.newOutbox(st)
	if err != nil {
		return err
	}
	h.outbox = outbox
	acc, err := h.newAccounts(st, outbox)
	if err != nil {
		return err
	}
	hub := room.NewHub()
	cands := candidates.New(h.db, h.now)
	ivs := interviews.New(h.db, ts, st, h.now, hooks(cands.InterviewChanged, campaigns.Hook, invite, room.Revoke(hub), publishInterviews(h.push), h.turnHook(), h.callHook()))
	camps := campaigns.New(campaigns.Config{DB: h.db, Interviews: ivs, Templates: ts, Settings: st, Now: h.now})
	h.interviews = ivs
	if h.ln != nil && !h.cfg.Media.Disabled {
		if h.call, err = h.newCall(h.ln.Addr().(*net.TCPAddr).IP.String(), ivs, st); err != nil {
			return err
		}
	}
	rooms := room.New(h.db, ivs, h.log, h.now)
	var sessions *room.Sessions
	h.analysis = h.newAnalysis(rooms, st, &sessions)
	h.workspace = workspace.New(workspace.Config{Remote: &codeRunner{settings: st, log: h.log}, Takehome: cands,
		Logger: h.log, Now: h.now})
	sessions, err = room.NewSessions(h.roomConfig(rooms, ivs, hub))
	if err != nil {
		return err
	}
	svc := web.Services{Templates: ts, Settings: st, Interviews: ivs, Rooms: rooms, Sessions: sessions, Analysis: h.analysis,
		Invitations: h.invitations(ivs, st, outbox), Push: h.push, Candidates: cands, Campaigns: camps,
		Accounts: acc}
	if h.call != nil {
		svc.Recordings = h.call.sfu
	}
	h.privacyServices(&svc)
	h.web = web.New(web.Config{PublicURL: h.PublicURL(), ConsoleKey: h.key, Console: h.cfg.Console,
		Version: h.cfg.Version, DataDir: h.cfg.DataDir}, svc, h.log, h.now)
	return nil
}

// roomConfig wires the workspace and the call into the room.
func (h *Host) roomConfig(rooms *room.Service, ivs *interviews.Service, hub *room.Hub) room.SessionsConfig {
	texts := consent.Current()
	cfg := room.SessionsConfig{Log: rooms, Interviews: ivs, Hub: hub, Push: h.push, Logger: h.log, Now: h.now,
		Features: []room.Feature{h.workspace}, Listeners: []room.Listener{h.analysis.Listener()}, Consent: &texts}
	if h.call != nil {
		cfg.Features = append(cfg.Features, h.call)
		cfg.Listeners = append(cfg.Listeners, h.call.happened)
		cfg.ICE = func(m *room.Member) []room.ICEServer { return h.call.iceFor(m, h.now) }
		cfg.Media = h.call.kind()
	}
	return cfg
}

// hooks runs each interview hook in order inside the change's transaction.
func hooks(all ...interviews.Hook) interviews.Hook {
	return func(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
		for _, h := range all {
			if err := h(tx, before, after); err != nil {
				return err
			}
		}
		return nil
	}
}

// listen binds the HTTP(S) listener and the ACME challenge port, when the
// host serves.
func (h *Host) listen() error {
	if h.cfg.Listen == "" {
		return nil
	}
	tlsCfg, acme, err := h.cfg.TLS.config(h.cfg.DataDir)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", h.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w: %w", h.cfg.Listen, ErrListen, err)
	}
	h.cfg.Listen = ln.Addr().String()
	h.tls, h.acme = tlsCfg, acme
	if tlsCfg != nil {
		ln = tls.NewListener(ln, tlsCfg)
	}
	h.ln = ln
	if acme != nil && h.cfg.TLS.ACMEHTTP != "" {
		if h.acmeLn, err = net.Listen("tcp", h.cfg.TLS.ACMEHTTP); err != nil {
			return fmt.Errorf("listen for ACME challenges on %s: %w: %w", h.cfg.TLS.ACMEHTTP, ErrListen, err)
		}
	}
	return nil
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

// Start starts delivering mail, the call and the relay, and serving HTTP,
// announces the host in the data folder and returns. ctx bounds only the
// start; Close ends what Start started.
func (h *Host) Start(ctx context.Context) error {
	if err := h.outbox.Start(ctx); err != nil {
		return fmt.Errorf("start outbox: %w", err)
	}
	if h.ln == nil {
		return nil
	}
	if h.call != nil {
		if err := h.call.start(ctx); err != nil {
			return err
		}
	}
	// Only a serving host analyses; a command's in-process host leaves the
	// queue to it.
	if err := h.analysis.Start(); err != nil {
		return fmt.Errorf("start analysis: %w", err)
	}
	h.privacy.Start(h.retentionRan)
	h.loadIndex()
	a := Announcement{URL: h.URL(), PID: os.Getpid(), CertSHA256: fingerprint(h.tls), ServerName: h.cfg.TLS.ACMEDomain}
	if err := announce(h.cfg.DataDir, a); err != nil {
		return fmt.Errorf("announce host in %s: %w", h.cfg.DataDir, err)
	}
	if h.acmeLn != nil {
		h.acmeSrv = &http.Server{Handler: acmeChallenge(h.acme), ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = h.acmeSrv.Serve(h.acmeLn) }()
	}
	h.srv = &http.Server{Handler: h.proving(h.web), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: web.RequestReadTimeout, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(h.log.Handler(), slog.LevelWarn)}
	h.served = make(chan error, 1)
	go func() { h.served <- h.srv.Serve(h.ln) }()
	h.log.Info("host serving", "url", h.URL(), "public", h.PublicURL(), "data", h.cfg.DataDir)
	return nil
}

// loadIndex loads the interview list's index while the host starts serving,
// so the console's first list (the first screen) need not wait for it.
func (h *Host) loadIndex() {
	h.indexed = make(chan struct{})
	go func() {
		defer close(h.indexed)
		if err := h.interviews.LoadIndex(); err != nil {
			h.log.Warn("interview list index", "err", err)
		}
	}()
}

// URL is where the host listens (loopback or the configured interface).
func (h *Host) URL() string {
	addr := h.cfg.Listen
	if addr == "" {
		addr = DefaultListen
	}
	if h.cfg.TLS.Enabled() {
		return "https://" + addr
	}
	return "http://" + addr
}

// LoginURL signs a browser into the console.
func (h *Host) LoginURL() string { return LoginURL(h.URL(), h.key) }

// Key is the console key.
func (h *Host) Key() string { return h.key }

// CertSHA256 is the SHA-256 fingerprint of the HTTPS certificate from
// certificate files (which a desktop app confirms when connecting to a
// self-signed host); "" without them.
func (h *Host) CertSHA256() string { return fingerprint(h.tls) }

// Handler serves the console API and pages, asking for the console key.
func (h *Host) Handler() http.Handler { return h.web }

// TrustedHandler serves the desktop webview, which needs no key.
func (h *Host) TrustedHandler() http.Handler { return h.web.Trusted() }

// Push is the bus of live changes the console shows.
func (h *Host) Push() *push.Bus { return h.push }

// Close stops the host in reverse order of Start, within ShutdownTimeout:
// HTTP (console streams end, requests in flight finish, room connections are
// told the host is stopping), the announcement, media, the relay, the outbox,
// the store.
func (h *Host) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	var errs []error
	h.closePush()
	if h.acmeSrv != nil {
		_ = h.acmeSrv.Close()
	}
	if h.srv != nil {
		if err := h.srv.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("stop HTTP server: %w", err))
		}
		if err := <-h.served; err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, fmt.Errorf("HTTP server: %w", err))
		}
		h.web.Drain(ctx, "The interview host is restarting. Reconnecting…")
		h.log.Info("host stopped: HTTP drained")
		unannounce(h.cfg.DataDir, os.Getpid())
	}
	errs = append(errs, h.closeSockets())
	if h.indexed != nil {
		<-h.indexed
	}
	if h.workspace != nil {
		_ = h.workspace.Close()
	}
	if h.privacy != nil {
		_ = h.privacy.Close()
	}
	if h.analysis != nil {
		_ = h.analysis.Close()
	}
	if h.outbox != nil {
		if err := h.outbox.Close(); err != nil {
			errs = append(errs, fmt.Errorf("stop outbox: %w", err))
		}
	}
	if err := h.db.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close store: %w", err))
	}
	h.log.Info("host stopped: store closed")
	return errors.Join(errs...)
}

// closeSockets closes the media, the relay and listeners that never served.
func (h *Host) closeSockets() error {
	var errs []error
	if h.call != nil {
		if err := h.call.close(h.log); err != nil {
			errs = append(errs, fmt.Errorf("stop media: %w", err))
		}
	}
	if h.srv == nil && h.ln != nil {
		_ = h.ln.Close()
	}
	if h.acmeSrv == nil && h.acmeLn != nil {
		_ = h.acmeLn.Close()
	}
	return errors.Join(errs...)
}
