package accounts

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Lifetimes.
const (
	// LinkLifetime is how long a password link works (once).
	LinkLifetime = 72 * time.Hour
	lifetimeText = "72 hours"
	// SessionIdle ends a session not used for this long; SessionMaxAge ends
	// every session this long after its sign-in.
	SessionIdle   = 30 * 24 * time.Hour
	SessionMaxAge = 365 * 24 * time.Hour
	// touchEvery is how stale a session's last use may be stored, so that
	// not every request writes.
	touchEvery = time.Hour
	// maxHashing bounds the password hashes computed at once (each takes
	// Hashing.Memory).
	maxHashing = 4
)

// Config is what a Service needs. DB and Outbox are required.
type Config struct {
	DB     *store.DB
	Outbox Outbox
	// MailReady reports whether email is set up, so links can be mailed.
	MailReady func() (bool, error)
	// BaseURL is the team host's public URL, where password links lead.
	BaseURL string
	Now     func() time.Time
	Log     *slog.Logger
	// Hashing is the cost of new password hashes; zero: DefaultHashing.
	Hashing Hashing
	// Limits bound sign-in and reset tries; zero: DefaultLimits.
	Limits Limits
	// Revoked, if set, is called with an account's ID after a change that
	// ended some of its sessions (sign-out, a new password, a new role,
	// removal), so whoever holds them open can check them again. It must
	// not block.
	Revoked func(userID string)
}

// Service keeps the accounts of one team host.
type Service struct {
	cfg     Config
	db      *store.DB
	limits  *limiter
	decoy   string
	hashing chan struct{}
}

// New returns the accounts service over cfg.DB.
func New(cfg Config) (*Service, error) {
	if cfg.DB == nil || cfg.Outbox == nil {
		return nil, errors.New("new accounts: a store and an outbox are required")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Hashing == (Hashing{}) {
		cfg.Hashing = DefaultHashing
	}
	if cfg.MailReady == nil {
		cfg.MailReady = func() (bool, error) { return false, nil }
	}
	if cfg.Revoked == nil {
		cfg.Revoked = func(string) {}
	}
	return &Service{cfg: cfg, db: cfg.DB, limits: newLimiter(cfg.Limits, cfg.Now),
		decoy: decoyHash(cfg.Hashing), hashing: make(chan struct{}, maxHashing)}, nil
}

// List returns every account, by email.
func (s *Service) List() ([]User, error) {
	out := []User{}
	err := s.db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketUsers).ForEach(func(k, v []byte) error {
			var r record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode account %s: %w", k, err)
			}
			out = append(out, r.User)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return fold(out[i].Email) < fold(out[j].Email) })
	return out, nil
}

// Get returns the account with id.
func (s *Service) Get(id string) (User, error) {
	var r record
	err := s.db.View(func(tx *store.Tx) error { return getRecord(tx, id, &r) })
	return r.User, err
}

// ByEmail returns the account with email (any case).
func (s *Service) ByEmail(email string) (User, error) {
	var r record
	err := s.db.View(func(tx *store.Tx) error { return recordByEmail(tx, email, &r) })
	return r.User, err
}

func getRecord(tx *store.Tx, id string, r *record) error {
	raw := store.BucketOf(tx, store.BucketUsers).Get([]byte(id))
	if raw == nil {
		return fmt.Errorf("account %q: %w", id, ErrNotFound)
	}
	if err := json.Unmarshal(raw, r); err != nil {
		return fmt.Errorf("decode account %s: %w", id, err)
	}
	return nil
}

func recordByEmail(tx *store.Tx, email string, r *record) error {
	id := store.BucketOf(tx, store.BucketUsersByEmail).Get([]byte(fold(email)))
	if id == nil {
		return fmt.Errorf("account %q: %w", email, ErrNotFound)
	}
	return getRecord(tx, string(id), r)
}

func putRecord(tx *store.Tx, r record) error {
	if err := store.PutJSON(tx, store.BucketUsers, []byte(r.ID), r); err != nil {
		return err
	}
	return store.BucketOf(tx, store.BucketUsersByEmail).Put([]byte(fold(r.Email)), []byte(r.ID))
}

// Delivery is how a password link reaches its person.
type Delivery string

// Deliveries.
const (
	// ByMail queues the link's mail in the outbox.
	ByMail Delivery = "mail"
	// ByLink hands the link to the admin, who passes it on (a host without
	// email); no mail is sent.
	ByLink Delivery = "link"
)

