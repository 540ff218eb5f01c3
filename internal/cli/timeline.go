package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/report"
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
		if _, err := fmt.Fprintf(w, "%s  %s\n", r.At.In(loc).Format("2006-01-02 15:04 MST"), report.RowText(r, loc)); err != nil {
			return err
		}
	}
	return nil
}
