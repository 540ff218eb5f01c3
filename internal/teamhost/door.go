package teamhost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/push"
)

// ControlPath is where the console asks which host it uses and switches:
// GET (Status), POST ControlPath+"/check" (Probe), PUT (connect), DELETE
// (back to this computer's host).
const ControlPath = "/desktop/team-host"

// signOutTimeout bounds telling a team host that the console leaves it.
const signOutTimeout = 5 * time.Second

// Config describes a Door.
type Config struct {
	// DataDir keeps the choice and the session.
	DataDir string
	// Local is the embedded host's console handler (its files and API).
	Local http.Handler
	// LocalPush is the embedded host's bus of live changes.
	LocalPush *push.Bus
}

// Door is the desktop console's handler: the console's files from the
// embedded host, the console API from the chosen host (package doc).
type Door struct {
	cfg Config
	log *slog.Logger
	bus *push.Bus
	mux *http.ServeMux

	mu     sync.Mutex
	remote *remote // nil: this computer's host
	feed   func()  // stops what fills bus
}

// Status is which host the console uses.
type Status struct {
	// Team is true when the console uses a team host, false for this
	// computer's.
	Team bool `json:"team"`
	// URL is the team host's origin.
	URL string `json:"url,omitempty"`
	// CertSHA256 is the pinned certificate's fingerprint, for a self-signed one.
	CertSHA256 string `json:"certSha256,omitempty"`
	// SignedIn reports whether an account's session is held there.
	SignedIn bool `json:"signedIn"`
	// Lapsed: the host ended the last session (it expired, was ended
	// elsewhere, the account changed); sign in again.
	Lapsed bool `json:"lapsed,omitempty"`
}

// Connect chooses a team host; CertSHA256 confirms a certificate that no
// trusted authority vouches for, as Check showed it.
type Connect struct {
	URL        string `json:"url"`
	CertSHA256 string `json:"certSha256,omitempty"`
}

// New opens the door on the host chosen last time (this computer's when
// none). A choice it cannot read is logged and forgotten: the console then
// uses this computer's host and can choose again.
func New(cfg Config, log *slog.Logger) *Door {
	d := &Door{cfg: cfg, log: log, bus: push.NewBus(), mux: http.NewServeMux()}
	d.mux.HandleFunc("GET "+ControlPath, d.status)
	d.mux.HandleFunc("POST "+ControlPath+"/check", d.check)
	d.mux.HandleFunc("PUT "+ControlPath, d.connect)
	d.mux.HandleFunc("DELETE "+ControlPath, d.disconnect)
	r, err := chosen(cfg.DataDir, log)
	if err != nil {
		log.Warn("the chosen team host is forgotten; the console uses this computer's host", "err", err)
	}
	if r == nil {
		d.useLocal()
	} else {
		d.useRemote(r)
	}
	return d
}

// chosen is the remote of dir's chosen team host; nil for this computer's.
func chosen(dir string, log *slog.Logger) (*remote, error) {
	c, ok, err := LoadChoice(dir)
	if err != nil || !ok {
		return nil, err
	}
	return newRemote(dir, c, log)
}

// Push carries the chosen host's live changes, and SignedOut when the team
// host's session ends.
func (d *Door) Push() *push.Bus { return d.bus }

// Close stops following the chosen host and closes Push.
func (d *Door) Close() error {
	d.mu.Lock()
	d.feed()
	d.mu.Unlock()
	d.bus.Close()
	return nil
}

// ServeHTTP routes r: the door's own routes, the console API to the chosen
// host, everything else (the console's files) to the embedded host.
func (d *Door) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == ControlPath || strings.HasPrefix(r.URL.Path, ControlPath+"/") {
		w.Header().Set("Cache-Control", "no-store")
		d.mux.ServeHTTP(w, r)
		return
	}
	if rem := d.current(); rem != nil && strings.HasPrefix(r.URL.Path, "/api/") {
		rem.ServeHTTP(w, r)
		return
	}
	d.cfg.Local.ServeHTTP(w, r)
}

// current is the team host in use; nil for this computer's.
func (d *Door) current() *remote {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.remote
}

// State is which host the console uses now.
func (d *Door) State() Status {
	rem := d.current()
	if rem == nil {
		return Status{}
	}
	return Status{Team: true, URL: rem.choice.URL, CertSHA256: rem.choice.CertSHA256, SignedIn: rem.session() != "",
		Lapsed: rem.hostEnded()}
}

// useLocal follows the embedded host's bus; d.mu is held or d is new.
func (d *Door) useLocal() {
	d.remote = nil
	sub := d.cfg.LocalPush.Subscribe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range sub.Events() {
			d.bus.Publish(e)
		}
	}()
	d.feed = func() { sub.Close(); <-done }
}