// Sent is how a password link went out.
type Sent struct {
	Mailed bool `json:"mailed"`
	// Link is the link itself, only for ByLink.
	Link      string    `json:"link,omitempty"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// Invite creates an account for in, without a password, and sends its
// password-setup link by d. inviter names who invites, for the mail.
func (s *Service) Invite(in NewUser, inviter string, d Delivery) (User, Sent, error) {
	if err := in.validate(); err != nil {
		return User{}, Sent{}, err
	}
	if err := s.canDeliver(d); err != nil {
		return User{}, Sent{}, err
	}
	now := s.cfg.Now().UTC().Truncate(time.Second)
	id, err := uuid.NewV7()
	if err != nil {
		return User{}, Sent{}, fmt.Errorf("new account id: %w", err)
	}
	r := record{User: User{ID: id.String(), Email: in.Email, Name: in.Name, Role: in.Role, CreatedAt: now, InvitedAt: now}}
	var sent Sent
	err = s.db.Update(func(tx *store.Tx) error {
		if store.BucketOf(tx, store.BucketUsersByEmail).Get([]byte(fold(in.Email))) != nil {
			return fault.Explain(fault.Conflict, ErrExists, in.Email+" already has an account. Change its role, or send it a new setup link.")
		}
		if err := putRecord(tx, r); err != nil {
			return err
		}
		sent, err = s.sendLink(tx, r.User, Setup, inviter, d)
		return err
	})
	if err != nil {
		return User{}, Sent{}, fmt.Errorf("invite %s: %w", in.Email, err)
	}
	s.cfg.Log.Info("account invited", "user", r.ID, "role", r.Role, "delivery", d)
	return r.User, sent, nil
}

// ResendSetup sends account id a new password-setup link by d; the older
// ones stop working. An account that has a password gets ErrHasPassword.
func (s *Service) ResendSetup(id, inviter string, d Delivery) (User, Sent, error) {
	if err := s.canDeliver(d); err != nil {
		return User{}, Sent{}, err
	}
	var (
		r    record
		sent Sent
	)
	err := s.db.Update(func(tx *store.Tx) error {
		if err := getRecord(tx, id, &r); err != nil {
			return err
		}
		if r.Active {
			return fault.Explain(fault.Conflict, ErrHasPassword, r.Email+" has already chosen a password. If it is forgotten, “Forgot password?” on the sign-in page mails a reset link.")
		}
		r.InvitedAt = s.cfg.Now().UTC().Truncate(time.Second)
		if err := putRecord(tx, r); err != nil {
			return err
		}
		var err error
		sent, err = s.sendLink(tx, r.User, Setup, inviter, d)
		return err
	})
	if err != nil {
		return User{}, Sent{}, fmt.Errorf("send a new setup link to account %s: %w", id, err)
	}
	return r.User, sent, nil
}

// canDeliver says why links cannot go out by d, if they cannot.
func (s *Service) canDeliver(d Delivery) error {
	switch d {
	case ByLink:
		return nil
	case ByMail, "":
	default:
		return validation.Errors{"delivery": fmt.Sprintf("Choose mail or link (got %q).", d)}
	}
	ready, err := s.cfg.MailReady()
	if err != nil {
		return fmt.Errorf("read email settings: %w", err)
	}
	if !ready {
		return fault.Explain(fault.Conflict, ErrNoMail, "Email is not set up on this host, so the link cannot be mailed. "+
			"Set up email in Settings (or with “interviewdesk mail set”), or take the link and pass it on yourself.")
	}
	return nil
}

// SetRole gives account id role; its sessions end, so it signs in again
// with the new rights.
func (s *Service) SetRole(id string, role Role) (User, error) {
	e := validation.Errors{}
	checkRole(e, "role", role)
	if err := e.Err(); err != nil {
		return User{}, err
	}
	var r record
	changed := false
	err := s.db.Update(func(tx *store.Tx) error {
		if err := getRecord(tx, id, &r); err != nil {
			return err
		}
		if r.Role == role {
			return nil
		}
		r.Role, changed = role, true
		if err := putRecord(tx, r); err != nil {
			return err
		}
		return endSessions(tx, id)
	})
	if err != nil {
		return User{}, fmt.Errorf("change the role of account %s: %w", id, err)
	}
	if changed {
		s.cfg.Log.Info("account role changed", "user", id, "role", role)
		s.cfg.Revoked(id)
	}
	return r.User, nil
}

// Rename changes account id's name.
func (s *Service) Rename(id, name string) (User, error) {
	e := validation.Errors{}
	name = e.Line("name", name, "name", 1, MaxNameLength)
	if err := e.Err(); err != nil {
		return User{}, err
	}
	var r record
	err := s.db.Update(func(tx *store.Tx) error {
		if err := getRecord(tx, id, &r); err != nil {
			return err
		}
		r.Name = name
		return putRecord(tx, r)
	})
	if err != nil {
		return User{}, fmt.Errorf("rename account %s: %w", id, err)
	}
	return r.User, nil
}

// Remove deletes account id with its links and sessions: it is signed out
// everywhere at once.
func (s *Service) Remove(id string) error {
	err := s.db.Update(func(tx *store.Tx) error {
		var r record
		if err := getRecord(tx, id, &r); err != nil {
			return err
		}
		if err := store.BucketOf(tx, store.BucketUsers).Delete([]byte(id)); err != nil {
			return err
		}
		if err := store.BucketOf(tx, store.BucketUsersByEmail).Delete([]byte(fold(r.Email))); err != nil {
			return err
		}
		if err := endLinks(tx, id); err != nil {
			return err
		}
		return endSessions(tx, id)
	})
	if err != nil {
		return fmt.Errorf("remove account %s: %w", id, err)
	}
	s.cfg.Log.Info("account removed", "user", id)
	s.cfg.Revoked(id)
	return nil
}

// hash hashes password, a few at a time.
func (s *Service) hash(password string) string {
	s.hashing <- struct{}{}
	defer func() { <-s.hashing }()
	return hashPassword(password, s.cfg.Hashing)
}

// verify checks password against encoded (the decoy when empty), a few at a time.
func (s *Service) verify(password, encoded string) (ok, stale bool) {
	s.hashing <- struct{}{}
	defer func() { <-s.hashing }()
	if encoded == "" {
		verifyPassword(password, s.decoy, s.cfg.Hashing)
		return false, false
	}
	return verifyPassword(password, encoded, s.cfg.Hashing)
}
