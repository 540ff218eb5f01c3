package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/teamhost"
)

// A team host from the command line: `interviewdesk --host URL <command>`
// calls the team host at URL as the account signed in there from this data
// folder — in the desktop app (Connect to a team host) or with `interviewdesk
// connect`, which keeps the session where the app does (internal/teamhost).

// hostFlag is the leading option that sends a command to a team host.
const hostFlag = "--host"

// teamHostArg takes a leading --host URL (or --host=URL) off args.
func teamHostArg(args []string) (url string, rest []string, err error) {
	if len(args) == 0 {
		return "", args, nil
	}
	if v, ok := strings.CutPrefix(args[0], hostFlag+"="); ok {
		return v, args[1:], nil
	}
	if args[0] != hostFlag {
		return "", args, nil
	}
	if len(args) < 2 || strings.HasPrefix(args[1], "-") {
		return "", nil, fmt.Errorf("%w: %s needs the team host's URL", errUsage, hostFlag)
	}
	return args[1], args[2:], nil
}

// localOnly are the commands that work on this computer's data folder
// itself, never on a team host.
var localOnly = map[string]bool{"serve": true, "console link": true, "backup": true, "restore": true,
	"connect": true, "disconnect": true, "score": true}

// teamClient calls the team host at raw with the session kept in dir.
func teamClient(dir, raw string) (*client.Client, error) {
	origin, err := teamhost.Origin(raw)
	if err != nil {
		return nil, err
	}
	c, ok, err := teamhost.LoadChoice(dir)
	if err != nil {
		return nil, err
	}
	if !ok || c.URL != origin {
		return nil, fmt.Errorf("this data folder is not connected to %s. Connect and sign in in the desktop app (Connect to a team host), "+
			"or run: interviewdesk connect %s --email YOUR-EMAIL --password-stdin", origin, origin)
	}
	token, err := teamhost.LoadToken(dir)
	if err != nil {
		return nil, err
	}
	if token == "" {
		return nil, fmt.Errorf("nobody is signed in to %s from this data folder. Sign in in the desktop app, "+
			"or run: interviewdesk connect %s --email YOUR-EMAIL --password-stdin", origin, origin)
	}
	return client.Session(origin, token, client.TLSCheck{CertSHA256: c.CertSHA256}), nil
}

func teamConnect(ctx context.Context, e Env, args []string) error {
	f := newFlags("connect")
	email := f.String("email", "", "your account's email on the team host")
	pin := f.String("cert-sha256", "", "confirm a self-signed certificate by its SHA-256 fingerprint")
	pwStdin := f.Bool("password-stdin", false, "read the password from the first line of standard input")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	if *email == "" || !*pwStdin {
		return fmt.Errorf("%w: give --email, and the password on standard input with --password-stdin (it stays out of the shell's history)", errUsage)
	}
	dir, err := f.dataDir()
	if err != nil {
		return err
	}
	if err := noHostRuns(dir); err != nil {
		return err
	}
	p, err := teamhost.Check(ctx, pos[0], *pin)
	if err != nil {
		return err
	}
	if !p.Trusted && *pin == "" {
		return fmt.Errorf("no authority this computer trusts vouches for the certificate of %s (self-signed, for %s). Its SHA-256 fingerprint is\n  %s\n"+
			"Compare it with the one the host's admin gives you (openssl x509 -noout -fingerprint -sha256 -in CERT), then run again with --cert-sha256 and it",
			p.URL, p.Subject, colons(p.CertSHA256))
	}
	line, _ := bufio.NewReader(e.Stdin).ReadString('\n')
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return fmt.Errorf("%w: no password on standard input: pipe it in, e.g. from a password manager", errUsage)
	}
	c := teamhost.Choice{URL: p.URL}
	if !p.Trusted {
		c.CertSHA256 = p.CertSHA256
	}
	a, err := teamhost.SignIn(ctx, dir, c, *email, password)
	if err != nil || *f.json {
		return printJSON(e, a, err)
	}
	fmt.Fprintf(e.Stdout, "Signed in to %s as %s (%s). Commands with --host %s use this session, and so does the desktop app on this data folder.\n",
		p.URL, a.Name, a.Role, p.URL)
	return nil
}

func teamDisconnect(ctx context.Context, e Env, args []string) error {
	f := newFlags("disconnect")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	dir, err := f.dataDir()
	if err != nil {
		return err
	}
	if err := noHostRuns(dir); err != nil {
		return err
	}
	c, ok, err := teamhost.LoadChoice(dir)
	if err != nil || !ok {
		if err == nil {
			fmt.Fprintln(e.Stdout, "This data folder is not connected to a team host.")
		}
		return err
	}
	if err := teamhost.Forget(ctx, dir, nil); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Signed out of %s; this data folder's console uses this computer's host again.\n", c.URL)
	return nil
}

// noHostRuns refuses to change the team host under a running app or host.
func noHostRuns(dir string) error {
	if a, err := host.ReadAnnouncement(dir); err == nil && processAlive(a.PID) {
		return fmt.Errorf("InterviewDesk runs on this data folder (process %d): choose the team host in its window (Connect to a team host), or close it first", a.PID)
	}
	return nil
}

// colons writes a hex fingerprint as openssl prints it: AB:CD:….
func colons(hex string) string {
	var b strings.Builder
	for i := 0; i < len(hex); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strings.ToUpper(hex[i:min(i+2, len(hex))]))
	}
	return b.String()
}
