package accounts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// passwordLink is a stored password link, under its token's digest.
type passwordLink struct {
	User      string    `json:"user"`
	Purpose   Purpose   `json:"purpose"`
	CreatedAt time.Time `json:"createdAt"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// LinkInfo is what the set-password page shows about a link before a
// password is chosen.
type LinkInfo struct {
	Purpose   Purpose   `json:"purpose"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// sendLink issues a link of purpose for u and sends it by d, in tx.
func (s *Service) sendLink(tx *store.Tx, u User, p Purpose, inviter string, d Delivery) (Sent, error) {
	token, expires, err := s.issueLink(tx, u.ID, p)
	if err != nil {
		return Sent{}, err
	}
	if d == ByLink {
		return Sent{Link: LinkURL(s.cfg.BaseURL, p, token), ExpiresAt: expires}, nil
	}
	msg := resetMail(u, s.cfg.BaseURL, token)
	if p == Setup {
		msg = setupMail(u, inviter, s.cfg.BaseURL, token)
	}
	if _, err := s.cfg.Outbox.EnqueueTx(tx, msg, outboxRef(u.ID)); err != nil {
		return Sent{}, fmt.Errorf("queue the %s mail: %w", p, err)
	}
	tx.OnCommit(s.cfg.Outbox.Wake)
	return Sent{Mailed: true, ExpiresAt: expires}, nil
}

// issueLink stores a fresh link of purpose for user and ends the user's
// older links.
func (s *Service) issueLink(tx *store.Tx, user string, p Purpose) (token string, expires time.Time, err error) {
	if err := endLinks(tx, user); err != nil {
		return "", time.Time{}, err
	}
	now := s.cfg.Now().UTC()
	token = newToken(linkTokenBytes)
	l := passwordLink{User: user, Purpose: p, CreatedAt: now, ExpiresAt: now.Add(LinkLifetime)}
	if err := store.PutJSON(tx, store.BucketAccountLinks, digest(token), l); err != nil {
		return "", time.Time{}, fmt.Errorf("store the %s link: %w", p, err)
	}
	return token, l.ExpiresAt, nil
}

// endLinks deletes every password link of user.
func endLinks(tx *store.Tx, user string) error {
	return deleteWhere(tx, store.BucketAccountLinks, user)
}

// deleteWhere deletes the entries of bucket (links or sessions) whose "user"
// is user.
func deleteWhere(tx *store.Tx, bucket []byte, user string) error {
	var doomed [][]byte
	err := tx.Bucket(bucket).ForEach(func(k, v []byte) error {
		var owner struct{ User string }
		if err := json.Unmarshal(v, &owner); err != nil {
			return fmt.Errorf("decode %s/%s: %w", bucket, k, err)
		}
		if owner.User == user {
			doomed = append(doomed, bytes.Clone(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range doomed {
		if err := tx.Bucket(bucket).Delete(k); err != nil {
			return fmt.Errorf("delete %s/%s: %w", bucket, k, err)
		}
	}
	return nil
}

// errLinkGone is the answer for every link that does not work, whatever the
// reason, with what to do.
var errLinkGone = fault.Explain(fault.NotFound, ErrLinkNotValid,
	"This password link does not work any more: it was used already, a newer one was sent, or it is older than "+lifetimeText+". "+
		"Use “Forgot password?” on the sign-in page for a new one, or ask your admin to send a new setup link.")

// link finds token's link and account in tx; a link that expired is gone.
func (s *Service) link(tx *store.Tx, token string) (passwordLink, record, error) {
	var (
		l passwordLink
		r record
	)
	if !plausible(token, linkTokenBytes) {
		return l, r, errLinkGone
	}
	raw := store.BucketOf(tx, store.BucketAccountLinks).Get(digest(token))
	if raw == nil {
		return l, r, errLinkGone
	}
	if err := json.Unmarshal(raw, &l); err != nil {
		return l, r, fmt.Errorf("decode password link: %w", err)
	}
	if !s.cfg.Now().Before(l.ExpiresAt) {
		return l, r, errLinkGone
	}
	if err := getRecord(tx, l.User, &r); err != nil {
		return l, r, errLinkGone
	}
	return l, r, nil
}

// Link tells whose password token sets, so the page can say so, or why it
// does not work.
func (s *Service) Link(token string) (LinkInfo, error) {
	var info LinkInfo
	err := s.db.View(func(tx *store.Tx) error {
		l, r, err := s.link(tx, token)
		info = LinkInfo{Purpose: l.Purpose, Email: r.Email, Name: r.Name, ExpiresAt: l.ExpiresAt}
		return err
	})
	return info, err
}

// SetPassword sets the password of the account token's link is for, ends
// the link and the account's other sessions, and signs it in.
func (s *Service) SetPassword(token, password string, from Origin) (User, Session, error) {
	var (
		l passwordLink
		r record
	)
	if err := s.db.View(func(tx *store.Tx) (err error) { l, r, err = s.link(tx, token); return err }); err != nil {
		return User{}, Session{}, err
	}
	e := validation.Errors{}
	checkPassword(e, "password", password, r.Email, r.Name)
	if err := e.Err(); err != nil {
		return User{}, Session{}, err
	}
	hash := s.hash(password)
	var sess Session
	err := s.db.Update(func(tx *store.Tx) error {
		again, current, err := s.link(tx, token)
		if err != nil || again.User != l.User {
			return errLinkGone
		}
		now := s.cfg.Now().UTC().Truncate(time.Second)
		current.PasswordHash, current.PasswordAt, current.Active, current.LastSignInAt = hash, now, true, now
		if err := putRecord(tx, current); err != nil {
			return err
		}
		if err := endLinks(tx, current.ID); err != nil {
			return err
		}
		if err := endSessions(tx, current.ID); err != nil {
			return err
		}
		r = current
		sess, err = s.startSession(tx, current.ID, from)
		return err
	})
	if err != nil {
		return User{}, Session{}, fmt.Errorf("set password: %w", err)
	}
	s.cfg.Log.Info("account password set", "user", r.ID, "purpose", l.Purpose)
	s.cfg.Revoked(r.ID)
	return r.User, sess, nil
}

// RequestReset mails a password-reset link to the account with email, if
// there is one and it was not sent too many already. Whether there is one is
// never told: the answer is the same either way.
func (s *Service) RequestReset(email string, from Origin) error {
	if wait := s.limits.resetAddr.wait(from.Address); wait > 0 {
		return &LimitError{RetryAfter: wait, Message: "Too many password resets were asked for from this address. Try again in " + minutes(wait) + "."}
	}
	s.limits.resetAddr.add(from.Address)
	if err := s.canDeliver(ByMail); err != nil {
		return fault.Explain(fault.Conflict, ErrNoMail, "This host cannot send email yet, so no reset link can be mailed. Ask your admin to set up email, or to send you a new setup link.")
	}
	key := fold(email)
	if s.limits.resetAccount.wait(key) > 0 {
		s.cfg.Log.Warn("password reset refused: too many for this account", "source", from.Address)
		return nil
	}
	s.limits.resetAccount.add(key)
	err := s.db.Update(func(tx *store.Tx) error {
		var r record
		if err := recordByEmail(tx, email, &r); err != nil {
			return nil // same answer as for an account
		}
		_, err := s.sendLink(tx, r.User, Reset, "", ByMail)
		return err
	})
	if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	return nil
}

// ChangePassword sets a new password for account id, which proves the
// current one; every session of the account ends and a new one begins.
func (s *Service) ChangePassword(id, current, next string, from Origin) (Session, error) {
	var r record
	if err := s.db.View(func(tx *store.Tx) error { return getRecord(tx, id, &r) }); err != nil {
		return Session{}, err
	}
	key := fold(r.Email)
	if wait := s.limits.signInAccount.wait(key); wait > 0 {
		return Session{}, &LimitError{RetryAfter: wait, Message: "Too many wrong passwords for this account. Try again in " + minutes(wait) + "."}
	}
	if ok, _ := s.verify(current, r.PasswordHash); !ok {
		s.limits.signInAccount.add(key)
		return Session{}, validation.Errors{"current": "This is not your current password."}
	}
	e := validation.Errors{}
	checkPassword(e, "password", next, r.Email, r.Name)
	if err := e.Err(); err != nil {
		return Session{}, err
	}
	hash := s.hash(next)
	var sess Session
	err := s.db.Update(func(tx *store.Tx) error {
		if err := getRecord(tx, id, &r); err != nil {
			return err
		}
		r.PasswordHash, r.PasswordAt = hash, s.cfg.Now().UTC().Truncate(time.Second)
		if err := putRecord(tx, r); err != nil {
			return err
		}
		if err := endLinks(tx, id); err != nil {
			return err
		}
		if err := endSessions(tx, id); err != nil {
			return err
		}
		var err error
		sess, err = s.startSession(tx, id, from)
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("change password: %w", err)
	}
	s.cfg.Revoked(id)
	return sess, nil
}
