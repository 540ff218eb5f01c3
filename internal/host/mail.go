package host

import (
	"context"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/settings"
)

// newOutbox builds the outbox that delivers queued email (with the settings
// current at each attempt) and the interview hook that queues invitations.
func (h *Host) newOutbox(st *settings.Service) (*mail.Outbox, interviews.Hook, error) {
	send := mail.SenderFunc(func(ctx context.Context, msg mail.Message) error {
		cfg, err := st.Mail()
		if err != nil {
			return err
		}
		c, err := mail.NewSMTP(cfg, mail.SMTPOptions{Now: h.now}, h.log)
		if err != nil {
			return err
		}
		return c.Send(ctx, msg)
	})
	outbox, err := mail.NewOutbox(h.db, mail.Config{Sender: send, Now: h.now, OnChange: h.publishOutbox}, h.log.With("part", "outbox"))
	if err != nil {
		return nil, nil, fmt.Errorf("outbox: %w", err)
	}
	mailer := invitation.NewMailer(outbox, st, h.urls, h.now, h.log)
	return outbox, mailer.Changed, nil
}

// invitations is the console's invitation service: text, calendar files, the
// outbox and the email settings.
func (h *Host) invitations(ivs *interviews.Service, st *settings.Service, outbox *mail.Outbox) *invitation.Service {
	return invitation.NewService(invitation.Config{Interviews: ivs, Settings: st, Outbox: outbox, Links: h.urls}, h.log, h.now)
}

// DrainOutbox waits until no message is due (or ctx ends), so a short-lived
// process such as a CLI command delivers what it queued before it exits.
func (h *Host) DrainOutbox(ctx context.Context) {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		entries, err := h.outbox.List("")
		if err != nil {
			return
		}
		pending := false
		for _, e := range entries {
			if e.State == mail.Sending || e.State == mail.Queued && !e.NextAttempt.After(h.now()) {
				pending = true
				break
			}
		}
		if !pending {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
