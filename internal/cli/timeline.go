package cli

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

// interviewTimeline prints what happened in an interview's room, one row a
// line, in the terminal's time zone; --json prints the API's answer.
func interviewTimeline(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview timeline")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		tl, err := c.Timeline(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, tl, err)
		}
		return printTimeline(e.Stdout, tl.Rows, time.Local)
	})
}

func printTimeline(w io.Writer, rows []timeline.Row, loc *time.Location) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "Nothing has happened in the room yet.")
		return err
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%s  %s\n", r.At.In(loc).Format("2006-01-02 15:04 MST"), rowLine(r, loc)); err != nil {
			return err
		}
	}
	return nil
}

// rowLine words a row on one line, as the console does on two.
func rowLine(r timeline.Row, loc *time.Location) string {
	who := personLabel(r.Actor)
	title, detail := string(r.Kind), ""
	switch r.Kind {
	case timeline.KindJoined:
		title = who + " joined"
	case timeline.KindLeft:
		title = who + " left"
	case timeline.KindReconnected:
		title, detail = who+" reconnected", "away for "+span(r.AwayMs)
	case timeline.KindConsented:
		title = who + " gave consent"
		if r.Consent != nil {
			detail = consentLine(*r.Consent)
		}
	case timeline.KindLocked:
		title = "Room locked by " + who
	case timeline.KindUnlocked:
		title = "Room unlocked by " + who
	case timeline.KindStarted:
		title, detail = "Interview started", "by "+who
	case timeline.KindTopicChecked:
		title = "Topic covered: " + topicTitle(r.Topic)
	case timeline.KindTopicUnchecked:
		title = "Topic unchecked: " + topicTitle(r.Topic)
	case timeline.KindTopicAdded:
		title, detail = "Topic added: "+topicTitle(r.Topic), "by "+who
	case timeline.KindTechnicalStarted:
		title = "Technical part started"
	case timeline.KindQuestion:
		if r.Question != nil {
			title, detail = questionLine(*r.Question, loc)
		}
	case timeline.KindRephrased:
		if r.Rephrase != nil {
			title, detail = fmt.Sprintf("Rephrased question %d shown to the candidate", r.Rephrase.Number), r.Rephrase.Alternative
		}
	case timeline.KindNote:
		if r.Note != nil {
			title, detail = "Notes by "+personLabel(r.Note.Author), strings.Join(strings.Fields(r.Note.Text), " ")
		}
	case timeline.KindFinishStarted:
		title = "Finish stage started"
	case timeline.KindEnded:
		title = "Interview ended"
		if r.LastedMs != nil {
			detail = "lasted " + span(*r.LastedMs)
		}
	}
	if detail == "" {
		return title
	}
	return title + " — " + detail
}

func topicTitle(t *room.Topic) string {
	if t == nil {
		return ""
	}
	return t.Title
}

func questionLine(q timeline.Question, loc *time.Location) (title, detail string) {
	of := fmt.Sprint(q.Number)
	if q.Total > 0 {
		of = fmt.Sprintf("%d/%d", q.Number, q.Total)
	}
	title = "Question " + of
	if q.Again {
		title += " again"
	}
	if q.Skipped {
		title += " (skipped)"
	}
	clock := func(t time.Time) string { return t.In(loc).Format("15:04") }
	if q.DurationMs != nil {
		title += fmt.Sprintf(" · %s–%s (%s)", clock(q.From), clock(q.To), span(*q.DurationMs))
	} else {
		title += " · " + clock(q.From) + "–now"
	}
	var extra []string
	if q.Rating > 0 {
		extra = append(extra, fmt.Sprintf("rated %d/5", q.Rating))
	}
	if q.Rephrased {
		extra = append(extra, "rephrased question shown")
	}
	if q.Comment != "" {
		extra = append(extra, fmt.Sprintf("comment: %q", q.Comment))
	}
	return title, strings.Join(extra, ", ")
}

func consentLine(c timeline.Consent) string {
	var given, declined []string
	for _, item := range []struct {
		yes  bool
		what string
	}{{c.PersonalData, "personal data processing"}, {c.AIAnalysis, "AI analysis of answers"}, {c.RecordingNotice, "the recording notice"}} {
		if item.yes {
			given = append(given, item.what)
		} else {
			declined = append(declined, item.what)
		}
	}
	var parts []string
	if len(given) > 0 {
		parts = append(parts, strings.Join(given, ", "))
	}
	if len(declined) > 0 {
		parts = append(parts, "declined "+strings.Join(declined, ", "))
	}
	switch {
	case c.Repeats == 1:
		parts = append(parts, "confirmed again on 1 later join")
	case c.Repeats > 1:
		parts = append(parts, fmt.Sprintf("confirmed again on %d later joins", c.Repeats))
	}
	return strings.Join(parts, "; ")
}

// personLabel: "Olivia Diaz (candidate)", "Alex Recruiter", or the role when nameless.
func personLabel(p timeline.Person) string {
	switch {
	case p.Role == room.RoleCandidate && p.Name != "":
		return p.Name + " (candidate)"
	case p.Role == room.RoleCandidate:
		return "The candidate"
	case p.Name != "":
		return p.Name
	case p.Role == room.RoleHost:
		return "InterviewDesk"
	}
	return "An interviewer"
}

// span writes a duration short and rounded: "45 s", "6 min", "1 h 5 min".
func span(ms int64) string {
	seconds := int64(math.Round(math.Max(0, float64(ms)) / 1000))
	if seconds < 60 {
		return fmt.Sprintf("%d s", seconds)
	}
	minutes := int64(math.Round(float64(seconds) / 60))
	if minutes < 60 {
		return fmt.Sprintf("%d min", minutes)
	}
	h, m := minutes/60, minutes%60
	if m == 0 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}
