package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
)

func interviewInvitation(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview invitation")
	who := f.String("for", "candidate", "candidate, interviewer (the organizer) or interviewer:EMAIL")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		raw, err := c.DoRaw(ctx, "GET", "/api/interviews/"+url.PathEscape(pos[0])+"/invitation?for="+url.QueryEscape(*who), nil)
		if err != nil || *f.json {
			return printRaw(e, raw, err)
		}
		var inv struct{ Text string }
		if err := json.Unmarshal(raw, &inv); err != nil {
			return err
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
		raw, err := c.DoRaw(ctx, "GET", "/api/interviews/"+url.PathEscape(pos[0])+"/ics?for="+url.QueryEscape(*who), nil)
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
		raw, err := c.DoRaw(ctx, "GET", "/api/interviews/"+url.PathEscape(pos[0])+"/outbox", nil)
		if err != nil || *f.json {
			return printRaw(e, raw, err)
		}
		var box struct {
			MailConfigured bool
			Messages       []struct {
				ID        string
				To        person
				Subject   string
				State     string
				Attempts  int
				LastError string
				SentAt    *time.Time
			}
		}
		if err := json.Unmarshal(raw, &box); err != nil {
			return err
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
			state := m.State
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
		raw, err := c.DoRaw(ctx, "GET", "/api/settings/mail", nil)
		return printRaw(e, raw, err)
	})
}

func mailSet(ctx context.Context, e Env, args []string) error {
	f := newFlags("mail set")
	host := f.String("host", "", "SMTP server")
	port := f.Int("port", 587, "SMTP port (587 STARTTLS, 465 TLS)")
	security := f.String("security", "starttls", "starttls, tls, or none (a server on this machine only)")
	username := f.String("username", "", "SMTP user name")
	pwStdin := f.Bool("password-stdin", false, "read the SMTP password from the first line of standard input")
	fromName := f.String("from-name", "", "sender name")
	fromAddress := f.String("from-address", "", "sender address")
	replyTo := f.String("reply-to", "", "reply-to address")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	body := map[string]any{"host": *host, "port": *port, "security": *security, "username": *username,
		"fromName": *fromName, "fromAddress": *fromAddress, "replyTo": *replyTo}
	if *pwStdin {
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return fmt.Errorf("read the password from standard input: %w", err)
		}
		body["password"] = strings.TrimRight(line, "\r\n")
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		raw, err := c.DoRaw(ctx, "PUT", "/api/settings/mail", body)
		if err != nil || *f.json {
			return printRaw(e, raw, err)
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
		if err := c.Do(ctx, "POST", "/api/settings/mail/test", map[string]string{"to": *to}, nil); err != nil {
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
		raw, err := c.DoRaw(ctx, "POST", "/api/interviews/"+url.PathEscape(pos[0])+"/invitations", nil)
		if err != nil || *f.json {
			return printRaw(e, raw, err)
		}
		fmt.Fprintln(e.Stdout, "Invitations queued; `interviewdesk interview outbox ID` shows whether they arrived.")
		return nil
	})
}
