package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/score"
)

// repeated is a flag that may be given many times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ", ") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// scoreAnswer scores text with the offline engine. It needs no host and no
// data folder.
func scoreAnswer(ctx context.Context, e Env, args []string) error {
	f := newFlags("score")
	question := f.String("question", "", "the question asked")
	expected := f.String("expected", "", "the expected answer")
	answer := f.String("answer", "", "the answer given")
	batch := f.String("batch", "", "JSON Lines file to score, - for standard input")
	var keyPoints repeated
	f.Var(&keyPoints, "key-point", "a point a good answer makes (repeatable)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	one := score.Input{Question: *question, Expected: *expected, KeyPoints: keyPoints, Answer: *answer}
	if err := checkScoreFlags(one, *batch); err != nil {
		return err
	}
	engine, err := score.NewOffline(score.OfflineConfig{})
	if err != nil {
		return err
	}
	defer engine.Close()
	if *batch != "" {
		return scoreBatch(ctx, e, engine, *batch)
	}
	r, err := engine.Score(ctx, one)
	if err != nil || *f.json {
		return printJSON(e, r, err)
	}
	printScore(e.Stdout, r)
	return nil
}

func checkScoreFlags(in score.Input, batch string) error {
	if batch != "" {
		if in.Question != "" || in.Expected != "" || in.Answer != "" || len(in.KeyPoints) > 0 {
			return fmt.Errorf("%w: --batch reads every question and answer from its file; drop --question, --expected, --key-point and --answer", errUsage)
		}
		return nil
	}
	var missing []string
	if in.Question == "" {
		missing = append(missing, "--question")
	}
	if in.Expected == "" && len(in.KeyPoints) == 0 {
		missing = append(missing, "--expected (or --key-point)")
	}
	if in.Answer == "" {
		missing = append(missing, "--answer")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: missing %s", errUsage, strings.Join(missing, ", "))
	}
	return nil
}

func printScore(w io.Writer, r score.Result) {
	fmt.Fprintf(w, "Score %.2f of %g (%s)\n%s\n", r.Score, score.MaxScore, r.Engine, r.Comment)
	if len(r.Covered) > 0 {
		fmt.Fprintln(w, "\nCovered:")
	}
	for _, p := range r.Covered {
		fmt.Fprintf(w, "  %s\n      %q\n", p.Text, p.Evidence)
	}
	if len(r.Missed) > 0 {
		fmt.Fprintln(w, "\nMissed:")
	}
	for _, p := range r.Missed {
		fmt.Fprintf(w, "  %s\n", p.Text)
	}
}

// batchLine is one line of a --batch file.
type batchLine struct {
	Question  string   `json:"question"`
	Expected  string   `json:"expected"`
	KeyPoints []string `json:"keyPoints"`
	Answer    *string  `json:"answer"`
}

// errLinesFailed reports a batch in which some lines could not be scored.
var errLinesFailed = errors.New("could not be scored; their lines hold the reason")

// scoreBatch scores a JSON Lines file line by line: one JSON object out per
// line in, in order, a line that cannot be scored getting {"error": ...}.
func scoreBatch(ctx context.Context, e Env, engine score.Engine, name string) error {
	in, closeIn, err := openInput(e, name)
	if err != nil {
		return err
	}
	defer closeIn()
	rd := bufio.NewReader(in)
	out := json.NewEncoder(e.Stdout)
	lines, failed := 0, 0
	for {
		line, err := rd.ReadString('\n')
		if line == "" && err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return fmt.Errorf("read %s: %w", name, err)
		}
		lines++
		r, serr := scoreLine(ctx, engine, line)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var v any = r
		if serr != nil {
			failed++
			v = map[string]string{"error": serr.Error()}
		}
		if err := out.Encode(v); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d lines %w", failed, lines, errLinesFailed)
	}
	return nil
}

func scoreLine(ctx context.Context, engine score.Engine, line string) (score.Result, error) {
	var b batchLine
	if strings.TrimSpace(line) == "" {
		return score.Result{}, errors.New("empty line")
	}
	if err := json.Unmarshal([]byte(line), &b); err != nil {
		return score.Result{}, fmt.Errorf("not a JSON object: %v", err)
	}
	if b.Answer == nil {
		return score.Result{}, errors.New(`no "answer"`)
	}
	return engine.Score(ctx, score.Input{Question: b.Question, Expected: b.Expected, KeyPoints: b.KeyPoints, Answer: *b.Answer})
}

// openInput opens the file name, or standard input for "-".
func openInput(e Env, name string) (io.Reader, func(), error) {
	if name == "-" {
		return e.Stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("open batch file: %w", err)
	}
	return f, func() { _ = f.Close() }, nil
}
