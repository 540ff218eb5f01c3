package cli

import (
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/teamhost"
	"github.com/interviewdesk/interviewdesk/internal/teamhost/teamhosttest"
)

// From the command line on a team host: connect asks to confirm the
// self-signed certificate, refuses a wrong password, signs in; --host runs
// commands there as that account (not on this computer's data); disconnect
// ends the session there.
func TestConnectThenCommandsOnTheTeamHost(t *testing.T) {
	th := teamhosttest.Start(t)
	th.Interview(t, "Olivia Diaz")
	dir := t.TempDir()
	connect := func(stdin string, extra ...string) result {
		return runWith(t, stdin, append([]string{"connect", th.URL, "--email", teamhosttest.Email, "--password-stdin", "--data", dir}, extra...)...)
	}

	if r := run(t, "--host", th.URL, "interview", "list", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "not connected to "+th.URL) {
		t.Errorf("--host before connecting: exit %d %q", r.code, r.stderr)
	}
	r := connect(teamhosttest.Password + "\n")
	if r.code != 1 || !strings.Contains(r.stderr, "self-signed") || !strings.Contains(r.stderr, colons(th.Pin)) {
		t.Fatalf("connect without confirming the certificate: exit %d %q", r.code, r.stderr)
	}
	if r := connect("not the password\n", "--cert-sha256", colons(th.Pin)); r.code != 1 || !strings.Contains(r.stderr, "The email or password is not right") {
		t.Errorf("a wrong password: exit %d %q", r.code, r.stderr)
	}
	if r := connect(teamhosttest.Password+"\n", "--cert-sha256", colons(th.Pin)); r.code != 0 || !strings.Contains(r.stdout, "as Rita Recruiter (recruiter)") {
		t.Fatalf("connect: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	token, _ := teamhost.LoadToken(dir)

	if r := run(t, "--host", th.URL, "interview", "list", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "Olivia Diaz") {
		t.Errorf("--host interview list: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "interview", "list", "--data", dir); r.code != 0 || strings.Contains(r.stdout, "Olivia Diaz") {
		t.Errorf("without --host, this computer's interviews: exit %d %q", r.code, r.stdout)
	}
	if r := run(t, "--host="+th.URL, "user", "list", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "admin") {
		t.Errorf("a recruiter lists users: exit %d %q", r.code, r.stderr)
	}
	if r := run(t, "--host", th.URL, "backup", "--out", dir+"/b.zip", "--data", dir); r.code != 2 {
		t.Errorf("backup --host: exit %d %q", r.code, r.stderr)
	}

	if r := run(t, "disconnect", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "Signed out of "+th.URL) {
		t.Errorf("disconnect: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if th.SessionWorks(t, token) {
		t.Error("the team host still takes the session after disconnect")
	}
	if r := run(t, "--host", th.URL, "interview", "list", "--data", dir); r.code != 1 {
		t.Errorf("--host after disconnect: exit %d %q", r.code, r.stdout)
	}
}
