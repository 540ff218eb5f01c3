package accounts

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// fixture is a Service over a real bbolt file and a real outbox, whose
// messages are handed to the test instead of an SMTP server (the console's
// end-to-end test reads them from one), and a clock the test moves.
type fixture struct {
	svc     *Service
	db      *store.DB
	outbox  *mail.Outbox
	mails   chan mail.Message
	revoked chan string

	mu        sync.Mutex
	now       time.Time
	mailReady bool
}

// cheap keeps the tests fast; TestPasswordHashes checks the real parameters.
var cheap = Hashing{Memory: 64, Time: 1, Threads: 1}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	f := &fixture{db: db, mails: make(chan mail.Message, 20), revoked: make(chan string, 20),
		now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), mailReady: true}
	// A message reaches the test once the outbox recorded it as sent.
	var handed sync.Map // message ID -> message
	outbox, err := mail.NewOutbox(db, mail.Config{Sender: mail.SenderFunc(func(_ context.Context, m mail.Message) error {
		handed.Store(m.ID, m)
		return nil
	}), OnChange: func(e mail.Entry) {
		if m, ok := handed.LoadAndDelete(e.MessageID); ok && e.State == mail.Sent {
			f.mails <- m.(mail.Message)
		}
	}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := outbox.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = outbox.Close() })
	f.outbox = outbox
	f.svc, err = New(Config{DB: db, Outbox: outbox, BaseURL: "https://team.example.com", Now: f.clock, Hashing: cheap,
		MailReady: func() (bool, error) { f.mu.Lock(); defer f.mu.Unlock(); return f.mailReady, nil },
		Revoked:   func(id string) { f.revoked <- id }})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

// mail waits for the next message the outbox delivers.
func (f *fixture) mail(t *testing.T) mail.Message {
	t.Helper()
	select {
	case m := <-f.mails:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no mail was delivered")
		return mail.Message{}
	}
}

var linkToken = regexp.MustCompile(`https://team\.example\.com/#/(set|reset)-password/([A-Za-z0-9_-]+)`)

// token is the password link's token in m.
func token(t *testing.T, m mail.Message) string {
	t.Helper()
	match := linkToken.FindStringSubmatch(m.Text)
	if match == nil {
		t.Fatalf("no password link in the mail:\n%s", m.Text)
	}
	return match[2]
}

// invite invites email as role and returns the setup link's token.
func (f *fixture) invite(t *testing.T, email string, role Role) (User, string) {
	t.Helper()
	u, sent, err := f.svc.Invite(NewUser{Email: email, Name: "Ivan Interviewer", Role: role}, "Rita Recruiter", ByMail)
	if err != nil {
		t.Fatalf("invite %s: %v", email, err)
	}
	if !sent.Mailed || sent.Link != "" {
		t.Errorf("sent = %+v, want mailed and no link handed out", sent)
	}
	m := f.mail(t)
	if m.To.Email != email || m.Kind != KindSetup {
		t.Errorf("mail to %s (%s), want the setup mail to %s", m.To.Email, m.Kind, email)
	}
	return u, token(t, m)
}

const strong = "correct horse battery staple"

// active invites email and sets its password, returning the first session.
func (f *fixture) active(t *testing.T, email string, role Role) (User, Session) {
	t.Helper()
	_, tok := f.invite(t, email, role)
	u, sess, err := f.svc.SetPassword(tok, strong, Origin{Address: "192.0.2.1/32"})
	if err != nil {
		t.Fatalf("set password: %v", err)
	}
	f.drainRevoked()
	return u, sess
}

func (f *fixture) drainRevoked() {
	for {
		select {
		case <-f.revoked:
		default:
			return
		}
	}
}

func (f *fixture) wantRevoked(t *testing.T, id string) {
	t.Helper()
	select {
	case got := <-f.revoked:
		if got != id {
			t.Errorf("revoked %s, want %s", got, id)
		}
	default:
		t.Errorf("the sessions of %s ended without Revoked being called", id)
	}
}

