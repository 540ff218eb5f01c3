package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
)

type person struct{ Name, Email string }

type interviewView struct {
	ID              string
	Position        string
	Candidate       person
	Campaign        string
	StartsAt        time.Time
	TimeZone        string
	DurationMinutes int
	Status, Tense   string
	Template        struct{ Name string }
	Tools           struct{ LiveCode, Whiteboard bool }
	Interviewers    []struct {
		Name, Email, Link string
	}
	CandidateLink string
}

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
		body := map[string]any{"templateId": id, "position": *position, "candidateName": *name,
			"candidateEmail": *email, "when": "later", "startsAt": *at, "timeZone": *tz,
			"campaign": *campaign, "durationMinutes": *duration}
		if *at == "now" {
			body["when"], body["startsAt"] = "now", ""
		}
		return showInterview(ctx, e, c, f, "POST", "/api/interviews", body)
	})
}

func interviewList(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview list")
	tense := f.String("tense", "upcoming", "upcoming, past or cancelled")
	search := f.String("search", "", "match candidate name or email")
	limit := f.Int("limit", 200, "at most this many")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	q := url.Values{"tense": {*tense}, "q": {*search}, "limit": {strconv.Itoa(*limit)}}
	return withClient(ctx, e, f, func(c *client.Client) error {
		raw, err := c.DoRaw(ctx, "GET", "/api/interviews?"+q.Encode(), nil)
		if err != nil || *f.json {
			return printRaw(e, raw, err)
		}
		var list struct {
			Interviews []interviewView
			Total      int
		}
		if err := json.Unmarshal(raw, &list); err != nil {
			return err
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

// idCommand builds the commands that take one interview ID and show the result.
func idCommand(name, method, suffix string, body func(f flags) (any, error), extra func(f flags)) func(ctx context.Context, e Env, args []string) error {
	return func(ctx context.Context, e Env, args []string) error {
		f := newFlags(name)
		if extra != nil {
			extra(f)
		}
		pos, err := f.parse(args, 1)
		if err != nil {
			return err
		}
		var b any
		if body != nil {
			if b, err = body(f); err != nil {
				return err
			}
		}
		return withClient(ctx, e, f, func(c *client.Client) error {
			return showInterview(ctx, e, c, f, method, "/api/interviews/"+url.PathEscape(pos[0])+suffix, b)
		})
	}
}

var (
	interviewShow    = idCommand("interview show", "GET", "", nil, nil)
	interviewDelete  = idCommand("interview delete", "DELETE", "", nil, nil)
	interviewRestore = idCommand("interview restore", "POST", "/restore", nil, nil)

	interviewReschedule = idCommand("interview reschedule", "POST", "/reschedule", func(f flags) (any, error) {
		at := f.Lookup("at").Value.String()
		if at == "" {
			return nil, fmt.Errorf("%w: missing --at", errUsage)
		}
		return map[string]string{"startsAt": at, "timeZone": f.Lookup("tz").Value.String()}, nil
	}, func(f flags) {
		f.String("at", "", "new start (RFC 3339 or a wall time in --tz)")
		f.String("tz", "", "IANA time zone (default: keep the interview's)")
	})

	interviewAddInterviewer = idCommand("interview add-interviewer", "POST", "/interviewers", func(f flags) (any, error) {
		return map[string]string{"name": f.Lookup("name").Value.String(), "email": f.Lookup("email").Value.String()}, nil
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
		return showInterview(ctx, e, c, f, "DELETE",
			"/api/interviews/"+url.PathEscape(pos[0])+"/interviewers/"+url.PathEscape(*email), nil)
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
		var iv interviewView
		if err := c.Do(ctx, "GET", "/api/interviews/"+url.PathEscape(pos[0]), nil, &iv); err != nil {
			return err
		}
		link, err := pickLink(iv, *who)
		if err != nil {
			return err
		}
		if *f.json {
			return json.NewEncoder(e.Stdout).Encode(map[string]string{"link": link})
		}
		fmt.Fprintln(e.Stdout, link)
		return nil
	})
}

func pickLink(iv interviewView, who string) (string, error) {
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

// showInterview calls the API and prints the interview it answers.
func showInterview(ctx context.Context, e Env, c *client.Client, f flags, method, path string, body any) error {
	raw, err := c.DoRaw(ctx, method, path, body)
	if err != nil || *f.json {
		return printRaw(e, raw, err)
	}
	var iv interviewView
	if err := json.Unmarshal(raw, &iv); err != nil {
		return err
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
