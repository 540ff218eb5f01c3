package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/client"
)

func candidateList(ctx context.Context, e Env, args []string) error {
	f := newFlags("candidate list")
	search := f.String("search", "", "words to find in the name, email, a position or a campaign")
	since := f.String("since", "3m", "active within: 7d, 30d, 3m, 6m, 12m or all")
	position := f.String("position", "", "only candidates who applied for this position")
	limit := f.Int("limit", 100, "at most this many")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		list, err := c.Candidates(ctx, client.CandidateQuery{Search: *search, Since: candidates.Since(*since),
			Position: *position, Limit: *limit})
		if err != nil || *f.json {
			return printJSON(e, list, err)
		}
		if list.Total == 0 {
			fmt.Fprintf(e.Stdout, "No candidates match (time filter: %s; --since all removes it).\n", *since)
			return nil
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tEMAIL\tPOSITIONS (STAGE)\tLAST ACTIVITY")
		for _, s := range list.Candidates {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.ID, s.Name, s.Email, applications(s.Applications), day(s.LastActivityAt))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if list.Total > len(list.Candidates) {
			fmt.Fprintf(e.Stdout, "(%d of %d shown; use --limit or --search)\n", len(list.Candidates), list.Total)
		}
		return nil
	})
}

func applications(apps []candidates.Application) string {
	parts := make([]string, len(apps))
	for i, a := range apps {
		parts[i] = a.Position + " (" + a.Stage.Label() + ")"
	}
	return strings.Join(parts, "; ")
}

func day(t time.Time) string { return t.Local().Format("2 Jan 2006") }

func candidateShow(ctx context.Context, e Env, args []string) error {
	f := newFlags("candidate show")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		cand, err := c.Candidate(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, cand, err)
		}
		return printCandidate(e.Stdout, cand)
	})
}

func printCandidate(w io.Writer, c candidates.Candidate) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "ID\t%s\nName\t%s\nEmail\t%s\nLast activity\t%s\n", c.ID, c.Name, c.Email, day(c.LastActivityAt))
	for _, a := range c.Applications {
		fmt.Fprintf(tw, "Position\t%s: %s (since %s)\n", a.Position, a.Stage.Label(), day(a.StageAt))
	}
	for _, iv := range c.Interviews {
		fmt.Fprintf(tw, "Interview\t%s  %s, %s (%s)\n", iv.ID, localTime(iv.StartsAt, iv.TimeZone), iv.Position, iv.Tense)
	}
	for _, r := range c.Takehome {
		fmt.Fprintf(tw, "Take-home\t%s: %g / %g, completed %s (%d tasks)\n", r.Assessment, r.Score, r.MaxScore, day(r.CompletedAt), r.Tasks)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if c.Notes != "" {
		fmt.Fprintf(w, "\nNotes:\n%s\n", c.Notes)
	}
	return nil
}

func candidateImport(ctx context.Context, e Env, args []string) error {
	f := newFlags("candidate import-results")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	name, data, err := readResultsFile(e, pos[0])
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		report, err := c.ImportResults(ctx, name, data)
		if err != nil || *f.json {
			return printJSON(e, report, err)
		}
		fmt.Fprintf(e.Stdout, "Imported %d results (%d new, %d updated); %d new candidates.\n",
			report.Imported, report.Created, report.Updated, report.NewCandidates)
		for _, r := range report.Results {
			verb := "new"
			if r.Updated {
				verb = "updated"
			}
			fmt.Fprintf(e.Stdout, "  %s: %s, %g / %g (%s)\n", r.CandidateName, r.Assessment, r.Score, r.MaxScore, verb)
		}
		return nil
	})
}

// readResultsFile reads FILE, or standard input for "-".
func readResultsFile(e Env, path string) (string, []byte, error) {
	if path == "-" {
		data, err := io.ReadAll(e.Stdin)
		return "stdin", data, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, fmt.Errorf("read results file: %w", err)
	}
	return filepath.Base(path), data, nil
}
