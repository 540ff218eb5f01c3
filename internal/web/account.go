package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// The console's own account: who is signed in, signing in and out, password
// links and password changes. Signing in and the password links need no
// sign-in (publicRoutes); they still pass the cross-origin check, so no other
// site's page can sign a browser in or out.

// publicRoutes are the routes anyone may call.
var publicRoutes = map[string]bool{
	"POST /api/account/sign-in":        true,
	"POST /api/account/password-reset": true,
	"POST /api/account/password-link":  true,
	"POST /api/account/password":       true,
}

// AccountKind says how the console is signed in.
type AccountKind string

// Kinds of sign-in.
const (
	// KindOwner: the console key or the desktop app, with every right.
	KindOwner AccountKind = "owner"
	// KindUser: an account of the team host, with its role's rights.
	KindUser AccountKind = "user"
)

// Account is who the console is signed in as.
type Account struct {
	Kind AccountKind `json:"kind"`
	// ID is the account's; empty for the owner.
	ID    string        `json:"id,omitempty"`
	Name  string        `json:"name"`
	Email string        `json:"email"`
	Role  accounts.Role `json:"role"`
	// Accounts reports whether the host keeps accounts (Users, sign-in).
	Accounts bool `json:"accounts"`
	// CanSignOut is true for a browser signed in with a cookie (not the
	// desktop app, not the key in a header).
	CanSignOut bool `json:"canSignOut"`
}

// SignIn is an email and password.
type SignIn struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// PasswordReset asks for a reset link to email.
type PasswordReset struct {
	Email string `json:"email"`
}

// PasswordLink names a password link by its token.
type PasswordLink struct {
	Token string `json:"token"`
}

// NewPassword sets a password through a link.
type NewPassword struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// PasswordChange sets a new password, proving the current one.
type PasswordChange struct {
	Current  string `json:"current"`
	Password string `json:"password"`
}

// ProfileUpdate renames the signed-in account.
type ProfileUpdate struct {
	Name string `json:"name"`
}

// errNoAccounts answers account routes on a host without accounts.
var errNoAccounts = fault.Explain(fault.NotFound, nil, "This InterviewDesk keeps no accounts. "+signInHelp)

// errOwnerAccount answers password and profile changes of the console key.
var errOwnerAccount = fault.Explain(fault.Conflict, nil,
	"This console is signed in with the host's console key, which has no password or profile. Change your details in Settings.")

// accountOf is c as the console sees it.
func (s *Server) accountOf(c caller) (Account, error) {
	a := Account{Kind: KindUser, ID: c.user.ID, Name: c.user.Name, Email: c.user.Email, Role: c.role(),
		Accounts: s.svc.Accounts != nil, CanSignOut: c.browser()}
	if c.owner() {
		st, err := s.svc.Settings.Get()
		if err != nil {
			return Account{}, err
		}
		a.Kind, a.ID, a.Name, a.Email = KindOwner, "", st.Organizer.Name, st.Organizer.Email
	}
	return a, nil
}

func (s *Server) getAccount(w http.ResponseWriter, r *http.Request) error {
	a, err := s.accountOf(callerOf(r))
	return answer(w, http.StatusOK, a, err)
}

// origin is where r comes from, for the accounts' limits and sessions.
func origin(r *http.Request) accounts.Origin {
	return accounts.Origin{Address: source(r).String(), Agent: r.UserAgent()}
}

// openSession sets the cookie of sess and answers the account.
func (s *Server) openSession(w http.ResponseWriter, r *http.Request, u accounts.User, sess accounts.Session) error {
	http.SetCookie(w, consoleCookie(sess.Token, s.now(), r.TLS != nil))
	a, err := s.accountOf(caller{how: userSession, user: u, session: sess})
	return answer(w, http.StatusOK, a, err)
}

