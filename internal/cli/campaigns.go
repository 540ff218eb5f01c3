package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

func campaignCreate(ctx context.Context, e Env, args []string) error {
	f := newFlags("campaign create")
	name := f.String("name", "", "campaign name")
	tpl := f.String("template", "", "template ID or name")
	position := f.String("position", "", "position")
	slots := f.String("slots", "", `slots in --tz: START[/45m][*COUNT],…, like "2026-12-07T10:00/45m*4"`)
	now := f.Bool("now", false, "interview each candidate as soon as they register")
	capacity := f.Int("capacity", 1, "seats per slot")
	tz := f.String("tz", "", "IANA time zone (default: the settings' zone)")
	duration := f.Int("duration", 0, "minutes per interview (default: the template's)")
	deadline := f.String("deadline", "", "registration ends at this wall time in --tz")
	maxCandidates := f.Int("max-candidates", 0, "at most this many registrations (0: no limit)")
	changeHours := f.Int("change-hours", 24, "candidates may reschedule or cancel up to this many hours before (-1: never)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if strings.TrimSpace(*name) == "" || strings.TrimSpace(*tpl) == "" || strings.TrimSpace(*position) == "" || (*slots == "") == !*now {
		return fmt.Errorf("%w: give --name, --template, --position and either --slots or --now", errUsage)
	}
	in := campaigns.Input{Name: *name, Position: *position, TimeZone: *tz, Mode: campaigns.NowMode, DurationMinutes: *duration,
		Deadline: *deadline, MaxCandidates: *maxCandidates, CandidateChanges: *changeHours >= 0, ChangeHours: max(*changeHours, 0)}
	if !*now {
		listed, err := campaigns.ParseSlots(*slots, *duration, *capacity)
		if err != nil {
			return err
		}
		in.Mode, in.Slots = campaigns.SlotsMode, listed
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		id, err := resolveTemplate(ctx, c, *tpl)
		if err != nil {
			return err
		}
		in.TemplateID = id
		v, err := c.CreateCampaign(ctx, in)
		if err != nil || *f.json {
			return printJSON(e, v, err)
		}
		return printCampaign(e.Stdout, v)
	})
}

func campaignList(ctx context.Context, e Env, args []string) error {
	f := newFlags("campaign list")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		list, err := c.Campaigns(ctx)
		if err != nil || *f.json {
			return printJSON(e, list, err)
		}
		if len(list) == 0 {
			fmt.Fprintln(e.Stdout, "No campaigns yet. Create one with: interviewdesk campaign create --name N --template T --position P --slots … | --now")
			return nil
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tPOSITION\tSTATE\tBOOKED\tREGISTERED\tLINK")
		for _, s := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", s.ID, s.Name, s.Position, s.State, fill(s.Summary), s.Registered, s.Link)
		}
		return tw.Flush()
	})
}

func fill(s campaigns.Summary) string {
	if s.Mode == campaigns.NowMode {
		return "now"
	}
	return fmt.Sprintf("%d/%d", s.Booked, s.Seats)
}

func campaignShow(ctx context.Context, e Env, args []string) error {
	return campaignOne(ctx, e, args, "show")
}

func campaignClose(ctx context.Context, e Env, args []string) error {
	return campaignOne(ctx, e, args, "close")
}

func campaignOne(ctx context.Context, e Env, args []string, verb string) error {
	f := newFlags("campaign " + verb)
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		get := c.Campaign
		if verb == "close" {
			get = c.CloseCampaign
		}
		v, err := get(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, v, err)
		}
		return printCampaign(e.Stdout, v)
	})
}

func printCampaign(w io.Writer, v web.CampaignView) error {
	c := v.Campaign
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "ID\t%s\nName\t%s\nPosition\t%s\nTemplate\t%s\nState\t%s\nShared link\t%s\nRegistered\t%d\n",
		c.ID, c.Name, c.Position, c.TemplateName, v.State, v.Link, c.Registered)
	for _, sl := range c.Slots {
		fmt.Fprintf(tw, "Slot\t%s (%d min): %d of %d booked\n", sl.StartsAt.In(loc).Format("Mon 2 Jan 2006 15:04 MST"),
			sl.DurationMinutes, sl.Booked, sl.Capacity)
	}
	for _, r := range v.Registrations {
		fmt.Fprintf(tw, "Registration\t%s <%s>, %s, %s\n", r.Name, r.Email, r.StartsAt.In(loc).Format("Mon 2 Jan 15:04"), r.Status)
	}
	return tw.Flush()
}
