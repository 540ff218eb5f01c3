package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/room"
)

func TestReportShowAndExport(t *testing.T) {
	dir := t.TempDir()
	r := run(t, createArgs(dir)...)
	var iv struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &iv); r.code != 0 || err != nil {
		t.Fatalf("create: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
	appendEvents(t, dir, iv.ID, room.TypeConsented, room.TypeStarted)
	if r := run(t, "report", "show", iv.ID, "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "once the interview has ended") {
		t.Errorf("report of an interview going on: exit %d %q", r.code, r.stderr)
	}
	appendEvents(t, dir, iv.ID, room.TypeNoteSaved, room.TypeEnded)

	r = run(t, "report", "show", iv.ID, "--data", dir)
	for _, want := range []string{"Olivia Diaz · Backend engineer\n", "! The candidate declined AI analysis",
		"AI score: none · interviewers' rating: none", "\n1. ", "Notes by: Alex Recruiter"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("report show lacks %q: exit %d\n%s%s", want, r.code, r.stdout, r.stderr)
		}
	}
	r = run(t, "report", "show", iv.ID, "--data", dir, "--json")
	var rep struct {
		Candidate struct{ Name string }
		Declined  bool
		Notes     []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Candidate.Name != "Olivia Diaz" || !rep.Declined ||
		len(rep.Notes) != 1 {
		t.Errorf("report show --json: exit %d %v\n%s", r.code, err, r.stdout)
	}

	for format, magic := range map[string]string{"pdf": "%PDF-", "html": "<!DOCTYPE html>"} {
		out := filepath.Join(dir, "report."+format)
		if r := run(t, "report", "export", iv.ID, "--format", format, "--out", out, "--data", dir); r.code != 0 {
			t.Fatalf("export %s: exit %d %s", format, r.code, r.stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s export starts %.20q (%v)", format, data, err)
		}
	}
	if r := run(t, "report", "export", iv.ID, "--format", "html", "--out", "-", "--data", dir); r.code != 0 ||
		!strings.Contains(r.stdout, "Calm and precise.") {
		t.Errorf("export to stdout: exit %d %.80q", r.code, r.stdout)
	}
	for _, args := range [][]string{{"--format", "docx", "--out", "x"}, {"--format", "pdf"}, {}} {
		if r := run(t, append([]string{"report", "export", iv.ID, "--data", dir}, args...)...); r.code != 2 {
			t.Errorf("export %v: exit %d, want 2 (usage)", args, r.code)
		}
	}
}