// accountRequest decodes r's body into a T, for an account route on a host
// with accounts.
func accountRequest[T any](s *Server, r *http.Request) (T, *accounts.Service, error) {
	var in T
	if err := decode(r, &in); err != nil {
		return in, nil, err
	}
	a, err := s.accounts()
	return in, a, err
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request) error {
	in, a, err := accountRequest[SignIn](s, r)
	if err != nil {
		return err
	}
	u, sess, err := a.SignIn(in.Email, in.Password, origin(r))
	if errors.Is(err, accounts.ErrWrongPassword) {
		writeJSON(w, http.StatusUnauthorized, errorBody(codeUnauthorized,
			"The email or password is not right. Check both, or use “Forgot password?” for a reset link.", nil))
		return nil
	}
	if err != nil {
		return err
	}
	s.auditAs(r, userActor(u), audit.SignIn, u.Email, "Signed in with email and password from "+r.RemoteAddr+".")
	return s.openSession(w, r, u, sess)
}

// userActor is account u as the audit log names it.
func userActor(u accounts.User) audit.Actor { return audit.Actor{Name: u.Email, Via: audit.ViaConsole} }

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.how == userSession {
		if err := s.svc.Accounts.SignOut(c.session.Token); err != nil {
			return err
		}
	}
	if c.browser() {
		http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
			Secure: r.TLS != nil, MaxAge: -1, Expires: time.Unix(0, 0)})
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) requestReset(w http.ResponseWriter, r *http.Request) error {
	in, a, err := accountRequest[PasswordReset](s, r)
	if err != nil {
		return err
	}
	if err := a.RequestReset(in.Email, origin(r)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// linkTry runs try, which looks up a password link, unless r's source is
// over the guessing limit; an unknown link counts as a guess, like an
// unknown interview link.
func (s *Server) linkTry(w http.ResponseWriter, r *http.Request, try func() error) error {
	if s.guesses.retryAfter(r) > 0 {
		s.tooManyGuesses(w, r)
		return nil
	}
	err := try()
	if errors.Is(err, accounts.ErrLinkNotValid) {
		s.guesses.failed(r, "password link")
	}
	return err
}

// passwordLinkInfo tells whose password a link sets.
func (s *Server) passwordLinkInfo(w http.ResponseWriter, r *http.Request) error {
	in, a, err := accountRequest[PasswordLink](s, r)
	if err != nil {
		return err
	}
	return s.linkTry(w, r, func() error {
		info, err := a.Link(in.Token)
		return answer(w, http.StatusOK, info, err)
	})
}

func (s *Server) setPassword(w http.ResponseWriter, r *http.Request) error {
	in, a, err := accountRequest[NewPassword](s, r)
	if err != nil {
		return err
	}
	return s.linkTry(w, r, func() error {
		u, sess, err := a.SetPassword(in.Token, in.Password, origin(r))
		if err != nil {
			return err
		}
		s.auditAs(r, userActor(u), audit.SignIn, u.Email, "Chose a password through a password link and signed in from "+r.RemoteAddr+".")
		return s.openSession(w, r, u, sess)
	})
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) error {
	var in PasswordChange
	if err := decode(r, &in); err != nil {
		return err
	}
	c := callerOf(r)
	if c.owner() {
		return errOwnerAccount
	}
	sess, err := s.svc.Accounts.ChangePassword(c.user.ID, in.Current, in.Password, origin(r))
	if err != nil {
		return err
	}
	return s.openSession(w, r, c.user, sess)
}

func (s *Server) updateProfile(w http.ResponseWriter, r *http.Request) error {
	var in ProfileUpdate
	if err := decode(r, &in); err != nil {
		return err
	}
	c := callerOf(r)
	if c.owner() {
		return errOwnerAccount
	}
	u, err := s.svc.Accounts.Rename(c.user.ID, in.Name)
	if err != nil {
		return err
	}
	c.user = u
	a, err := s.accountOf(c)
	return answer(w, http.StatusOK, a, err)
}

// tooManyTries answers 429 with Retry-After for a limit the accounts keep.
func tooManyTries(w http.ResponseWriter, err error) bool {
	wait := accounts.RetryAfter(err)
	if wait <= 0 {
		return false
	}
	w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
	writeJSON(w, http.StatusTooManyRequests, errorBody(codeTooMany, fault.Text(err), nil))
	return true
}
