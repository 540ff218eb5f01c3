package cli

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Env is what a command runs with.
type Env struct {
	Stdin          io.Reader // nil means os.Stdin
	Stdout, Stderr io.Writer
	Console        fs.FS
	Version        string
	Now            func() time.Time
	// Signals ends `serve` when it is done (e.g. on SIGINT/SIGTERM).
	Signals context.Context
	// TeamHost is the team host a command calls (the leading --host URL);
	// "" is the data folder's own host.
	TeamHost string
}

// errUsage marks command-line mistakes (exit code 2).
var errUsage = errors.New("usage")

type command struct {
	name, args, help string
	run              func(ctx context.Context, e Env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "[--data DIR] [--listen ADDR] [--public-url URL]", "run the host headless", serve},
		{"connect", "URL --email E --password-stdin [--cert-sha256 FP] [--json]", "sign in to a team host; `interviewdesk --host URL <command>` then runs commands there, and the desktop app uses it", teamConnect},
		{"disconnect", "", "sign out of the team host; the console uses this computer's host again", teamDisconnect},
		{"console link", "[--json]", "print a sign-in link to the console of the host running on the data folder", consoleLink},
		{"template list", "[--json]", "list interview templates", templateList},
		{"template show", "ID|NAME [--json]", "show a template with its plan and questions", templateShow},
		{"template import", "FILE [--json]", "import templates from a template file", templateImport},
		{"template export", "ID|NAME [--out FILE]", "write a template file (stdout without --out)", templateExport},
		{"interview create", "--template ID|NAME --position P --candidate-name N --candidate-email E --at TIME|now [--tz ZONE] [--campaign C] [--duration MIN] [--json]", "schedule an interview", interviewCreate},
		{"interview list", "[--tense upcoming|past|cancelled] [--search TEXT] [--limit N] [--json]", "list interviews", interviewList},
		{"interview show", "ID [--json]", "show an interview", interviewShow},
		{"interview reschedule", "ID --at TIME [--tz ZONE] [--json]", "move an interview", interviewReschedule},
		{"interview delete", "ID [--yes] [--json]", "cancel an interview still to come (undo with restore); one that is over (finished, cancelled) is deleted for good with its recordings, events, analysis and emails, after a confirmation", interviewDelete},
		{"interview restore", "ID [--json]", "restore a cancelled interview", interviewRestore},
		{"interview link", "ID [--for candidate|interviewer[:EMAIL]]", "print a join link", interviewLink},
		{"interview add-interviewer", "ID --name N --email E [--json]", "add an interviewer", interviewAddInterviewer},
		{"interview remove-interviewer", "ID --email E [--json]", "remove an interviewer", interviewRemoveInterviewer},
		{"interview invitation", "ID [--for candidate|interviewer[:EMAIL]] [--json]", "print the full invitation to paste anywhere", interviewInvitation},
		{"interview ics", "ID [--for candidate|interviewer[:EMAIL]] [--out FILE]", "write the calendar invitation (.ics)", interviewICS},
		{"interview outbox", "ID [--json]", "show the emails sent about an interview", interviewOutbox},
		{"interview timeline", "ID [--json]", "print what happened in the room, one line each, in local time", interviewTimeline},
		{"interview invite", "ID [--json]", "email everyone their invitation (again)", interviewInvite},
		{"candidate list", "[--search TEXT] [--since 7d|30d|3m|6m|12m|all] [--position P] [--limit N] [--json]", "find candidates (default: active in the last 3 months)", candidateList},
		{"candidate show", "ID|EMAIL [--json]", "show a candidate: positions and stages, interviews, take-home results, notes", candidateShow},
		{"campaign create", "--name N --template ID|NAME --position P (--slots \"2026-12-07T10:00/45m*4,…\" | --now) [--capacity K] [--tz ZONE] [--duration MIN] [--deadline TIME] [--max-candidates N] [--change-hours H] [--json]", "create a campaign; prints its shared link", campaignCreate},
		{"campaign list", "[--json]", "list campaigns with their state, slot fill and registrations", campaignList},
		{"campaign show", "ID|NAME [--json]", "show a campaign: slots, registrations, shared link", campaignShow},
		{"campaign close", "ID|NAME [--json]", "close a campaign's registration", campaignClose},
		{"candidate import-results", "FILE|- [--json]", "import take-home assessment results (docs/assessment-format.md: .json, or .csv for the summary)", candidateImport},
		{"candidate export", "EMAIL --out FILE.zip [--json]", "write everything held about a candidate (JSON and the recordings) to one archive", candidateExport},
		{"candidate erase", "EMAIL [--yes] [--json]", "erase everything held about a candidate: their interviews with all their data, their profile, take-home results", candidateErase},
		{"retention show", "[--json]", "show how long recordings and interview data are kept, and what is due for deletion now", retentionShow},
		{"retention set", "[--recordings DAYS] [--interview-data DAYS] [--json]", "change how long recordings and interview data are kept (0: until deleted)", retentionSet},
		{"retention apply", "[--yes] [--json]", "delete what the retention periods say is due now, after a confirmation", retentionApply},
		{"audit list", "[--kind KIND] [--limit N] [--before SEQ] [--json]", "show who did what (sign-ins, settings, deletions, exports, erasures, backups, restores, retention), newest first", auditList},
		{"backup", "--out FILE [--with-media] [--json]", "back up the data folder to one archive, while the host runs too (--with-media adds the recordings)", backupCmd},
		{"restore", "FILE [--yes] [--json]", "replace the data folder's data with a backup (only while no host runs on it; the current files are kept aside)", restoreCmd},
		{"report show", "ID [--json]", "show an ended interview's report: score, answers, ratings, notes", reportShow},
		{"report export", "ID --format html|pdf --out FILE|-", "write the report as one self-contained HTML file or a PDF", reportExport},
		{"mail show", "[--json]", "show the email settings (never the password)", mailShow},
		{"mail set", "--host H [--port P] [--security starttls|tls|none] [--username U] [--password-stdin] [--from-name N] --from-address A [--reply-to R]", "set up email", mailSet},
		{"mail test", "--to ADDR", "send a test email and print the server's answer", mailTest},
		{"user add", "--email E --name N --role admin|recruiter|interviewer [--link] [--json]", "invite someone to the team host: their password-setup link is mailed (or printed with --link)", userAdd},
		{"user list", "[--json]", "list the team host's accounts", userList},
		{"user role", "EMAIL admin|recruiter|interviewer [--json]", "change an account's role (it signs in again)", userRole},
		{"user remove", "EMAIL [--json]", "remove an account; it is signed out everywhere", userRemove},
		{"user resend", "EMAIL [--link] [--json]", "send an invited account a new password-setup link", userResend},
		{"score", "--question Q --expected E [--key-point K ...] --answer A [--json] | --batch FILE.jsonl|- [--json]", "score an answer offline, with the points it covered and missed", scoreAnswer},
	}
}

