package cli

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
)

// Deleting for good, a candidate's export and erasure, retention and the
// audit log. What deletes asks first (unless --yes), saying what goes.

// errNotConfirmed means the user did not confirm a deletion.
var errNotConfirmed = fmt.Errorf("not confirmed, so nothing was deleted (in a script, add --yes)")

// confirm asks question on stderr and reads the answer from stdin: only
// "yes" (or "y") goes ahead.
func confirm(e Env, question string) error {
	fmt.Fprintf(e.Stderr, "%s\nType yes to go ahead: ", question)
	line, err := bufio.NewReader(e.Stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("read the answer: %w", err)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "yes", "y":
		return nil
	}
	return errNotConfirmed
}

// interviewDelete cancels an interview still to come, as before; one that
// is over (finished, cancelled, or expired unused) it deletes for good
// with everything of it, after a confirmation.
func interviewDelete(ctx context.Context, e Env, args []string) error {
	f := newFlags("interview delete")
	yes := f.Bool("yes", false, "delete an interview that is over without asking")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		p, err := c.PurgePreview(ctx, pos[0])
		if err != nil {
			return err
		}
		if !p.Deletable {
			if p.Status != interviews.Scheduled {
				return fmt.Errorf("%s", p.Reason)
			}
			return showInterview(e, f)(c.CancelInterview(ctx, pos[0]))
		}
		if !*yes {
			if err := confirm(e, deletionQuestion(p)); err != nil {
				return err
			}
		}
		done, err := c.Purge(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, done, err)
		}
		fmt.Fprintf(e.Stdout, "Deleted the interview with %s for good: %s.\n", done.Candidate.Name, contentsWords(done))
		return nil
	})
}

func deletionQuestion(p privacy.Contents) string {
	return fmt.Sprintf("Delete the interview with %s <%s> (%s, %s, %s) for good?\nThis deletes %s. It cannot be undone.",
		p.Candidate.Name, p.Candidate.Email, p.Position, p.StartsAt.Local().Format("2 Jan 2006 15:04"), p.Status, contentsWords(p))
}

// contentsWords says what deleting an interview removes.
func contentsWords(p privacy.Contents) string {
	s := fmt.Sprintf("%d recording files (%s), %d events (timeline, notes, code, playback, consent record)",
		p.Recordings.Count, audit.SizeText(p.Recordings.Bytes), p.Events)
	if p.Analysis {
		s += ", its analysis"
	}
	s += fmt.Sprintf(" and %d emails", p.Emails)
	if p.Unsent > 0 {
		s += fmt.Sprintf(" (%d not sent yet: they will not be)", p.Unsent)
	}
	return s
}

func candidateExport(ctx context.Context, e Env, args []string) error {
	f := newFlags("candidate export")
	out := f.String("out", "", "the archive to write (.zip)")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: missing --out FILE.zip", errUsage)
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		d, err := c.CandidateData(ctx, pos[0])
		if err != nil {
			return err
		}
		if err := writeAtomically(*out, func(w io.Writer) error {
			_, err := c.ExportCandidate(ctx, pos[0], w)
			return err
		}, wholeExport); err != nil {
			return err
		}
		if *f.json {
			return printJSON(e, d, nil)
		}
		fmt.Fprintf(e.Stdout, "Wrote %s: the data of %s — %s.\n", *out, strings.Join(d.Names, " / "), candidateWords(d))
		return nil
	})
}

// wholeExport checks that the archive at path is a whole export (the host
// cannot change its answer's status once a copy cut off part-way).
func wholeExport(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("the export arrived cut off (%w); try again", err)
	}
	defer z.Close()
	if _, err := z.Open("candidate.json"); err != nil {
		return fmt.Errorf("the export has no candidate.json; try again")
	}
	return nil
}

// candidateWords says what the install holds about a candidate.
func candidateWords(d privacy.CandidateData) string {
	s := fmt.Sprintf("%d interviews, %d recording files (%s), %d events, %d analyses, %d emails",
		len(d.Interviews), d.Recordings.Count, audit.SizeText(d.Recordings.Bytes), d.Events, d.Analyses, d.Emails)
	if d.Profile {
		s += fmt.Sprintf(", the candidate profile with %d take-home results", d.Results)
	}
	return s
}

// writeAtomically writes path through fn via a temporary file beside it,
// so a failure leaves no half-written file; check, if given, must accept
// the written file first.
func writeAtomically(path string, fn func(w io.Writer) error, check ...func(written string) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := fn(tmp); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for _, c := range check {
		if err := c(tmp.Name()); err != nil {
			return fmt.Errorf("%s was not written: %w", path, err)
		}
	}
	return os.Rename(tmp.Name(), path)
}

