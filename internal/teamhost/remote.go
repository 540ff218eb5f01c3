package teamhost

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
)

// cookieName is the session cookie a host sets on sign-in: the door keeps
// its value and never hands it to the page.
const cookieName = client.SessionCookie

// publicRoutes are the API routes that need no sign-in: signing in and the
// password links. A 401 there (a wrong password) does not end a session.
var publicRoutes = map[string]bool{
	"POST /api/account/sign-in":        true,
	"POST /api/account/password-reset": true,
	"POST /api/account/password-link":  true,
	"POST /api/account/password":       true,
}

func public(r *http.Request) bool { return publicRoutes[r.Method+" "+r.URL.Path] }

// dropped are request headers of the page that never reach the team host:
// the webview's own cookies and origin (the team host would take the
// desktop's page for another site's), and any credential but the door's.
var dropped = []string{"Cookie", "Authorization", "Origin", "Referer",
	"Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User"}

// remote forwards the console API to one team host with the session of the
// account signed in there.
type remote struct {
	dir    string
	choice Choice
	log    *slog.Logger
	base   *url.URL
	tr     *http.Transport
	proxy  *httputil.ReverseProxy
	// ended is told when a session ends but for leaving (the door
	// publishes SignedOut).
	ended func()

	// wake tells watch that a session began.
	wake chan struct{}

	mu     sync.Mutex
	token  string
	lapsed bool   // the host ended the last session
	stop   func() // ends the stream watch reads; nil before the first
}

func newRemote(dir string, c Choice, log *slog.Logger) (*remote, error) {
	base, err := url.Parse(c.URL)
	if err != nil {
		return nil, fmt.Errorf("team host %q: %w", c.URL, err)
	}
	token, err := LoadToken(dir)
	if err != nil {
		return nil, err
	}
	tr := client.Transport(client.TLSCheck{CertSHA256: c.CertSHA256})
	tr.ResponseHeaderTimeout = time.Minute
	r := &remote{dir: dir, choice: c, log: log, base: base, tr: tr, token: token, ended: func() {},
		wake: make(chan struct{}, 1)}
	r.proxy = &httputil.ReverseProxy{Rewrite: r.rewrite, Transport: tr, ModifyResponse: r.answered,
		ErrorHandler: r.failed, FlushInterval: -1}
	return r, nil
}

// session is the token the door holds; "" when signed out.
func (r *remote) session() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.token
}

// ServeHTTP forwards r to the team host. Without a session only the public
// routes go there; the rest is told to sign in, without asking the host (and
// told why, when the host ended the session: whichever call or stream met
// that first, every call after it says the same).
func (r *remote) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if r.session() == "" && !public(req) {
		msg := "This console is not signed in to the team host %s. Sign in with your account there."
		if r.hostEnded() {
			msg = "This console's session ended on the team host %s (it expired, or it was signed out there). Sign in again with your account there."
		}
		writeError(w, http.StatusUnauthorized, "unauthorized", fmt.Sprintf(msg, r.choice.URL))
		return
	}
	r.proxy.ServeHTTP(w, req)
}

func (r *remote) rewrite(pr *httputil.ProxyRequest) {
	pr.SetURL(r.base)
	pr.Out.Host = r.base.Host
	for _, h := range dropped {
		pr.Out.Header.Del(h)
	}
	if tok := r.session(); tok != "" {
		pr.Out.AddCookie(&http.Cookie{Name: cookieName, Value: tok})
	}
}

// answered takes the session out of the host's answer: a new one is kept, a
// cleared one (sign-out) or a 401 to a signed-in call ends it. The page sees
// no cookie.
func (r *remote) answered(resp *http.Response) error {
	sent := ""
	if c, err := resp.Request.Cookie(cookieName); err == nil {
		sent = c.Value
	}
	for _, c := range resp.Cookies() {
		if c.Name != cookieName {
			continue
		}
		if c.Value == "" || c.MaxAge < 0 {
			r.end(sent, signingOut)
		} else {
			r.begin(c.Value)
		}
	}
	resp.Header.Del("Set-Cookie")
	if resp.StatusCode == http.StatusUnauthorized && sent != "" && !public(resp.Request) {
		r.end(sent, lapsed)
	}
	return nil
}

// begin keeps token as the session.
func (r *remote) begin(token string) {
	r.mu.Lock()
	same := r.token == token
	r.token, r.lapsed = token, false
	r.mu.Unlock()
	if same {
		return
	}
	if err := saveToken(r.dir, token); err != nil {
		r.log.Error("the team host's session is not kept for the next start", "err", err)
	}
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// ending is why a session ends.
type ending int

const (
	// leaving: the console moves to another host; the page need not be told.
	leaving ending = iota
	// signingOut: the person signed out.
	signingOut
	// lapsed: the host ended it (expired, signed out elsewhere, the account
	// changed or removed).
	lapsed
)

// end drops the session token, if it is still the one held, and tells the
// page unless the console is leaving the host.
func (r *remote) end(token string, why ending) {
	r.mu.Lock()
	held := token != "" && r.token == token
	stop := r.stop
	switch {
	case held:
		r.token, r.lapsed = "", why == lapsed
	case why == signingOut && r.token == "":
		// The host's stream may tell of a sign-out before its answer does:
		// it was the person's all the same.
		r.lapsed = false
	}
	r.mu.Unlock()
	if !held {
		return
	}
	if stop != nil {
		stop()
	}
	if err := dropToken(r.dir); err != nil {
		r.log.Error("the ended session's token stays in the data folder", "err", err)
	}
	r.log.Info("signed out of the team host", "host", r.choice.URL, "lapsed", why == lapsed)
	if why != leaving {
		r.ended()
	}
}

// hostEnded reports whether the host ended the last session (not the person).
func (r *remote) hostEnded() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lapsed
}

// failed answers a request the team host did not answer.
func (r *remote) failed(w http.ResponseWriter, req *http.Request, err error) {
	if req.Context().Err() != nil {
		return // the page went away
	}
	r.log.Warn("team host did not answer", "host", r.choice.URL, "path", req.URL.Path, "err", err)
	writeError(w, http.StatusBadGateway, "unavailable", problem(r.choice.URL, err))
}

// problem says what went wrong reaching the team host at url and what to do.
func problem(url string, err error) string {
	if errors.Is(err, client.ErrPinMismatch) {
		return fmt.Sprintf("%s shows a certificate that is not the one you confirmed, so InterviewDesk did not send it anything. "+
			"If its admin replaced the certificate, check the new fingerprint with them and connect to the host again; "+
			"otherwise someone may be in between. Until then you can use this computer’s host.", url)
	}
	if untrustedCertificate(err) {
		return fmt.Sprintf("The certificate of %s is not valid (%s). Ask the host’s admin to renew it, or use this computer’s host until then.",
			url, plainCause(err))
	}
	return fmt.Sprintf("Cannot reach the team host %s (%s). Check your network and that the host runs, then retry — or use this computer’s host.",
		url, plainCause(err))
}

// writeError answers in the console API's error shape (docs/api.md).
func writeError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": message}})
}
