package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/report"
)

// reportShow prints an ended interview's report in short, in the
// interview's time zone; --json prints the whole report.
func reportShow(ctx context.Context, e Env, args []string) error {
	f := newFlags("report show")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		r, err := c.Report(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, r, err)
		}
		return printReport(e.Stdout, r)
	})
}

// reportExport writes an ended interview's report as HTML or PDF.
func reportExport(ctx context.Context, e Env, args []string) error {
	f := newFlags("report export")
	format := f.String("format", "", "html or pdf")
	out := f.String("out", "", `file to write ("-": stdout)`)
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	if !slices.Contains(client.ReportFormats, *format) {
		return fmt.Errorf("%w: --format is html or pdf", errUsage)
	}
	if *out == "" {
		return fmt.Errorf("%w: missing --out", errUsage)
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		data, err := c.ReportFile(ctx, pos[0], *format)
		if err != nil {
			return err
		}
		if *out == "-" {
			*out = "" // writeOutput's stdout
		}
		return writeOutput(e, *out, data)
	})
}

// printReport writes the report's summary, score and one block a question.
func printReport(w io.Writer, r report.Report) error {
	var b strings.Builder
	loc := r.Location()
	fmt.Fprintf(&b, "%s · %s\n", r.Candidate.Name, r.Position)
	names := make([]string, 0, len(r.Interviewers))
	for _, p := range r.Interviewers {
		names = append(names, p.Name)
	}
	fmt.Fprintf(&b, "%s · %s · with %s\n", r.When().In(loc).Format("Mon 2 Jan 2006 15:04 MST"), r.Lasted(), strings.Join(names, ", "))
	for _, n := range r.Notices {
		fmt.Fprintf(&b, "! %s\n", n)
	}
	fmt.Fprintf(&b, "AI score: %s · interviewers' rating: %s\n", aiScore(r.Score), rating(r.Score))
	for _, s := range r.Strengths {
		fmt.Fprintf(&b, "+ %s\n", s)
	}
	for _, s := range r.Concerns {
		fmt.Fprintf(&b, "- %s\n", s)
	}
	for _, q := range r.Questions {
		fmt.Fprintf(&b, "\n%d. %s\n   %s\n", q.Number, q.Text, questionSummary(q))
	}
	notes := make([]string, 0, len(r.Notes))
	for _, n := range r.Notes {
		notes = append(notes, n.Author)
	}
	if len(notes) == 0 {
		notes = append(notes, "none")
	}
	fmt.Fprintf(&b, "\nNotes by: %s\nTranscript: %d lines · timeline: %d entries (report export writes them all)\n",
		strings.Join(notes, ", "), len(r.Transcript), len(r.Timeline))
	_, err := io.WriteString(w, b.String())
	return err
}

func aiScore(s report.Score) string {
	if s.AI == nil {
		return "none"
	}
	out := fmt.Sprintf("%.1f/%g (%d answers", *s.AI, s.Scale, s.Answered)
	if s.Overridden > 0 {
		out += fmt.Sprintf(", %d overridden", s.Overridden)
	}
	return out + ")"
}

func rating(s report.Score) string {
	if s.Rating == nil {
		return "none"
	}
	return fmt.Sprintf("%.1f/5 (%d rated)", *s.Rating, s.Rated)
}

// questionSummary is one line: score, override, rating, points, comment.
func questionSummary(q report.Question) string {
	if !q.Asked {
		return "not asked"
	}
	var parts []string
	if a := q.AI; a != nil {
		s := fmt.Sprintf("AI %.1f/5", a.Score)
		if o := a.Override; o != nil {
			s += fmt.Sprintf(", overridden to %.1f by %s", o.Score, o.By)
			if o.Reason != "" {
				s += fmt.Sprintf(" (%q)", o.Reason)
			}
		}
		parts = append(parts, s, fmt.Sprintf("covered %d of %d key points", len(a.Covered), len(a.Covered)+len(a.Missed)))
	}
	if q.Skipped {
		parts = append(parts, "skipped")
	}
	if q.Rating > 0 {
		parts = append(parts, fmt.Sprintf("rated %d/5", q.Rating))
	}
	if q.Comment != "" {
		parts = append(parts, fmt.Sprintf("comment: %q", q.Comment))
	}
	parts = append(parts, "on screen "+report.Span(q.OnScreenMs))
	return strings.Join(parts, " · ")
}