func TestPasswordHashes(t *testing.T) {
	h := hashPassword(strong, DefaultHashing)
	if !regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`).MatchString(h) {
		t.Fatalf("hash %q is not an argon2id PHC string with the default parameters", h)
	}
	if strings.Contains(h, strong) {
		t.Fatal("the hash holds the password")
	}
	if again := hashPassword(strong, DefaultHashing); again == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	cases := []struct {
		name, password, hash string
		want                 Hashing
		ok, stale            bool
	}{
		{"right password", strong, h, DefaultHashing, true, false},
		{"wrong password", strong + "!", h, DefaultHashing, false, false},
		{"older parameters verify and want a new hash", strong, hashPassword(strong, cheap), DefaultHashing, true, true},
		{"not a hash", strong, "$2a$10$abcdefghijklmnopqrstuv", DefaultHashing, false, false},
		{"empty", strong, "", DefaultHashing, false, false},
		{"zero cost", strong, "$argon2id$v=19$m=0,t=0,p=0$c2FsdA$a2V5", DefaultHashing, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ok, stale := verifyPassword(c.password, c.hash, c.want)
			if ok != c.ok || stale != c.stale {
				t.Errorf("verify = %v, %v; want %v, %v", ok, stale, c.ok, c.stale)
			}
		})
	}
}

func TestPasswordRules(t *testing.T) {
	cases := []struct{ password, want string }{
		{"short", "at least 12 characters"},
		{"aaaaaaaaaaaaaaa", "more than one kind"},
		{"ivan.petrov@example.com", "email address or name"},
		{"my name is Ivan Petrov!", "email address or name"},
		{"xx-ivan.petrov-xx", "email address or name"},
		{"Password1234", "first that attackers try"},
		{"line\nbreak in it", "line breaks"},
		{strings.Repeat("ab", 200), "at most 256"},
		{strong, ""},
		{"çok güzel bir parola", ""},
	}
	for _, c := range cases {
		e := validation.Errors{}
		checkPassword(e, "password", c.password, "Ivan.Petrov@example.com", "Ivan Petrov")
		if got := e["password"]; c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%q: %q, want a message with %q", c.password, got, c.want)
		}
	}
}

func TestInviteMailsASetupLinkThatWorksOnce(t *testing.T) {
	f := newFixture(t)
	u, tok := f.invite(t, "Ivan@Example.com", Interviewer)
	if u.Active || u.Role != Interviewer {
		t.Errorf("invited account = %+v, want an inactive interviewer", u)
	}
	info, err := f.svc.Link(tok)
	if err != nil || info.Email != "Ivan@Example.com" || info.Purpose != Setup || !info.ExpiresAt.Equal(f.clock().Add(LinkLifetime)) {
		t.Fatalf("link info = %+v, %v", info, err)
	}
	// Nothing in the file opens the link: only its digest is stored, and
	// the outbox forgot the mail's text once it was sent.
	if raw := dump(t, f.db); strings.Contains(raw, tok) {
		t.Error("the data file holds the link token itself")
	}
	if _, _, err := f.svc.SetPassword(tok, "short", Origin{}); !errors.As(err, new(validation.Errors)) {
		t.Fatalf("a weak password: %v, want a field error", err)
	}
	got, sess, err := f.svc.SetPassword(tok, strong, Origin{Address: "192.0.2.1/32"})
	if err != nil || !got.Active || sess.Token == "" {
		t.Fatalf("set password: %+v %+v %v", got, sess, err)
	}
	if _, _, err := f.svc.SetPassword(tok, strong+" again", Origin{}); !errors.Is(err, ErrLinkNotValid) {
		t.Errorf("the link used a second time: %v, want ErrLinkNotValid", err)
	}
	if _, err := f.svc.Link(tok); !errors.Is(err, ErrLinkNotValid) {
		t.Errorf("a used link's info: %v, want ErrLinkNotValid", err)
	}
	if _, _, err := f.svc.SignIn("ivan@example.COM", strong, Origin{Address: "192.0.2.1/32"}); err != nil {
		t.Errorf("sign in with the chosen password (email in another case): %v", err)
	}
}

func TestSetupLinksExpireAndANewOneEndsTheOld(t *testing.T) {
	f := newFixture(t)
	u, first := f.invite(t, "ivan@example.com", Recruiter)
	if _, _, err := f.svc.ResendSetup(u.ID, "Rita", ByMail); err != nil {
		t.Fatal(err)
	}
	second := token(t, f.mail(t))
	if _, err := f.svc.Link(first); !errors.Is(err, ErrLinkNotValid) {
		t.Errorf("the first link after a new one was sent: %v, want ErrLinkNotValid", err)
	}
	f.advance(LinkLifetime - time.Second)
	if _, err := f.svc.Link(second); err != nil {
		t.Errorf("the link a second before it expires: %v", err)
	}
	f.advance(time.Second)
	if _, _, err := f.svc.SetPassword(second, strong, Origin{}); !errors.Is(err, ErrLinkNotValid) {
		t.Errorf("the link after %v: %v, want ErrLinkNotValid", LinkLifetime, err)
	}
	if _, _, err := f.svc.ResendSetup(u.ID, "Rita", ByLink); err != nil {
		t.Fatal(err)
	}
}

func TestInviteRules(t *testing.T) {
	f := newFixture(t)
	f.invite(t, "ivan@example.com", Interviewer)
	if _, _, err := f.svc.Invite(NewUser{Email: " IVAN@example.com ", Name: "Ivan", Role: Recruiter}, "", ByMail); !errors.Is(err, ErrExists) {
		t.Errorf("the same email in another case: %v, want ErrExists", err)
	}
	var fe validation.Errors
	if _, _, err := f.svc.Invite(NewUser{Email: "nobody", Name: "", Role: "owner"}, "", ByMail); !errors.As(err, &fe) ||
		fe["email"] == "" || fe["name"] == "" || fe["role"] == "" {
		t.Errorf("bad fields: %v, want errors on email, name and role", err)
	}
	f.mu.Lock()
	f.mailReady = false
	f.mu.Unlock()
	if _, _, err := f.svc.Invite(NewUser{Email: "olga@example.com", Name: "Olga", Role: Recruiter}, "", ByMail); !errors.Is(err, ErrNoMail) {
		t.Errorf("invite by mail without email set up: %v, want ErrNoMail", err)
	}
	if _, err := f.svc.ByEmail("olga@example.com"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused invitation left an account: %v", err)
	}
	u, sent, err := f.svc.Invite(NewUser{Email: "olga@example.com", Name: "Olga", Role: Recruiter}, "", ByLink)
	if err != nil || sent.Mailed || !strings.HasPrefix(sent.Link, "https://team.example.com/#/set-password/") {
		t.Fatalf("invite by link: %+v %v", sent, err)
	}
	if _, _, err := f.svc.SetPassword(strings.TrimPrefix(sent.Link, "https://team.example.com/#/set-password/"), strong, Origin{}); err != nil {
		t.Fatalf("the handed-out link: %v", err)
	}
	if _, _, err := f.svc.ResendSetup(u.ID, "", ByLink); !errors.Is(err, ErrHasPassword) {
		t.Errorf("a setup link for an account with a password: %v, want ErrHasPassword", err)
	}
}

func TestSignInNeverTellsWhichPartWasWrong(t *testing.T) {
	f := newFixture(t)
	f.active(t, "ivan@example.com", Interviewer)
	_, pending := f.invite(t, "olga@example.com", Recruiter)
	_ = pending
	from := Origin{Address: "192.0.2.7/32"}
	for _, c := range []struct{ email, password string }{
		{"ivan@example.com", "wrong password here"},
		{"nobody@example.com", strong},
		{"olga@example.com", ""}, // invited, no password yet
		{"", ""},
	} {
		if _, _, err := f.svc.SignIn(c.email, c.password, from); err != ErrWrongPassword {
			t.Errorf("sign in %q: %v, want ErrWrongPassword", c.email, err)
		}
	}
}

func TestSessionsEndAtOnce(t *testing.T) {
	f := newFixture(t)
	from := Origin{Address: "192.0.2.1/32", Agent: "Chromium"}
	u, first := f.active(t, "ivan@example.com", Recruiter)
	_, second, err := f.svc.SignIn("ivan@example.com", strong, from)
	if err != nil {
		t.Fatal(err)
	}
	if raw := dump(t, f.db); strings.Contains(raw, first.Token) || strings.Contains(raw, second.Token) {
		t.Error("the data file holds a session token itself")
	}
	if got, _, err := f.svc.Authenticate(second.Token); err != nil || got.ID != u.ID {
		t.Fatalf("authenticate: %+v %v", got, err)
	}
	// Signing out ends that session only.
	if err := f.svc.SignOut(second.Token); err != nil {
		t.Fatal(err)
	}
	f.wantRevoked(t, u.ID)
	if _, _, err := f.svc.Authenticate(second.Token); !errors.Is(err, ErrNoSession) {
		t.Errorf("after sign-out: %v, want ErrNoSession", err)
	}
	if !f.svc.Valid(first.ID) {
		t.Error("signing out in one browser ended the session in another")
	}

	// A new password ends every session but the one it starts.
	third, err := f.svc.ChangePassword(u.ID, strong, "another long passphrase", from)
	if err != nil {
		t.Fatal(err)
	}
	f.wantRevoked(t, u.ID)
	if f.svc.Valid(first.ID) || !f.svc.Valid(third.ID) {
		t.Error("a password change kept an older session or ended its own")
	}
	if _, err := f.svc.ChangePassword(u.ID, "not the current one", "yet another passphrase", from); !errors.As(err, new(validation.Errors)) {
		t.Errorf("change with a wrong current password: %v, want a field error", err)
	}

	// A new role ends every session.
	if _, err := f.svc.SetRole(u.ID, Interviewer); err != nil {
		t.Fatal(err)
	}
	f.wantRevoked(t, u.ID)
	if _, _, err := f.svc.Authenticate(third.Token); !errors.Is(err, ErrNoSession) {
		t.Errorf("after a role change: %v, want ErrNoSession", err)
	}

	// Removal ends every session and the account.
	_, fourth, err := f.svc.SignIn("ivan@example.com", "another long passphrase", from)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Remove(u.ID); err != nil {
		t.Fatal(err)
	}
	f.wantRevoked(t, u.ID)
	if _, _, err := f.svc.Authenticate(fourth.Token); !errors.Is(err, ErrNoSession) {
		t.Errorf("after removal: %v, want ErrNoSession", err)
	}
	if _, _, err := f.svc.SignIn("ivan@example.com", "another long passphrase", from); err != ErrWrongPassword {
		t.Errorf("a removed account signs in: %v", err)
	}
}

func TestSessionsExpireWhenIdle(t *testing.T) {
	f := newFixture(t)
	_, sess := f.active(t, "ivan@example.com", Recruiter)
	f.advance(touchEvery - time.Minute)
	if _, got, err := f.svc.Authenticate(sess.Token); err != nil || got.Refreshed {
		t.Fatalf("a session used recently: %+v %v, want it valid and not written again", got, err)
	}
	// Used every 29 days, a session lives on.
	for range 3 {
		f.advance(SessionIdle - 24*time.Hour)
		if _, got, err := f.svc.Authenticate(sess.Token); err != nil || !got.Refreshed {
			t.Fatalf("a session used within %v: %+v %v", SessionIdle, got, err)
		}
	}
	f.advance(SessionIdle)
	if _, _, err := f.svc.Authenticate(sess.Token); !errors.Is(err, ErrNoSession) {
		t.Errorf("a session unused for %v: %v, want ErrNoSession", SessionIdle, err)
	}
	for _, junk := range []string{"", "x", strings.Repeat("A", 43), "not/base64url!" + strings.Repeat("a", 29)} {
		if _, _, err := f.svc.Authenticate(junk); !errors.Is(err, ErrNoSession) {
			t.Errorf("token %q: %v", junk, err)
		}
	}
}

func TestPasswordResetNeverTellsWhetherAnAccountExists(t *testing.T) {
	f := newFixture(t)
	u, old := f.active(t, "ivan@example.com", Recruiter)
	from := Origin{Address: "192.0.2.9/32"}
	if err := f.svc.RequestReset("nobody@example.com", from); err != nil {
		t.Fatalf("reset for no account: %v, want the same answer as for one", err)
	}
	if err := f.svc.RequestReset("IVAN@example.com", from); err != nil {
		t.Fatal(err)
	}
	m := f.mail(t)
	if m.To.Email != "ivan@example.com" || m.Kind != KindReset || !strings.Contains(m.Text, "/#/reset-password/") {
		t.Fatalf("reset mail: %+v", m)
	}
	select {
	case extra := <-f.mails:
		t.Fatalf("a mail went to %s for an address without an account", extra.To.Email)
	default:
	}
	if _, _, err := f.svc.SetPassword(token(t, m), "a brand new passphrase", from); err != nil {
		t.Fatal(err)
	}
	f.wantRevoked(t, u.ID)
	if f.svc.Valid(old.ID) {
		t.Error("a password reset kept the older session")
	}
	if _, _, err := f.svc.SignIn("ivan@example.com", strong, from); err != ErrWrongPassword {
		t.Errorf("the old password after a reset: %v", err)
	}
}

func TestLimits(t *testing.T) {
	f := newFixture(t)
	ivan, _ := f.active(t, "ivan@example.com", Recruiter)
	l := DefaultLimits
	// On one account, from many addresses: refused even with the right password.
	for i := range l.SignInsPerAccount {
		f.svc.SignIn("ivan@example.com", "wrong guess", Origin{Address: "198.51.100." + string(rune('0'+i%10)) + "/32"})
	}
	_, _, err := f.svc.SignIn("ivan@example.com", strong, Origin{Address: "192.0.2.1/32"})
	if !errors.Is(err, ErrTooMany) || RetryAfter(err) <= 0 || RetryAfter(err) > l.SignInWindow {
		t.Fatalf("sign-in after %d wrong passwords: %v (retry after %v), want refused for a while", l.SignInsPerAccount, err, RetryAfter(err))
	}
	f.advance(l.SignInWindow)
	if _, _, err := f.svc.SignIn("ivan@example.com", strong, Origin{Address: "192.0.2.1/32"}); err != nil {
		t.Fatalf("sign-in once the window passed: %v", err)
	}

	// From one address, across accounts.
	attacker := Origin{Address: "203.0.113.5/32"}
	for i := range l.SignInsPerAddress {
		f.svc.SignIn("guess"+string(rune('a'+i%26))+"@example.com", "wrong guess", attacker)
	}
	if _, _, err := f.svc.SignIn("ivan@example.com", strong, attacker); !errors.Is(err, ErrTooMany) {
		t.Errorf("an address after %d failures: %v, want refused", l.SignInsPerAddress, err)
	}
	if _, _, err := f.svc.SignIn("ivan@example.com", strong, Origin{Address: "192.0.2.1/32"}); err != nil {
		t.Errorf("another address meanwhile: %v", err)
	}

	// Reset mails per account: a few, then silently none.
	for i := range l.ResetsPerAccount + 2 {
		if err := f.svc.RequestReset("ivan@example.com", Origin{Address: "198.51.100." + string(rune('0'+i)) + "/32"}); err != nil {
			t.Fatal(err)
		}
	}
	queued, err := f.outbox.List(outboxRef(ivan.ID))
	if err != nil {
		t.Fatal(err)
	}
	if resets := len(queued) - 1; resets != l.ResetsPerAccount { // the first is the setup mail
		t.Errorf("%d reset mails queued for %d requests, want %d", resets, l.ResetsPerAccount+2, l.ResetsPerAccount)
	}
}

// dump is every key and value in the data file, as text.
func dump(t *testing.T, db *store.DB) string {
	t.Helper()
	var b strings.Builder
	err := db.View(func(tx *store.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			return bk.ForEach(func(k, v []byte) error {
				b.WriteString(string(name) + "/" + string(k) + "=" + string(v) + "\n")
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
