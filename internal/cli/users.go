package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// The team host's accounts: invite, list, change a role, remove, send a new
// setup link. They act as the host's owner (the console key).

// delivery is how a command's setup link goes out: by mail, or printed
// with --link.
func delivery(printed bool) accounts.Delivery {
	if printed {
		return accounts.ByLink
	}
	return accounts.ByMail
}

// printSetup tells how an account's setup link went out.
func printSetup(e Env, asJSON bool, in web.InvitedUser, what string) error {
	if asJSON {
		return printJSON(e, in, nil)
	}
	until := in.Setup.ExpiresAt.Local().Format("2006-01-02 15:04")
	if in.Setup.Mailed {
		fmt.Fprintf(e.Stdout, "%s %s (%s). The password-setup link was mailed to them; it works once, until %s.\n",
			what, in.User.Email, in.User.Role, until)
		return nil
	}
	fmt.Fprintf(e.Stdout, "%s %s (%s). Pass this password-setup link on to them; it works once, until %s:\n%s\n",
		what, in.User.Email, in.User.Role, until, in.Setup.Link)
	return nil
}

func userAdd(ctx context.Context, e Env, args []string) error {
	f := newFlags("user add")
	email := f.String("email", "", "the person's email address (the setup link goes there)")
	name := f.String("name", "", "the person's name")
	role := f.String("role", "", "admin, recruiter or interviewer")
	link := f.Bool("link", false, "print the setup link instead of mailing it")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if *email == "" || *name == "" || *role == "" {
		return fmt.Errorf("%w: --email, --name and --role are required", errUsage)
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		in, err := c.InviteUser(ctx, web.UserInvite{Email: *email, Name: *name, Role: accounts.Role(*role), Delivery: delivery(*link)})
		if err != nil {
			return err
		}
		return printSetup(e, *f.json, in, "Invited")
	})
}

func userList(ctx context.Context, e Env, args []string) error {
	f := newFlags("user list")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		list, err := c.Users(ctx)
		if err != nil || *f.json {
			return printJSON(e, web.UserList{Users: list}, err)
		}
		if len(list) == 0 {
			fmt.Fprintln(e.Stdout, "No accounts. Invite someone with `interviewdesk user add --email E --name N --role R`.")
			return nil
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "EMAIL\tNAME\tROLE\tSTATE\tLAST SIGN-IN")
		for _, u := range list {
			state := "invited (no password yet)"
			if u.Active {
				state = "active"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Email, u.Name, u.Role, state, when(u.LastSignInAt))
		}
		return tw.Flush()
	})
}

// when is t in local time, or "never".
func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func userRemove(ctx context.Context, e Env, args []string) error {
	f := newFlags("user remove")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		u, err := c.User(ctx, pos[0])
		if err != nil {
			return err
		}
		if err := c.RemoveUser(ctx, u.ID); err != nil {
			return err
		}
		if *f.json {
			return printJSON(e, u, nil)
		}
		fmt.Fprintf(e.Stdout, "Removed %s; it is signed out everywhere.\n", u.Email)
		return nil
	})
}

func userRole(ctx context.Context, e Env, args []string) error {
	f := newFlags("user role")
	pos, err := f.parse(args, 2)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		u, err := c.User(ctx, pos[0])
		if err != nil {
			return err
		}
		if u, err = c.SetUserRole(ctx, u.ID, accounts.Role(pos[1])); err != nil || *f.json {
			return printJSON(e, u, err)
		}
		fmt.Fprintf(e.Stdout, "%s is now %s; it signs in again to use the new role.\n", u.Email, u.Role)
		return nil
	})
}

func userResend(ctx context.Context, e Env, args []string) error {
	f := newFlags("user resend")
	link := f.Bool("link", false, "print the setup link instead of mailing it")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		u, err := c.User(ctx, pos[0])
		if err != nil {
			return err
		}
		in, err := c.ResendSetup(ctx, u.ID, delivery(*link))
		if err != nil {
			return err
		}
		return printSetup(e, *f.json, in, "Sent a new setup link for")
	})
}
