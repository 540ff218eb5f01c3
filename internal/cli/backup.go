package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/backup"
	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/host"
)

// backupCmd writes a backup of the data folder through its host (the
// running one, which goes on serving, or one opened here), and checks the
// archive before keeping it.
func backupCmd(ctx context.Context, e Env, args []string) error {
	f := newFlags("backup")
	out := f.String("out", "", "the backup archive to write (.zip)")
	withMedia := f.Bool("with-media", false, "include the recordings (large)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: missing --out FILE", errUsage)
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		var m backup.Manifest
		err := writeAtomically(*out, func(w io.Writer) error {
			_, err := c.Backup(ctx, w, *withMedia)
			return err
		}, func(written string) error {
			var err error
			m, err = backup.Inspect(written)
			return err
		})
		if err != nil || *f.json {
			return printJSON(e, m, err)
		}
		fmt.Fprintf(e.Stdout, "Backed up to %s: the data file (%s, SHA-256 %s, schema %d)", *out, audit.SizeText(m.Database.Bytes),
			m.Database.SHA256[:12], m.Schema)
		if n, size := m.MediaFiles(); m.WithMedia {
			fmt.Fprintf(e.Stdout, " and the recordings (%d files, %s).\n", n, audit.SizeText(size))
		} else {
			fmt.Fprintln(e.Stdout, ", without the recordings (add --with-media for them).")
		}
		return nil
	})
}

// restoreCmd replaces the data folder's data with a backup, while no host
// runs on it.
func restoreCmd(ctx context.Context, e Env, args []string) error {
	f := newFlags("restore")
	yes := f.Bool("yes", false, "restore without asking")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	dir, err := f.dataDir()
	if err != nil {
		return err
	}
	if a, err := host.ReadAnnouncement(dir); err == nil && processAlive(a.PID) {
		return fmt.Errorf("InterviewDesk is running on %s (process %d, %s). Quit it (or stop “interviewdesk serve”), then restore", dir, a.PID, a.URL)
	}
	m, err := backup.Inspect(pos[0])
	if err != nil {
		return fmt.Errorf("the backup %s: %w", pos[0], err)
	}
	if !*yes {
		if err := confirm(e, restoreQuestion(dir, pos[0], m)); err != nil {
			return err
		}
	}
	r, err := backup.Restore(audit.With(ctx, audit.By(audit.ViaCLI)), pos[0], backup.Target{
		StorePath: filepath.Join(dir, host.StoreFile), Media: host.MediaFolders(dir), Now: e.Now})
	if err != nil || *f.json {
		return printJSON(e, r, err)
	}
	fmt.Fprintf(e.Stdout, "Restored %s from %s (schema %d, %d recording files).\n", dir, pos[0], r.Schema, r.MediaFiles)
	for what, aside := range r.KeptAside {
		fmt.Fprintf(e.Stdout, "The previous %s is kept as %s.\n", what, aside)
	}
	return nil
}

func restoreQuestion(dir, file string, m backup.Manifest) string {
	what := "a data file copy"
	if m.Format != "" {
		what = fmt.Sprintf("the backup made %s by release %s (schema %d)", m.CreatedAt.Local().Format("2 Jan 2006 15:04"), m.Version, m.Schema)
		if n, size := m.MediaFiles(); m.WithMedia {
			what += fmt.Sprintf(" with %d recording files (%s)", n, audit.SizeText(size))
		} else {
			what += " without recordings (the folder's recordings stay as they are)"
		}
	}
	return fmt.Sprintf("Replace the data in %s with %s, %s?\nThe current data file (and recordings, if the backup has them) are kept aside, named NAME.before-restore-TIME.",
		dir, file, what)
}
