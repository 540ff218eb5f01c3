package host

import (
	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/settings"
)

// newAccounts builds the team host's accounts: their password links go out
// through the outbox when email is set up, and an end of an account's
// sessions is told on the push bus, so its open console streams end at once.
func (h *Host) newAccounts(st *settings.Service, outbox *mail.Outbox) (*accounts.Service, error) {
	return accounts.New(accounts.Config{DB: h.db, Outbox: outbox, BaseURL: h.PublicURL(), Now: h.now, Log: h.log.With("part", "accounts"),
		MailReady: func() (bool, error) {
			cfg, err := st.Mail()
			return err == nil && cfg.Configured(), err
		},
		Revoked: func(id string) { h.push.Publish(push.Event{Type: push.Account, Data: id}) }})
}
