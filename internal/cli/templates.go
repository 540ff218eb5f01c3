package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// resolveTemplate accepts a template ID or its name (case-insensitive).
func resolveTemplate(ctx context.Context, c *client.Client, ref string) (string, error) {
	list, err := c.Templates(ctx)
	if err != nil {
		return "", err
	}
	for _, t := range list {
		if t.ID == ref || strings.EqualFold(t.Name, ref) {
			return t.ID, nil
		}
	}
	return "", fmt.Errorf("no template has the ID or name %q; `interviewdesk template list` shows them", ref)
}

func templateList(ctx context.Context, e Env, args []string) error {
	f := newFlags("template list")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		list, err := c.Templates(ctx)
		if err != nil || *f.json {
			return printJSON(e, web.TemplateList{Templates: list}, err)
		}
		if len(list) == 0 {
			fmt.Fprintln(e.Stdout, "No templates. Import one with `interviewdesk template import FILE`.")
			return nil
		}
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSPECIALIZATION\tTOPICS\tQUESTIONS")
		for _, t := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\n", t.ID, t.Name, t.Specialization, t.TopicCount, t.QuestionCount)
		}
		return tw.Flush()
	})
}

func templateShow(ctx context.Context, e Env, args []string) error {
	f := newFlags("template show")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		id, err := resolveTemplate(ctx, c, pos[0])
		if err != nil {
			return err
		}
		t, err := c.Template(ctx, id)
		if err != nil || *f.json {
			return printJSON(e, t, err)
		}
		fmt.Fprintf(e.Stdout, "%s  (%s)\n%s\n\nInterview plan:\n", t.Name, t.Specialization, t.Description)
		for i, p := range t.Plan {
			fmt.Fprintf(e.Stdout, "  %d. %s\n", i+1, p.Title)
		}
		if len(t.Questions) > 0 {
			fmt.Fprintln(e.Stdout, "\nQuestions:")
		}
		for i, q := range t.Questions {
			fmt.Fprintf(e.Stdout, "  %d/%d  %s\n        Alternative: %s\n        Expected: %s\n",
				i+1, len(t.Questions), q.Text, q.Alternative, q.ExpectedAnswer)
		}
		return nil
	})
}

func templateImport(ctx context.Context, e Env, args []string) error {
	f := newFlags("template import")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return fmt.Errorf("read template file: %w", err)
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		list, err := c.ImportTemplates(ctx, data)
		if err != nil || *f.json {
			return printJSON(e, web.TemplateList{Templates: list}, err)
		}
		for _, t := range list {
			fmt.Fprintf(e.Stdout, "Imported %q (%s)\n", t.Name, t.ID)
		}
		return nil
	})
}

func templateExport(ctx context.Context, e Env, args []string) error {
	f := newFlags("template export")
	out := f.String("out", "", "file to write (default: standard output)")
	pos, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	return withClient(ctx, e, f, func(c *client.Client) error {
		id, err := resolveTemplate(ctx, c, pos[0])
		if err != nil {
			return err
		}
		raw, err := c.ExportTemplate(ctx, id)
		if err != nil {
			return err
		}
		return writeOutput(e, *out, raw)
	})
}

// writeOutput writes data to the file out, or to standard output when out is "".
func writeOutput(e Env, out string, data []byte) error {
	if out == "" {
		_, err := e.Stdout.Write(data)
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(e.Stderr, "Wrote %s\n", out)
	return nil
}

// withClient connects, runs fn and disconnects.
func withClient(ctx context.Context, e Env, f flags, fn func(c *client.Client) error) error {
	c, done, err := connect(ctx, e, f)
	if err != nil {
		return err
	}
	defer done()
	return fn(c)
}

// printJSON prints an API answer as indented JSON, keys sorted.
func printJSON(e Env, answer any, err error) error {
	if err != nil {
		return err
	}
	raw, err := json.Marshal(answer)
	if err != nil {
		return fmt.Errorf("encode answer: %w", err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
