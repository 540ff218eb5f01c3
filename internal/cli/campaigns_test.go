package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestCampaignCreateListShowClose(t *testing.T) {
	dir := t.TempDir()
	start := time.Now().AddDate(0, 0, 7).Format("2006-01-02") + "T10:00"
	r := run(t, "campaign", "create", "--name", "Winter backend", "--template", "Go backend engineer", "--position", "Backend engineer",
		"--slots", start+"/45m*4", "--capacity", "2", "--tz", "Europe/Berlin", "--data", dir, "--json")
	var v struct {
		Link     string
		State    string
		Campaign struct {
			ID    string
			Slots []struct{ Capacity, DurationMinutes int }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || r.code != 0 || !strings.Contains(v.Link, "/apply/") ||
		len(v.Campaign.Slots) != 4 || v.Campaign.Slots[0].Capacity != 2 || v.Campaign.Slots[0].DurationMinutes != 45 {
		t.Fatalf("create: exit %d %q %q (%v)", r.code, r.stdout, r.stderr, err)
	}
	if r := run(t, "campaign", "list", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "Winter backend") || !strings.Contains(r.stdout, "0/8") {
		t.Errorf("list: exit %d %q", r.code, r.stdout)
	}
	if r := run(t, "campaign", "show", "winter backend", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, v.Link) {
		t.Errorf("show by name: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "campaign", "close", v.Campaign.ID, "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "closed") {
		t.Errorf("close: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "campaign", "create", "--name", "N", "--template", "Go backend engineer", "--position", "P", "--data", dir); r.code == 0 {
		t.Errorf("neither --slots nor --now: exit 0")
	}
	if r := run(t, "campaign", "create", "--name", "N", "--template", "Go backend engineer", "--position", "P", "--slots", "soon", "--data", dir); r.code == 0 ||
		!strings.Contains(r.stderr, "START") {
		t.Errorf("a bad --slots: exit %d %q", r.code, r.stderr)
	}
	if r := run(t, "campaign", "create", "--name", "Now", "--template", "Go backend engineer", "--position", "P", "--now", "--data", dir); r.code != 0 {
		t.Errorf("--now: exit %d %q", r.code, r.stderr)
	}
}