// useRemote follows r; d.mu is held or d is new.
func (d *Door) useRemote(r *remote) {
	r.ended = func() { d.bus.Publish(push.Event{Type: SignedOut}) }
	d.remote = r
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.watch(ctx, d.bus)
	}()
	d.feed = func() { cancel(); <-done }
}

// switchTo makes r the chosen host (nil: this computer's), ending the
// session on the one left, and tells the page to reload what it shows.
func (d *Door) switchTo(ctx context.Context, r *remote) {
	d.mu.Lock()
	old := d.remote
	d.feed()
	if r == nil {
		d.useLocal()
	} else {
		d.useRemote(r)
	}
	d.mu.Unlock()
	if old != nil {
		old.signOut(ctx)
	}
	d.bus.Publish(push.Event{Type: push.Resync})
}

func (d *Door) status(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, d.State())
}

func (d *Door) check(w http.ResponseWriter, r *http.Request) {
	var in Connect
	if !decode(w, r, &in) {
		return
	}
	p, err := Check(r.Context(), in.URL, in.CertSHA256)
	if err != nil {
		writeFault(w, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (d *Door) connect(w http.ResponseWriter, r *http.Request) {
	var in Connect
	if !decode(w, r, &in) {
		return
	}
	p, err := Check(r.Context(), in.URL, in.CertSHA256)
	if err == nil && !p.Trusted && in.CertSHA256 == "" {
		err = fault.Explain(fault.Conflict, ErrUnconfirmed, fmt.Sprintf(
			"No authority this computer trusts vouches for the certificate of %s. Compare its fingerprint with the one the host’s admin gives you, then confirm it.", p.URL))
	}
	if err != nil {
		writeFault(w, err)
		return
	}
	c := Choice{URL: p.URL}
	if !p.Trusted {
		c.CertSHA256 = p.CertSHA256
	}
	rem, err := d.choose(r.Context(), c)
	if err != nil {
		writeFault(w, err)
		return
	}
	d.switchTo(r.Context(), rem)
	d.log.Info("the console uses a team host", "host", c.URL, "pinned", c.CertSHA256 != "")
	writeJSON(w, http.StatusOK, d.State())
}

// choose remembers c, signed out, and returns its remote.
func (d *Door) choose(ctx context.Context, c Choice) (*remote, error) {
	if cur := d.current(); cur != nil {
		cur.signOut(ctx) // a session belongs to its host
	}
	if err := errors.Join(dropToken(d.cfg.DataDir), saveChoice(d.cfg.DataDir, c)); err != nil {
		return nil, fault.Explain(fault.Other, err, "InterviewDesk could not remember the team host in its data folder: "+err.Error())
	}
	return newRemote(d.cfg.DataDir, c, d.log)
}

func (d *Door) disconnect(w http.ResponseWriter, r *http.Request) {
	if d.current() != nil {
		d.switchTo(r.Context(), nil)
	}
	if err := forgetChoice(d.cfg.DataDir); err != nil {
		writeFault(w, fault.Explain(fault.Other, err, "InterviewDesk could not forget the team host in its data folder: "+err.Error()))
		return
	}
	d.log.Info("the console uses this computer's host")
	writeJSON(w, http.StatusOK, d.State())
}

// signOut ends the session held on the team host, there and here; the host
// may be unreachable, then the session is forgotten here only.
func (r *remote) signOut(ctx context.Context) {
	tok := r.session()
	if tok == "" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, signOutTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.choice.URL+"/api/account/sign-out", strings.NewReader("{}"))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(&http.Cookie{Name: cookieName, Value: tok})
		var resp *http.Response
		if resp, err = (&http.Client{Transport: r.tr}).Do(req); err == nil {
			_ = resp.Body.Close()
		}
	}
	if err != nil {
		r.log.Warn("the team host was not told of the sign-out; its session ends when it expires", "host", r.choice.URL, "err", err)
	}
	r.end(tok, leaving)
}

// decode reads r's JSON body into v, or answers 400.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", "The request is not the JSON this route takes: "+err.Error())
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeFault answers err by its kind, with its message.
func writeFault(w http.ResponseWriter, err error) {
	status, code := http.StatusInternalServerError, "internal"
	switch fault.KindOf(err) {
	case fault.Invalid:
		status, code = http.StatusBadRequest, "bad_request"
	case fault.Unavailable:
		status, code = http.StatusBadGateway, "unavailable"
	case fault.Permission:
		status, code = http.StatusForbidden, "forbidden"
	case fault.Conflict:
		status, code = http.StatusConflict, "conflict"
	}
	writeError(w, status, code, fault.Text(err))
}
