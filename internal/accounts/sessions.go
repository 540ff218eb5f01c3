package accounts

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Origin is where a sign-in comes from: the address limits count against
// (an IPv6 address by its /64), and the browser, kept with the session.
type Origin struct {
	Address string
	Agent   string
}

// Session is a signed-in browser.
type Session struct {
	// Token goes in the browser's cookie; it is only known when the session
	// begins (only its digest is stored).
	Token string `json:"-"`
	// ID is the token's digest: it names the session without opening it.
	ID        string    `json:"id"`
	UserID    string    `json:"userId"`
	CreatedAt time.Time `json:"createdAt"`
	SeenAt    time.Time `json:"seenAt"`
	// Refreshed is set by Authenticate when it extended the session: the
	// cookie carrying it should be set again with a fresh lifetime.
	Refreshed bool `json:"-"`
}

// ExpiresAt is when the session ends unless it is used again.
func (s Session) ExpiresAt() time.Time {
	idle, end := s.SeenAt.Add(SessionIdle), s.CreatedAt.Add(SessionMaxAge)
	if idle.Before(end) {
		return idle
	}
	return end
}

// sessionRecord is a stored session, under its token's digest.
type sessionRecord struct {
	User      string    `json:"user"`
	CreatedAt time.Time `json:"createdAt"`
	SeenAt    time.Time `json:"seenAt"`
	Agent     string    `json:"agent,omitempty"`
}

func (r sessionRecord) session(id string) Session {
	return Session{ID: id, UserID: r.User, CreatedAt: r.CreatedAt, SeenAt: r.SeenAt}
}

// maxAgentLength bounds the browser description kept with a session.
const maxAgentLength = 200

// startSession stores a new session of user in tx.
func (s *Service) startSession(tx *store.Tx, user string, from Origin) (Session, error) {
	now := s.cfg.Now().UTC()
	token := newToken(sessionTokenBytes)
	agent := from.Agent
	if len(agent) > maxAgentLength {
		agent = agent[:maxAgentLength]
	}
	rec := sessionRecord{User: user, CreatedAt: now, SeenAt: now, Agent: agent}
	id := digest(token)
	if err := store.PutJSON(tx, store.BucketSessions, id, rec); err != nil {
		return Session{}, fmt.Errorf("store session: %w", err)
	}
	sess := rec.session(string(id))
	sess.Token = token
	return sess, nil
}

// endSessions deletes every session of user in tx.
func endSessions(tx *store.Tx, user string) error {
	return deleteWhere(tx, store.BucketSessions, user)
}

// SignIn checks email and password and begins a session. Every failure is
// ErrWrongPassword, whether the email has no account or the password is
// wrong; too many failures from from's address or on the account are
// refused for a while (a *LimitError).
func (s *Service) SignIn(email, password string, from Origin) (User, Session, error) {
	key := fold(email)
	if wait := s.limits.signInAddr.wait(from.Address); wait > 0 {
		return User{}, Session{}, &LimitError{RetryAfter: wait,
			Message: "Too many sign-ins from this address failed. Try again in " + minutes(wait) + "."}
	}
	if wait := s.limits.signInAccount.wait(key); wait > 0 {
		return User{}, Session{}, &LimitError{RetryAfter: wait,
			Message: "Too many wrong passwords for this account. Try again in " + minutes(wait) + ", or use “Forgot password?” for a reset link."}
	}
	var r record
	if err := s.db.View(func(tx *store.Tx) error { return recordByEmail(tx, email, &r) }); err != nil || len(password) > MaxPasswordLength*4 {
		r = record{}
	}
	ok, stale := s.verify(password, r.PasswordHash)
	if !ok {
		s.limits.signInAddr.add(from.Address)
		s.limits.signInAccount.add(key)
		s.cfg.Log.Info("sign-in failed", "source", from.Address)
		return User{}, Session{}, ErrWrongPassword
	}
	s.limits.signInAccount.forget(key)
	rehash := ""
	if stale {
		rehash = s.hash(password)
	}
	var sess Session
	err := s.db.Update(func(tx *store.Tx) error {
		if err := getRecord(tx, r.ID, &r); err != nil {
			return ErrWrongPassword // removed meanwhile
		}
		r.LastSignInAt = s.cfg.Now().UTC().Truncate(time.Second)
		if rehash != "" {
			r.PasswordHash = rehash
		}
		if err := putRecord(tx, r); err != nil {
			return err
		}
		var err error
		sess, err = s.startSession(tx, r.ID, from)
		return err
	})
	if err != nil {
		return User{}, Session{}, fmt.Errorf("sign in: %w", err)
	}
	s.cfg.Log.Info("signed in", "user", r.ID)
	return r.User, sess, nil
}

