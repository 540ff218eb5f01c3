package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

func interviewCreate(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview create")
	tpl := f.String("template", "", "template ID or name")
	position := f.String("position", "", "position")
	name := f.String("candidate-name", "", "candidate's name")
	email := f.String("candidate-email", "", "candidate's email")
	at := f.String("at", "", `start: RFC 3339 ("2026-12-01T14:30:00+01:00"), a wall time in --tz ("2026-12-01T14:30"), or "now"`)
	tz := f.String("tz", "", "IANA time zone (default: the settings' zone)")
	campaign := f.String("campaign", "", "campaign name")
	duration := f.Int("duration", 0, "minutes (default: the template's)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	var missing []string
	for flagName, v := range map[string]string{"--template": *tpl, "--position": *position,
		"--candidate-name": *name, "--candidate-email": *email, "--at": *at} {
		if strings.TrimSpace(v) == "" {
			missing = append(missing, flagName)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: missing %s", errUsage, strings.Join(slices.Sorted(slices.Values(missing)), ", "))
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		id, err := resolveTemplate(ctx, c, *tpl)
		if err != nil {
			return err
		}
		in := interviews.NewInterview{TemplateID: id, Position: *position, CandidateName: *name,
			CandidateEmail: *email, When: interviews.Later, StartsAt: *at, TimeZone: *tz,
			Campaign: *campaign, DurationMinutes: *duration}
		if *at == "now" {
			in.When, in.StartsAt = interviews.Now, ""
		}
		return showInterview(e, f)(c.CreateInterview(ctx, in))
	})
}

func interviewList(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview list")
	tense := f.String("tense", "upcoming", "upcoming, past or cancelled")
	search := f.String("search", "", "match candidate name or email, position or campaign")
	limit := f.Int("limit", 200, "at most this many")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		list, err := c.Interviews(ctx, client.InterviewQuery{Tense: interviews.Tense(*tense), Search: *search, Limit: *limit})
		if err != nil || *f.json {
			return printJSON(e, list, err)
		}
		if list.Total == 0 {
			fmt.Fprintf(e.Stdout, "No %s interviews.\n", *tense)
			return nil
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTARTS\tCANDIDATE\tEMAIL\tPOSITION")
		for _, iv := range list.Interviews {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", iv.ID, localTime(iv.StartsAt, iv.TimeZone),
				iv.Candidate.Name, iv.Candidate.Email, iv.Position)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if list.Total > len(list.Interviews) {
			fmt.Fprintf(e.Stdout, "(%d of %d shown; use --limit or --search)\n", len(list.Interviews), list.Total)
		}
		return nil
	})
}

// idCommand builds the commands that take one interview ID and show the interview
// the call answers.
// extra, if set, adds flags; required names those that must be given.
func idCommand(name string, do func(ctx context.Context, c *client.Client, f flags, id string) (web.Interview, error), extra func(f flags), required ...string) func(ctx context.Context, e Env, args []string) error {
	return func(ctx context.Context, e Env, args []string) error {
		f := newFlags(name)
		if extra != nil {
			extra(f)
		}
		pos, err := f.parse(args, 1)
		if err != nil {
			return err
		}
		for _, r := range required {
			if f.Lookup(r).Value.String() == "" {
				return fmt.Errorf("%w: missing --%s", errUsage, r)
			}
		}
		return withClient(ctx, e, f, func(c *client.Client) error {
			return showInterview(e, f)(do(ctx, c, f, pos[0]))
		})
	}
}

