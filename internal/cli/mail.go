package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/settings"
)

func interviewInvitation(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview invitation")
	who := f.String("for", "candidate", "candidate, interviewer (the organizer) or interviewer:EMAIL")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		inv, err := c.Invitation(ctx, pos[0], *who)
		if err != nil || *f.json {
			return printJSON(e, inv, err)
		}
		_, err = fmt.Fprint(e.Stdout, inv.Text)
		return err
	})
}

func interviewICS(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview ics")
	who := f.String("for", "candidate", "candidate, interviewer (the organizer) or interviewer:EMAIL")
	out := f.String("out", "", "file to write (default: standard output)")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		raw, err := c.CalendarFile(ctx, pos[0], *who)
		if err != nil {
			return err
		}
		return writeOutput(e, *out, raw)
	})
}

func interviewOutbox(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview outbox")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		box, err := c.Outbox(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, box, err)
		}
		if !box.MailConfigured {
			fmt.Fprintln(e.Stdout, "Email is not set up (`interviewdesk mail set`); share `interviewdesk interview invitation ID` instead.")
		}
		if len(box.Messages) == 0 {
			fmt.Fprintln(e.Stdout, "No emails for this interview.")
			return nil
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tTO\tSTATE\tATTEMPTS\tSUBJECT")
		for _, m := range box.Messages {
			state := string(m.State)
			if m.SentAt != nil {
				state += " " + m.SentAt.Local().Format("2006-01-02 15:04")
			}
			if m.LastError != "" {
				state += " (" + m.LastError + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", m.ID, m.To.Email, state, m.Attempts, m.Subject)
		}
		return tw.Flush()
	})
}

func mailShow(ctx context.Context, e Env, args []string) error {
	f := newFlags("mail show")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		m, err := c.MailSettings(ctx)
		return printJSON(e, m, err)
	})
}

func mailSet(ctx context.Context, e Env, args []string) error {
	f := newFlags("mail set")
	host := f.String("host", "", "SMTP server")
	port := f.Int("port", mail.DefaultPort, "SMTP port (587 STARTTLS, 465 TLS)")
	security := f.String("security", string(mail.DefaultSecurity), "starttls, tls, or none (a server on this machine only)")
	username := f.String("username", "", "SMTP user name")
	pwStdin := f.Bool("password-stdin", false, "read the SMTP password from the first line of standard input")
	fromName := f.String("from-name", "", "sender name")
	fromAddress := f.String("from-address", "", "sender address")
	replyTo := f.String("reply-to", "", "reply-to address")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	u := settings.MailUpdate{Settings: mail.Settings{Host: *host, Port: *port, Security: mail.Security(*security),
		Username: *username, FromName: *fromName, FromAddress: *fromAddress, ReplyTo: *replyTo}}
	if *pwStdin {
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return fmt.Errorf("read the password from standard input: %w", err)
		}
		u.Password = strings.TrimRight(line, "\r\n")
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		m, err := c.SaveMailSettings(ctx, u)
		if err != nil || *f.json {
			return printJSON(e, m, err)
		}
		fmt.Fprintln(e.Stdout, "Email settings saved. Try them with `interviewdesk mail test --to YOU@EXAMPLE.COM`.")
		return nil
	})
}

func mailTest(ctx context.Context, e Env, args []string) error {
	f := newFlags("mail test")
	to := f.String("to", "", "recipient")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if *to == "" {
		return fmt.Errorf("%w: missing --to", errUsage)
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		if _, err := c.TestMail(ctx, *to); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Test email accepted by the server for %s.\n", *to)
		return nil
	})
}

func interviewInvite(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview invite")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		box, err := c.SendInvitations(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, box, err)
		}
		fmt.Fprintln(e.Stdout, "Invitations queued; `interviewdesk interview outbox ID` shows whether they arrived.")
		return nil
	})
}