// Run runs the command in args (without the program name) and returns the exit code.
func Run(e Env, args []string) int {
	if e.Now == nil {
		e.Now = time.Now
	}
	if e.Stdin == nil {
		e.Stdin = os.Stdin
	}
	if e.Signals == nil {
		e.Signals = context.Background()
	}
	teamHost, args, err := teamHostArg(args)
	if err != nil {
		return exitCode(e, command{name: hostFlag, args: "URL <command>"}, err)
	}
	e.TeamHost = teamHost
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.Stdout)
		return 0
	}
	for _, c := range commands() {
		words := strings.Fields(c.name)
		if len(args) < len(words) || strings.Join(args[:len(words)], " ") != c.name {
			continue
		}
		if e.TeamHost != "" && localOnly[c.name] {
			return exitCode(e, c, fmt.Errorf("%w: %s works on this computer's data folder, not on a team host: drop --host", errUsage, c.name))
		}
		err := c.run(e.Signals, e, args[len(words):])
		return exitCode(e, c, err)
	}
	fmt.Fprintf(e.Stderr, "interviewdesk: unknown command %q\n\n", strings.Join(args, " "))
	usage(e.Stderr)
	return 2
}

// exitCode prints err, if any, for command c and returns the exit code.
func exitCode(e Env, c command, err error) int {
	var apiErr *client.Error
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(e.Stdout, "usage: interviewdesk %s %s\n", c.name, c.args)
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(e.Stderr, "interviewdesk %s: %v\nusage: interviewdesk %s %s\n", c.name, strings.TrimPrefix(err.Error(), "usage: "), c.name, c.args)
		return 2
	case errors.As(err, &apiErr):
		fmt.Fprintf(e.Stderr, "interviewdesk %s: %v\n", c.name, apiErr)
		return 1
	default:
		fmt.Fprintf(e.Stderr, "interviewdesk %s: %v\n", c.name, err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "InterviewDesk: schedule, run and review live technical interviews.")
	fmt.Fprintln(w, "\nWith no arguments, interviewdesk opens the desktop console.\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-28s %s\n", c.name, c.help)
	}
	fmt.Fprintln(w, "\nEvery command takes --data DIR (default: $XDG_DATA_HOME/interviewdesk); score needs none.")
	fmt.Fprintln(w, "interviewdesk --host URL <command> runs it on the team host at URL, signed in as the desktop app (or connect) signed in there.")
	fmt.Fprintln(w, "Exit codes: 0 success, 1 the operation failed, 2 the command line is wrong.")
}

