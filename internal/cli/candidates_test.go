package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCandidateImportListShow(t *testing.T) {
	dir := t.TempDir()
	if r := run(t, createArgs(dir)...); r.code != 0 {
		t.Fatalf("create exit %d: %s", r.code, r.stderr)
	}
	r := run(t, "candidate", "import-results", "../candidates/testdata/results.json", "--data", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "Imported 2 results (2 new, 0 updated); 1 new candidates.") {
		t.Fatalf("import: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "candidate", "import-results", "../candidates/testdata/results.csv", "--data", dir); r.code != 0 ||
		!strings.Contains(r.stdout, "(0 new, 2 updated)") {
		t.Errorf("re-import as CSV: exit %d %q %q", r.code, r.stdout, r.stderr)
	}

	r = run(t, "candidate", "list", "--search", "backend", "--data", dir, "--json")
	var list struct {
		Candidates []struct{ ID, Name string }
		Total      int
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || list.Total != 1 || list.Candidates[0].Name != "Olivia Diaz" {
		t.Fatalf("list --search backend --json: %q (%v)", r.stdout, err)
	}
	if r := run(t, "candidate", "list", "--since", "all", "--data", dir); r.code != 0 ||
		!strings.Contains(r.stdout, "Ivan Petrov") || !strings.Contains(r.stdout, "Backend engineer (Live interview scheduled)") {
		t.Errorf("list --since all: exit %d %q", r.code, r.stdout)
	}
	if r := run(t, "candidate", "list", "--since", "forever", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "time filter") {
		t.Errorf("an unknown --since: exit %d %q", r.code, r.stderr)
	}
	for _, key := range []string{list.Candidates[0].ID, "OLIVIA@example.com"} {
		r := run(t, "candidate", "show", key, "--data", dir)
		if r.code != 0 || !strings.Contains(r.stdout, "Go backend take-home: 85 / 100") || !strings.Contains(r.stdout, "Interview") {
			t.Errorf("show %s: exit %d %q %q", key, r.code, r.stdout, r.stderr)
		}
	}
	if r := run(t, "candidate", "show", "nobody@example.com", "--data", dir); r.code != 1 {
		t.Errorf("show an unknown candidate: exit %d", r.code)
	}
}

func TestCandidateImportOfABadFileSaysWhereAndStoresNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(t.TempDir(), "bad.csv")
	csv := "candidate_name,candidate_email,assessment,completed_at,score,max_score\n" +
		"Mei Chen,mei@example.com,SQL,2026-11-20,1,2\n" +
		"Ivan Petrov,ivan@example,SQL,someday,3,2\n"
	if err := os.WriteFile(bad, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, "candidate", "import-results", bad, "--data", dir)
	for _, want := range []string{"Nothing was imported", "line 3, candidate_email:", "line 3, completed_at:"} {
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("bad file: exit %d, stderr %q lacks %q", r.code, r.stderr, want)
		}
	}
	if r := run(t, "candidate", "list", "--since", "all", "--data", dir); !strings.Contains(r.stdout, "No candidates") {
		t.Errorf("a bad file stored something: %q", r.stdout)
	}
}
