package accounts

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Outbox queues mail in the caller's transaction (mail.Outbox).
type Outbox interface {
	EnqueueTx(tx *store.Tx, msg mail.Message, ref string) (mail.Entry, error)
	Wake()
}

var _ Outbox = (*mail.Outbox)(nil)

// Purpose is what a password link is for.
type Purpose string

// Purposes.
const (
	// Setup: the first password of an invited account.
	Setup Purpose = "setup"
	// Reset: a new password for an account that forgot its own.
	Reset Purpose = "reset"
)

// Mail kinds as the outbox lists them.
const (
	KindSetup = "account-setup"
	KindReset = "account-reset"
)

// linkPaths are the console routes that open each purpose's link. The token
// is in the URL's fragment, so it never reaches a server's access log nor
// leaves the page as a Referer.
var linkPaths = map[Purpose]string{Setup: "/#/set-password/", Reset: "/#/reset-password/"}

// LinkURL is the console URL that opens a password link on a host at base.
func LinkURL(base string, p Purpose, token string) string {
	return strings.TrimRight(base, "/") + linkPaths[p] + token
}

// RefPrefix starts the outbox ref of every account's mail (no interview's).
const RefPrefix = "account:"

// outboxRef ties an account's mail to it in the outbox.
func outboxRef(userID string) string { return RefPrefix + userID }

// hostName is how mails name the team host: its public address's host.
func hostName(base string) string {
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		return u.Host
	}
	return base
}

// setupMail invites u, on behalf of inviter, to choose a password.
func setupMail(u User, inviter, base, token string) mail.Message {
	by := "You have been added"
	if inviter != "" {
		by = inviter + " added you"
	}
	text := fmt.Sprintf(`Hello %s,

%s to the InterviewDesk team at %s as %s.

Choose your password here:
%s

The link works once, within %s. After that, sign in at %s with %s and your password.

If you did not expect this email, ignore it: nobody can sign in to the account without the password chosen through this link.
`, u.Name, by, hostName(base), article(u.Role), LinkURL(base, Setup, token), lifetimeText, strings.TrimRight(base, "/"), u.Email)
	return mail.Message{Kind: KindSetup, To: mail.Address{Name: u.Name, Email: u.Email},
		Subject: "Set your password for InterviewDesk", Text: text, Secret: true}
}

// resetMail lets u choose a new password.
func resetMail(u User, base, token string) mail.Message {
	text := fmt.Sprintf(`Hello %s,

Someone, hopefully you, asked to reset the password of your InterviewDesk account (%s) at %s.

Choose a new password here:
%s

The link works once, within %s.

If you did not ask for this, ignore this email: your password stays as it is.
`, u.Name, u.Email, hostName(base), LinkURL(base, Reset, token), lifetimeText)
	return mail.Message{Kind: KindReset, To: mail.Address{Name: u.Name, Email: u.Email},
		Subject: "Reset your InterviewDesk password", Text: text, Secret: true}
}

// article is the role with its indefinite article: "an admin".
func article(r Role) string {
	if r == Admin || r == Interviewer {
		return "an " + r.Label()
	}
	return "a " + r.Label()
}