func candidateErase(ctx context.Context, e Env, args []string) error {
	f := newFlags("candidate erase")
	yes := f.Bool("yes", false, "erase without asking")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		d, err := c.CandidateData(ctx, pos[0])
		if err != nil {
			return err
		}
		if !d.Erasable {
			return fmt.Errorf("%s Nothing was erased", d.Reason)
		}
		if !*yes {
			q := fmt.Sprintf("Erase everything about %s <%s>?\nThis deletes %s. It cannot be undone.",
				strings.Join(d.Names, " / "), d.Email, candidateWords(d))
			if err := confirm(e, q); err != nil {
				return err
			}
		}
		done, err := c.EraseCandidate(ctx, pos[0])
		if err != nil || *f.json {
			return printJSON(e, done, err)
		}
		fmt.Fprintf(e.Stdout, "Erased %s: %s.\n", done.Email, candidateWords(done))
		return nil
	})
}

func retentionShow(ctx context.Context, e Env, args []string) error {
	f := newFlags("retention show")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		r, err := c.Retention(ctx)
		if err != nil {
			return err
		}
		plan, err := c.RetentionPreview(ctx)
		if err != nil || *f.json {
			return printJSON(e, map[string]any{"settings": r, "due": plan}, err)
		}
		fmt.Fprintf(e.Stdout, "Recordings:     %s\nInterview data: %s\n", period(r.RecordingsDays), period(r.InterviewDataDays))
		if !r.LastRunAt.IsZero() {
			fmt.Fprintf(e.Stdout, "Last applied:   %s\n", r.LastRunAt.Local().Format("2 Jan 2006 15:04"))
		}
		printPlan(e, plan)
		return nil
	})
}

func period(days int) string {
	if days == 0 {
		return "kept until deleted"
	}
	return fmt.Sprintf("%d days after the interview", days)
}

func printPlan(e Env, plan privacy.RetentionPlan) {
	if len(plan.Items) == 0 {
		fmt.Fprintln(e.Stdout, "Nothing is due for deletion now.")
		return
	}
	fmt.Fprintf(e.Stdout, "Due now: %d interviews, the recordings of %d more, %d candidate profiles — %d files (%s):\n",
		plan.Interviews, plan.Recordings, plan.Candidates, plan.Files.Count, audit.SizeText(plan.Files.Bytes))
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHAT\tINTERVIEW\tCANDIDATE\tPOSITION\tENDED\tWHY")
	for _, it := range plan.Items {
		ended := ""
		if !it.EndsAt.IsZero() {
			ended = day(it.EndsAt)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", it.What, it.InterviewID, it.Candidate, it.Position, ended, it.Why)
	}
	_ = tw.Flush()
}

func retentionSet(ctx context.Context, e Env, args []string) error {
	f := newFlags("retention set")
	recordings := f.Int("recordings", -1, "days to keep recordings (0: until deleted)")
	data := f.Int("interview-data", -1, "days to keep everything of an interview (0: until deleted)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		r, err := c.Retention(ctx)
		if err != nil {
			return err
		}
		in := r.RetentionSettings
		if *recordings >= 0 {
			in.RecordingsDays = *recordings
		}
		if *data >= 0 {
			in.InterviewDataDays = *data
		}
		r, err = c.SetRetention(ctx, in)
		if err != nil || *f.json {
			return printJSON(e, r, err)
		}
		fmt.Fprintf(e.Stdout, "Recordings:     %s\nInterview data: %s\n", period(r.RecordingsDays), period(r.InterviewDataDays))
		return nil
	})
}

func retentionApply(ctx context.Context, e Env, args []string) error {
	f := newFlags("retention apply")
	yes := f.Bool("yes", false, "delete without asking")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		plan, err := c.RetentionPreview(ctx)
		if err != nil {
			return err
		}
		if len(plan.Items) > 0 && !*yes {
			printPlan(e, plan)
			if err := confirm(e, "Delete all of this now? It cannot be undone."); err != nil {
				return err
			}
		}
		run, err := c.ApplyRetention(ctx)
		if err != nil || *f.json {
			return printJSON(e, run, err)
		}
		fmt.Fprintf(e.Stdout, "Deleted %d items (%d files, %s).\n", len(run.Deleted), run.Files.Count, audit.SizeText(run.Files.Bytes))
		for _, s := range run.Skipped {
			fmt.Fprintf(e.Stdout, "Skipped %s%s: %s\n", s.InterviewID, s.Subject, s.Reason)
		}
		return nil
	})
}

func auditList(ctx context.Context, e Env, args []string) error {
	f := newFlags("audit list")
	kind := f.String("kind", "", "only this kind: "+kindNames())
	limit := f.Int("limit", 50, "at most this many (up to 500)")
	before := f.Uint64("before", 0, "older than this entry (a previous page's next)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		page, err := c.Audit(ctx, client.AuditQuery{Kind: audit.Kind(*kind), Before: *before, Limit: *limit})
		if err != nil || *f.json {
			return printJSON(e, page, err)
		}
		if len(page.Entries) == 0 {
			fmt.Fprintln(e.Stdout, "The audit log has no such entries.")
			return nil
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "#\tWHEN\tKIND\tWHO\tWHAT")
		for _, en := range page.Entries {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", en.Seq, en.At.Local().Format("2006-01-02 15:04:05"), en.Kind, en.Actor.Name, en.Text)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if page.Next > 0 {
			fmt.Fprintf(e.Stdout, "(older entries: --before %d)\n", page.Next)
		}
		return nil
	})
}

func kindNames() string {
	var names []string
	for _, k := range audit.Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}
