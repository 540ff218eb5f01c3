package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestUserCommands(t *testing.T) {
	dir := t.TempDir()
	if r := run(t, "user", "list", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "No accounts") {
		t.Fatalf("list of none: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	// Without email set up, the mail cannot go, and nothing is created.
	r := run(t, "user", "add", "--data", dir, "--email", "ivan@example.com", "--name", "Ivan Petrov", "--role", "interviewer")
	if r.code != 1 || !strings.Contains(r.stderr, "Email is not set up") {
		t.Fatalf("add without email: exit %d %q", r.code, r.stderr)
	}
	r = run(t, "user", "add", "--data", dir, "--email", "ivan@example.com", "--name", "Ivan Petrov", "--role", "interviewer", "--link")
	if r.code != 0 || !strings.Contains(r.stdout, "/#/set-password/") {
		t.Fatalf("add --link: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "user", "add", "--data", dir, "--email", "IVAN@example.com", "--name", "Ivan", "--role", "recruiter", "--link"); r.code != 1 ||
		!strings.Contains(r.stderr, "already has an account") {
		t.Errorf("add the same email again: exit %d %q", r.code, r.stderr)
	}
	if r := run(t, "user", "add", "--data", dir, "--email", "olga@example.com", "--name", "Olga", "--role", "owner", "--link"); r.code != 1 ||
		!strings.Contains(r.stderr, "role: Choose admin, recruiter or interviewer") {
		t.Errorf("add with an unknown role: exit %d %q", r.code, r.stderr)
	}
	if r := run(t, "user", "add", "--data", dir, "--email", "olga@example.com"); r.code != 2 {
		t.Errorf("add without name and role: exit %d", r.code)
	}
	if r := run(t, "user", "role", "Ivan@Example.com", "recruiter", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "now recruiter") {
		t.Errorf("role: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "user", "resend", "ivan@example.com", "--link", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "/#/set-password/") {
		t.Errorf("resend --link: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, "user", "list", "--data", dir, "--json")
	var list struct {
		Users []struct {
			Email, Role string
			Active      bool
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list.Users) != 1 || list.Users[0].Role != "recruiter" || list.Users[0].Active {
		t.Errorf("list --json: %q (%v)", r.stdout, err)
	}
	if r := run(t, "user", "list", "--data", dir); !strings.Contains(r.stdout, "invited (no password yet)") {
		t.Errorf("list: %q", r.stdout)
	}
	if r := run(t, "user", "remove", "ivan@example.com", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "signed out everywhere") {
		t.Errorf("remove: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "user", "remove", "ivan@example.com", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "no account has the email") {
		t.Errorf("remove again: exit %d %q", r.code, r.stderr)
	}
}