// flags is a command's flag set with the common --data and --json.
type flags struct {
	*flag.FlagSet
	data *string
	json *bool
}

func newFlags(name string) flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return flags{FlagSet: fs, data: fs.String("data", "", "data folder"), json: fs.Bool("json", false, "print JSON")}
}

// parse accepts flags before, between and after positional arguments and
// checks the number of positional arguments.
func (f flags) parse(args []string, positional int) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if f.NArg() == 0 {
			break
		}
		pos = append(pos, f.Arg(0))
		args = f.Args()[1:]
	}
	if len(pos) != positional {
		return nil, fmt.Errorf("%w: want %d argument(s), got %d", errUsage, positional, len(pos))
	}
	return pos, nil
}

func (f flags) dataDir() (string, error) {
	if *f.data != "" {
		return *f.data, nil
	}
	return host.DefaultDataDir()
}

// runningHost reaches the host announced in the data folder dir, and returns
// a client of it and its console sign-in link. The error wraps os.ErrNotExist
// when no host announced itself there or its process is gone. The console
// key is sent only once the host proved it holds it (host.ProofPath): after
// a crash, the announced address may belong to another program.
func runningHost(ctx context.Context, dir string) (c *client.Client, loginURL string, err error) {
	a, err := host.ReadAnnouncement(dir)
	if err != nil {
		return nil, "", err
	}
	if !processAlive(a.PID) {
		return nil, "", fmt.Errorf("the host announced at %s (process %d) is not running: %w", a.URL, a.PID, os.ErrNotExist)
	}
	key, err := host.ConsoleKey(dir)
	if err != nil {
		return nil, "", err
	}
	check := client.TLSCheck{CertSHA256: a.CertSHA256, ServerName: a.ServerName}
	pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := proveHost(pctx, a, key, check); err != nil {
		return nil, "", err
	}
	remote := client.Remote(a.URL, key, check)
	if _, err := remote.Health(pctx); err != nil {
		return nil, "", fmt.Errorf("the host announced at %s does not answer: %w", a.URL, err)
	}
	return remote, host.LoginURL(a.URL, key), nil
}

// errNotTheHost means what listens at the announced address could not prove
// it is the data folder's host.
var errNotTheHost = errors.New("it is not the InterviewDesk host of this data folder (it cannot prove it holds the console key), so the key was not sent to it")

// proveHost asks the host announced as a to answer a fresh challenge that
// only the holder of key can.
func proveHost(ctx context.Context, a host.Announcement, key string, check client.TLSCheck) error {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	nonce := base64.RawURLEncoding.EncodeToString(b)
	var answer struct{ Proof string }
	if err := client.Probe(a.URL, check).Do(ctx, http.MethodGet, host.ProofPath+"?nonce="+nonce, nil, &answer); err != nil {
		return fmt.Errorf("the host announced at %s does not answer: %w", a.URL, err)
	}
	if !host.CheckProof(key, a, nonce, answer.Proof) {
		return fmt.Errorf("the program listening at %s, announced in host.json: %w", a.URL, errNotTheHost)
	}
	return nil
}

// connect reaches the data folder: through its running host if one answers,
// else by opening the store in this process. close must be called.
func connect(ctx context.Context, e Env, f flags) (c *client.Client, close func(), err error) {
	dir, err := f.dataDir()
	if err != nil {
		return nil, nil, err
	}
	if e.TeamHost != "" {
		c, err := teamClient(dir, e.TeamHost)
		return c, func() {}, err
	}
	if remote, _, err := runningHost(ctx, dir); err == nil {
		return remote, func() {}, nil
	}
	log := slog.New(slog.NewTextHandler(e.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h, err := host.Open(host.Config{DataDir: dir, Console: e.Console, Version: e.Version,
		PublicURL: os.Getenv("INTERVIEWDESK_PUBLIC_URL")}, log, e.Now)
	if errors.Is(err, store.ErrLocked) {
		return nil, nil, fmt.Errorf("%w; it does not answer on its announced address either. Close it, or wait until it has finished starting", err)
	}
	if err != nil {
		return nil, nil, err
	}
	if err := h.Start(ctx); err != nil { // without a listener: only the outbox
		_ = h.Close()
		return nil, nil, err
	}
	done := func() {
		// Deliver what this command queued (e.g. invitations) before exiting.
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		h.DrainOutbox(ctx)
		_ = h.Close()
	}
	return client.InProcess(h.Handler(), h.Key()), done, nil
}
