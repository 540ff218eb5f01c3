package invitation

import (
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Mailer queues the emails each interview change calls for, in the change's own
// transaction (interviews.Hook): an invitation is queued exactly when the change
// commits.
type Mailer struct {
	outbox   *mail.Outbox
	settings *settings.Service
	links    Links
	now      func() time.Time
	log      *slog.Logger
}

// NewMailer returns a Mailer queueing into outbox.
func NewMailer(outbox *mail.Outbox, st *settings.Service, links Links, now func() time.Time, log *slog.Logger) *Mailer {
	return &Mailer{outbox: outbox, settings: st, links: links, now: now, log: log}
}

// delivery is one message to send for a change.
type delivery struct {
	to       Recipient
	kind     Kind
	previous time.Time
}

// Changed is the interviews.Hook: it works out who must hear about the change
// and queues their messages. Without email set up it queues nothing.
func (m *Mailer) Changed(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
	cfg, err := m.settings.Mail()
	if err != nil {
		return err
	}
	if !cfg.Configured() {
		return nil
	}
	fallback := sender(cfg)
	tx.OnCommit(m.outbox.Wake) // deliver as soon as the change is durable
	for _, d := range deliveries(before, after, m.links) {
		if d.to.Email == "" {
			continue // the organizer has no address yet
		}
		msg, err := Compose(after, d.to, d.kind, d.previous, m.now(), fallback)
		if err == nil {
			mm := mail.Message{Kind: string(d.kind), To: mail.Address{Name: msg.To.Name, Email: d.to.Email}, Subject: msg.Subject,
				Text: msg.Text, HTML: msg.HTML, Calendar: &mail.Calendar{Method: string(msg.Method), Data: msg.ICS}}
			_, err = m.outbox.EnqueueTx(tx, mm, after.ID)
			if err != nil && !errors.Is(err, mail.ErrInvalid) {
				return fmt.Errorf("queue %s for %s: %w", d.kind, d.to.Email, err)
			}
		}
		if err != nil {
			// Visible where the sent ones are; the others still go out.
			to := mail.Address{Name: validation.CleanLine(d.to.Name), Email: d.to.Email}
			if _, err := m.outbox.FailTx(tx, to, Subject(after, d.to, d.kind), string(d.kind), after.ID, uncomposed(d.kind, err)); err != nil {
				return fmt.Errorf("record unsendable %s for %s: %w", d.kind, d.to.Email, err)
			}
		}
	}
	return nil
}

// uncomposed says why kind's message could not be written and what to do.
func uncomposed(kind Kind, err error) string {
	detail := err.Error()
	var fe validation.Errors
	if errors.As(err, &fe) {
		msgs := make([]string, 0, len(fe))
		for _, msg := range fe {
			msgs = append(msgs, msg)
		}
		sort.Strings(msgs)
		detail = strings.Join(msgs, " ")
	}
	what := map[Kind]string{Invite: "invitation", Reschedule: "update", Cancel: "cancellation"}[kind]
	if what == "" {
		what = "message"
	}
	return fmt.Sprintf("InterviewDesk could not write this %s, so it was not sent: %s "+
		"Correct the person's details (remove them and add them again, or fix them in Settings), then use “Send invitations again”.",
		what, detail)
}

// deliveries lists who hears what about a change from before (nil: new) to after.
func deliveries(before *interviews.Interview, after interviews.Interview, links Links) []delivery {
	everyone := func(kind Kind, previous time.Time) []delivery {
		var out []delivery
		for _, r := range Recipients(after, links) {
			out = append(out, delivery{to: r, kind: kind, previous: previous})
		}
		return out
	}
	switch {
	case before == nil:
		return everyone(Invite, time.Time{})
	case before.Status == interviews.Scheduled && after.Status == interviews.Cancelled:
		return everyone(Cancel, time.Time{})
	case before.Status == interviews.Cancelled && after.Status == interviews.Scheduled:
		return everyone(Invite, time.Time{})
	case after.Status != interviews.Scheduled:
		return nil
	case !before.StartsAt.Equal(after.StartsAt) || before.DurationMinutes != after.DurationMinutes:
		return everyone(Reschedule, before.StartsAt)
	}
	var out []delivery
	had := map[string]bool{}
	for _, in := range before.Interviewers {
		had[in.Token] = true
	}
	has := map[string]bool{}
	for _, in := range after.Interviewers {
		has[in.Token] = true
		if !had[in.Token] {
			out = append(out, delivery{to: Recipient{Name: in.Name, Email: in.Email, Link: links.InterviewerLink(in.Token)}, kind: Invite})
		}
	}
	for _, in := range before.Interviewers {
		if !has[in.Token] {
			out = append(out, delivery{to: Recipient{Name: in.Name, Email: in.Email, Link: links.InterviewerLink(in.Token)}, kind: Cancel})
		}
	}
	return out
}

// RecipientFor finds "candidate", "interviewer" (the organizer) or
// "interviewer:EMAIL" among iv's people.
func RecipientFor(iv interviews.Interview, links Links, who string) (Recipient, error) {
	role, email, _ := strings.Cut(strings.TrimSpace(who), ":")
	all := Recipients(iv, links)
	switch {
	case role == "" || role == "candidate" && email == "":
		return all[0], nil
	case role == "interviewer" && email == "" && len(all) > 1:
		return all[1], nil
	case role == "interviewer":
		for _, r := range all[1:] {
			if strings.EqualFold(r.Email, email) {
				return r, nil
			}
		}
		return Recipient{}, fmt.Errorf("%s is not an interviewer of this interview", email)
	}
	return Recipient{}, fmt.Errorf("choose candidate, interviewer or interviewer:EMAIL, not %q", who)
}