var (
	interviewShow = idCommand("interview show", func(ctx context.Context, c *client.Client, _ flags, id string) (web.Interview, error) {
		return c.Interview(ctx, id)
	}, nil)
	interviewRestore = idCommand("interview restore", func(ctx context.Context, c *client.Client, _ flags, id string) (web.Interview, error) {
		return c.RestoreInterview(ctx, id)
	}, nil)

	interviewReschedule = idCommand("interview reschedule", func(ctx context.Context, c *client.Client, f flags, id string) (web.Interview, error) {
		return c.Reschedule(ctx, id, web.Reschedule{StartsAt: f.Lookup("at").Value.String(), TimeZone: f.Lookup("tz").Value.String()})
	}, func(f flags) {
		f.String("at", "", "new start (RFC 3339 or a wall time in --tz)")
		f.String("tz", "", "IANA time zone (default: keep the interview's)")
	}, "at")

	interviewAddInterviewer = idCommand("interview add-interviewer", func(ctx context.Context, c *client.Client, f flags, id string) (web.Interview, error) {
		return c.AddInterviewer(ctx, id, interviews.Person{Name: f.Lookup("name").Value.String(), Email: f.Lookup("email").Value.String()})
	}, func(f flags) {
		f.String("name", "", "interviewer's name")
		f.String("email", "", "interviewer's email")
	})
)

func interviewRemoveInterviewer(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview remove-interviewer")
	email := f.String("email", "", "interviewer's email")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	if *email == "" {
		return fmt.Errorf("%w: missing --email", errUsage)
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		return showInterview(e, f)(c.RemoveInterviewer(ctx, pos[0], *email))
	})
}

func interviewLink(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview link")
	who := f.String("for", "candidate", "candidate, interviewer (the organizer) or interviewer:EMAIL")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		iv, err := c.Interview(ctx, pos[0])
		if err != nil {
			return err
		}
		link, err := pickLink(iv, *who)
		if err != nil {
			return err
		}
		return printLink(e, *f.json, link)
	})
}

// printLink prints a link alone on its line, or as {"link": …} with asJSON.
func printLink(e Env, asJSON bool, link string) error {
	if asJSON {
		return json.NewEncoder(e.Stdout).Encode(map[string]string{"link": link})
	}
	fmt.Fprintln(e.Stdout, link)
	return nil
}

func pickLink(iv web.Interview, who string) (string, error) {
	role, email, _ := strings.Cut(who, ":")
	switch {
	case role == "candidate" && email == "":
		return iv.CandidateLink, nil
	case role == "interviewer" && email == "" && len(iv.Interviewers) > 0:
		return iv.Interviewers[0].Link, nil
	case role == "interviewer":
		for _, in := range iv.Interviewers {
			if strings.EqualFold(in.Email, email) {
				return in.Link, nil
			}
		}
		return "", fmt.Errorf("%s is not an interviewer of this interview", email)
	}
	return "", fmt.Errorf("%w: --for takes candidate, interviewer or interviewer:EMAIL", errUsage)
}

// showInterview prints the interview a call answered (as JSON with --json).
func showInterview(e Env, f flags) func(iv web.Interview, err error) error {
	return func(iv web.Interview, err error) error {
		if err != nil || *f.json {
			return printJSON(e, iv, err)
		}
		w := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(w, "ID\t%s\nStatus\t%s (%s)\nPosition\t%s\nCandidate\t%s <%s>\n", iv.ID, iv.Status, iv.Tense,
			iv.Position, iv.Candidate.Name, iv.Candidate.Email)
		fmt.Fprintf(w, "Starts\t%s (%d minutes)\nTemplate\t%s\n", localTime(iv.StartsAt, iv.TimeZone), iv.DurationMinutes, iv.Template.Name)
		if iv.Campaign != "" {
			fmt.Fprintf(w, "Campaign\t%s\n", iv.Campaign)
		}
		fmt.Fprintf(w, "Tools\tLive Code %s, Whiteboard %s\n", onOff(iv.Tools.LiveCode), onOff(iv.Tools.Whiteboard))
		fmt.Fprintf(w, "Candidate link\t%s\n", iv.CandidateLink)
		for _, in := range iv.Interviewers {
			fmt.Fprintf(w, "Interviewer\t%s <%s> %s\n", in.Name, in.Email, in.Link)
		}
		return w.Flush()
	}
}

func localTime(t time.Time, zone string) string {
	if loc, err := time.LoadLocation(zone); err == nil {
		t = t.In(loc)
	}
	return t.Format("Mon 2 Jan 2006 15:04 MST") + " " + zone
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
