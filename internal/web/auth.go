package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
)

// Who may call the console API, and how a browser stays signed in.
//
// Clients send the console key as a Bearer token (the CLI, tests), or carry a
// session cookie that /console/login sets in exchange for the key. The cookie
// holds a session token derived from the key (an HMAC keyed with it), never
// the key itself: a stolen cookie does not give the key that the CLI and new
// sign-ins use. The token is the same for every sign-in of an install, so a
// signed-in browser survives a host restart; a new console key ends every
// session. The key is the owner's: it may do everything an admin may.
//
// On a team host, people sign in with an account instead (internal/accounts):
// the same cookie then carries a random session token that the host keeps
// (hashed) and can end at any time. Each account's role decides which routes
// it may use (rights.go).

// cookieName holds the console session in a browser.
const cookieName = "interviewdesk_console"

// signInHelp tells a person without a valid sign-in how to get one.
const signInHelp = "For a new sign-in link, run “interviewdesk console link” on the machine that runs the host (add --data DIR if it uses another data folder)."

// signInMessage is the answer's message to a console API request without a
// valid sign-in.
func (s *Server) signInMessage() string {
	if s.svc.Accounts != nil {
		return "This console is not signed in, or its session ended. Sign in with your email and password. " + signInHelp
	}
	return "This console is not signed in. " + signInHelp
}

// signInLifetime is how long a browser stays signed in to the console: the
// cookie outlives a browser restart.
const signInLifetime = 30 * 24 * time.Hour

// credential is how a request proved it may use the console API.
type credential int

const (
	noCredential  credential = iota
	bearerKey                // the key in the Authorization header: no browser sends it by itself
	sessionCookie            // a browser's cookie: needs the cross-origin checks
	trustedDoor              // the desktop webview's own handler
	userSession              // an account's session cookie: needs the cross-origin checks
)

// caller is who sent a request: the owner (console key, desktop) or an
// account with its session.
type caller struct {
	how     credential
	user    accounts.User
	session accounts.Session
}

// owner reports whether the caller holds the console key (or is the desktop).
func (c caller) owner() bool {
	return c.how == bearerKey || c.how == sessionCookie || c.how == trustedDoor
}

// role is the caller's role; the owner acts as an admin.
func (c caller) role() accounts.Role {
	if c.owner() {
		return accounts.Admin
	}
	return c.user.Role
}

// browser reports whether the caller's credential is a cookie, which a
// browser sends by itself and so must pass the cross-origin check.
func (c caller) browser() bool { return c.how == sessionCookie || c.how == userSession }

type callerKey struct{}

// withCaller carries c in r's context for the handlers.
func withCaller(r *http.Request, c caller) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), callerKey{}, c))
}

// callerOf is the caller the console wrapper found for r.
func callerOf(r *http.Request) caller {
	c, _ := r.Context().Value(callerKey{}).(caller)
	return c
}

// sessionToken is the cookie value of a signed-in browser for key.
func sessionToken(key string) string {
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte("interviewdesk console session v1"))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// identify tells who sent r, if anyone may: the desktop, the console key,
// its derived cookie, or an account's session cookie.
func (s *Server) identify(r *http.Request) caller {
	if s.trusted {
		return caller{how: trustedDoor}
	}
	if key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && key != "" {
		if s.cfg.ConsoleKey != "" && equal(key, s.cfg.ConsoleKey) {
			return caller{how: bearerKey}
		}
		return caller{}
	}
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return caller{}
	}
	if s.cfg.ConsoleKey != "" && equal(c.Value, sessionToken(s.cfg.ConsoleKey)) {
		return caller{how: sessionCookie}
	}
	if s.svc.Accounts == nil {
		return caller{}
	}
	u, sess, err := s.svc.Accounts.Authenticate(c.Value)
	if err != nil {
		if !errors.Is(err, accounts.ErrNoSession) {
			s.log.Error("check a console session", "err", err)
		}
		return caller{}
	}
	sess.Token = c.Value
	return caller{how: userSession, user: u, session: sess}
}

// authorized reports whether r may use the console API.
func (s *Server) authorized(r *http.Request) bool { return s.identify(r).how != noCredential }

// login exchanges the console key in the URL for a session cookie, so the URL
// (and its key) leaves the address bar and the browser history at once.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	if key == "" || s.cfg.ConsoleKey == "" || !equal(key, s.cfg.ConsoleKey) {
		s.guesses.failed(r, "console sign-in")
		s.page(w, http.StatusUnauthorized, linkPage{Title: "Sign-in link not valid",
			Message: "This console sign-in link is wrong or out of date. " + signInHelp})
		return
	}
	http.SetCookie(w, consoleCookie(sessionToken(key), s.now(), r.TLS != nil))
	s.signedIn(r)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// consoleCookie carries a session token in a browser: persistent (Max-Age,
// and Expires for older clients), out of reach of scripts, never sent from
// another site, and only over HTTPS when the host serves HTTPS.
func consoleCookie(token string, now time.Time, https bool) *http.Cookie {
	return &http.Cookie{Name: cookieName, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: https, MaxAge: int(signInLifetime / time.Second), Expires: now.Add(signInLifetime).UTC()}
}

// sameOrigin refuses state-changing requests that a browser sent from a page
// of another origin (another site, or another port of this host): by the
// Sec-Fetch-Site header every current browser sends, else by Origin against
// the Host the request was sent to. Requests with neither come from no browser
// page (the CLI, curl). The host's public URL counts as its own origin, for
// a host behind a proxy that changes the Host header.
//
// The desktop webview's door (Trusted) is not checked: it is reached through
// the webview's own URL scheme, never over the network, no other site's page
// can address it, and it carries no cookie to abuse.
func (s *Server) sameOrigin() *http.CrossOriginProtection {
	c := http.NewCrossOriginProtection()
	if u, err := url.Parse(s.cfg.PublicURL); err == nil && u.Scheme != "" && u.Host != "" {
		_ = c.AddTrustedOrigin(u.Scheme + "://" + u.Host)
	}
	return c
}

// crossOriginRefusal is the 403 for a request sameOrigin refused.
func crossOriginRefusal(r *http.Request) errorAnswer {
	from := r.Header.Get("Origin")
	if from == "" {
		from = "another site"
	}
	return errorBody(codeForbidden, fmt.Sprintf("This request came from a page of %s, not from the InterviewDesk console, so it was refused. "+
		"Make the change in the console itself.", from), nil)
}