// Authenticate returns the account and session of a session token. A token
// that is unknown, ended or expired is ErrNoSession. A session last used
// more than an hour ago is marked used now (Refreshed).
func (s *Service) Authenticate(token string) (User, Session, error) {
	if !plausible(token, sessionTokenBytes) {
		return User{}, Session{}, ErrNoSession
	}
	id := digest(token)
	var (
		rec sessionRecord
		r   record
	)
	err := s.db.View(func(tx *store.Tx) error {
		raw := store.BucketOf(tx, store.BucketSessions).Get(id)
		if raw == nil {
			return ErrNoSession
		}
		if err := json.Unmarshal(raw, &rec); err != nil {
			return fmt.Errorf("decode session: %w", err)
		}
		if err := getRecord(tx, rec.User, &r); err != nil {
			return ErrNoSession
		}
		return nil
	})
	if err != nil {
		return User{}, Session{}, err
	}
	now := s.cfg.Now()
	sess := rec.session(string(id))
	if !now.Before(sess.ExpiresAt()) {
		_ = s.db.Update(func(tx *store.Tx) error { return store.BucketOf(tx, store.BucketSessions).Delete(id) })
		return User{}, Session{}, ErrNoSession
	}
	if now.Sub(rec.SeenAt) >= touchEvery {
		if err := s.touch(id, now); err != nil {
			return User{}, Session{}, err
		}
		sess.SeenAt, sess.Refreshed = now.UTC(), true
	}
	return r.User, sess, nil
}

// touch marks session id used at now, if it still exists.
func (s *Service) touch(id []byte, now time.Time) error {
	err := s.db.Batch(func(tx *store.Tx) error {
		var rec sessionRecord
		if err := store.GetJSON(tx, store.BucketSessions, id, &rec); err != nil {
			return ErrNoSession
		}
		rec.SeenAt = now.UTC()
		return store.PutJSON(tx, store.BucketSessions, id, rec)
	})
	if err != nil && err != ErrNoSession {
		return fmt.Errorf("mark session used: %w", err)
	}
	return err
}

// Valid reports whether session id (a digest, Session.ID) is still open,
// for holders of long connections that check again after Revoked.
func (s *Service) Valid(id string) bool {
	var rec sessionRecord
	err := s.db.View(func(tx *store.Tx) error { return store.GetJSON(tx, store.BucketSessions, []byte(id), &rec) })
	return err == nil && s.cfg.Now().Before(rec.session(id).ExpiresAt())
}

// SignOut ends the session of token; an unknown one is already ended.
func (s *Service) SignOut(token string) error {
	if !plausible(token, sessionTokenBytes) {
		return nil
	}
	var user string
	err := s.db.Update(func(tx *store.Tx) error {
		var rec sessionRecord
		if err := store.GetJSON(tx, store.BucketSessions, digest(token), &rec); err != nil {
			return nil
		}
		user = rec.User
		return store.BucketOf(tx, store.BucketSessions).Delete(digest(token))
	})
	if err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	if user != "" {
		s.cfg.Revoked(user)
	}
	return nil
}
