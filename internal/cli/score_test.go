package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestScoreOneAnswer(t *testing.T) {
	data := filepath.Join(t.TempDir(), "never-made")
	args := []string{"score", "--data", data, "--question", "How does a hash map find a value by its key?",
		"--key-point", "hashes the key to a bucket index", "--key-point", "compares keys to resolve collisions",
		"--answer", "It computes a hash of the key and uses it as an index into the buckets."}
	r := run(t, append(args, "--json")...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Score           float64
		Covered, Missed []struct{ Text, Evidence string }
		Engine          string
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("--json printed %q: %v", r.stdout, err)
	}
	if got.Score <= 0 || got.Score > 5 || len(got.Covered) != 1 || got.Covered[0].Text != "hashes the key to a bucket index" ||
		!strings.Contains(got.Covered[0].Evidence, "hash of the key") || len(got.Missed) != 1 || got.Engine != "offline" {
		t.Errorf("result %+v", got)
	}
	if text := run(t, args...); text.code != 0 || !strings.Contains(text.stdout, "Covered:\n  hashes the key to a bucket index") ||
		!strings.Contains(text.stdout, "Missed:\n  compares keys to resolve collisions") {
		t.Errorf("text output: exit %d %q", text.code, text.stdout)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("score touched the data folder %s (%v); it needs none", data, err)
	}
}

func TestScoreUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"score", "--question", "Q", "--answer", "A"},
		{"score", "--expected", "E"},
		{"score", "--batch", "-", "--answer", "A"},
		{"score", "extra"},
	} {
		if r := run(t, args...); r.code != 2 || !strings.Contains(r.stderr, "usage: interviewdesk score") {
			t.Errorf("%q: exit %d %q, want 2 and the usage", args, r.code, r.stderr)
		}
	}
}

const batchIn = `{"question": "Where does a C++ program begin?", "expected": "At the main function.", "answer": "In main."}
not json
{"question": "Why?", "answer": "Because."}
{"question": "What are the two queue operations?", "keyPoints": ["enqueue", "dequeue"], "answer": "enqueue and dequeue"}
`

func TestScoreBatchKeepsOrderAndReportsBadLines(t *testing.T) {
	file := filepath.Join(t.TempDir(), "answers.jsonl")
	if err := os.WriteFile(file, []byte(batchIn), 0o600); err != nil {
		t.Fatal(err)
	}
	fromFile := run(t, "score", "--batch", file, "--json")
	var out, errOut bytes.Buffer
	code := Run(Env{Stdin: strings.NewReader(batchIn), Stdout: &out, Stderr: &errOut, Now: time.Now}, []string{"score", "--batch", "-", "--json"})
	if out.String() != fromFile.stdout || code != fromFile.code {
		t.Errorf("stdin gave exit %d %q, the file exit %d %q", code, out.String(), fromFile.code, fromFile.stdout)
	}
	if fromFile.code != 1 || !strings.Contains(fromFile.stderr, "2 of 4 lines could not be scored") {
		t.Errorf("exit %d %q, want 1 and the count of bad lines", fromFile.code, fromFile.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(fromFile.stdout, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines out for 4 in: %q", len(lines), fromFile.stdout)
	}
	for i, wantError := range []bool{false, true, true, false} {
		var v struct {
			Score   *float64
			Covered []struct{ Text string }
			Missed  []struct{ Text string }
			Error   string
		}
		if err := json.Unmarshal([]byte(lines[i]), &v); err != nil {
			t.Fatalf("line %d: %q: %v", i+1, lines[i], err)
		}
		if gotError := v.Error != ""; gotError != wantError || (!wantError && (v.Score == nil || *v.Score <= 0 || len(v.Covered) == 0)) {
			t.Errorf("line %d: %s", i+1, lines[i])
		}
	}
	if !strings.Contains(lines[2], "neither an expected answer nor key points") {
		t.Errorf("line 3 should say why it was not scored: %s", lines[2])
	}
}
