package candidates

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// FuzzDecode feeds the results file decoder anything (testdata/fuzz holds
// the checked-in corpus: good and broken JSON and CSV files). It must never
// panic; what it accepts must obey the format's rules, and what it refuses
// must say where.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"results.json", "results.csv"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		results, err := Decode(name, data)
		if err != nil {
			var problems validation.FileErrors
			if !errors.As(err, &problems) || len(problems) == 0 || results != nil {
				t.Fatalf("refused without problems: %v (%d results)", err, len(results))
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			for _, p := range problems {
				if p.Line < 0 || p.Line > lines || p.Message == "" {
					t.Fatalf("problem %+v is not within the file's %d lines, or says nothing", p, lines)
				}
			}
			return
		}
		if len(results) == 0 || len(results) > MaxResults {
			t.Fatalf("accepted %d results", len(results))
		}
		for i, r := range results {
			var p problems
			validate(&r, place{locate: func(field string) (int, string) { return 0, field }}, &p)
			if p.err() != nil || !validation.IsEmail(r.Candidate.Email) || r.Score > r.MaxScore || r.CompletedAt.IsZero() {
				t.Fatalf("accepted result %d breaks the rules: %+v (%v)", i, r, p.err())
			}
		}
	})
}
