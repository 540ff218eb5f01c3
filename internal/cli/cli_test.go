package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(Env{Stdout: &out, Stderr: &errOut, Now: time.Now}, args)
	return result{code, out.String(), errOut.String()}
}

func createArgs(dir string) []string {
	at := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	return []string{"interview", "create", "--data", dir, "--template", "Go backend engineer", "--position", "Backend engineer",
		"--candidate-name", "Olivia Diaz", "--candidate-email", "olivia@example.com", "--at", at, "--tz", "Europe/Berlin", "--json"}
}

func TestCreateListShowLinkRescheduleDelete(t *testing.T) {
	dir := t.TempDir()
	r := run(t, createArgs(dir)...)
	if r.code != 0 {
		t.Fatalf("create exit %d: %s", r.code, r.stderr)
	}
	var iv struct{ ID, CandidateLink string }
	if err := json.Unmarshal([]byte(r.stdout), &iv); err != nil || iv.ID == "" || !strings.Contains(iv.CandidateLink, "/join/") {
		t.Fatalf("create --json printed %q (%v)", r.stdout, err)
	}
	if r := run(t, "interview", "list", "--data", dir, "--search", "OLIVIA"); r.code != 0 || !strings.Contains(r.stdout, iv.ID) {
		t.Errorf("list --search: exit %d, %q", r.code, r.stdout)
	}
	if r := run(t, "interview", "link", iv.ID, "--data", dir); strings.TrimSpace(r.stdout) != iv.CandidateLink {
		t.Errorf("link printed %q, want %q", r.stdout, iv.CandidateLink)
	}
	later := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	if r := run(t, "interview", "reschedule", iv.ID, "--at", later, "--data", dir, "--json"); r.code != 0 || !strings.Contains(r.stdout, `"sequence": 1`) {
		t.Errorf("reschedule: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "interview", "delete", iv.ID, "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "cancelled") {
		t.Errorf("delete: exit %d %s", r.code, r.stdout)
	}
	if r := run(t, "interview", "list", "--tense", "cancelled", "--data", dir, "--json"); !strings.Contains(r.stdout, iv.ID) {
		t.Errorf("cancelled list lacks the deleted interview: %s", r.stdout)
	}
}

func TestErrorsGoToStderrWithExitCodes(t *testing.T) {
	dir := t.TempDir()
	args := createArgs(dir)
	args[len(args)-6] = "not-an-email" // --candidate-email value
	r := run(t, args...)
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "candidateEmail: Enter a valid email address") {
		t.Errorf("bad email: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "interview", "create", "--data", dir); r.code != 2 || !strings.Contains(r.stderr, "missing --at, --candidate-email") {
		t.Errorf("missing flags: exit %d %q", r.code, r.stderr)
	}
	if r := run(t, "interview", "show", "--data", dir); r.code != 2 {
		t.Errorf("show without ID: exit %d", r.code)
	}
	if r := run(t, "interview", "show", "no-such-id", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("show unknown: exit %d %q", r.code, r.stderr)
	}
	if r := run(t, "frobnicate"); r.code != 2 {
		t.Errorf("unknown command: exit %d", r.code)
	}
}

func TestTemplateExportImport(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "go.json")
	if r := run(t, "template", "export", "go backend engineer", "--out", file, "--data", dir); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	if r := run(t, "template", "import", file, "--data", dir); r.code != 0 || !strings.Contains(r.stdout, `"Go backend engineer (2)"`) {
		t.Errorf("import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if err := os.WriteFile(file, []byte(`{"format":"interviewdesk.templates/v1","templates":[{"name":"X","plan":[]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "template", "import", file, "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "templates[0].plan") {
		t.Errorf("invalid import: %d %s", r.code, r.stderr)
	}
}

// TestCommandsGoThroughARunningHost holds the store open in a running host, as the
// desktop app or `serve` do, and checks the CLI works through it instead of
// failing on the file lock.
func TestCommandsGoThroughARunningHost(t *testing.T) {
	dir := t.TempDir()
	h, err := host.Open(host.Config{DataDir: dir, Listen: "127.0.0.1:0"}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := run(t, createArgs(dir)...)
	if r.code != 0 {
		t.Fatalf("create while a host runs: exit %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, h.URL()+"/join/") {
		t.Errorf("links should carry the running host's URL %s: %s", h.URL(), r.stdout)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	// After the host stops, its announcement is gone and the CLI opens the store itself.
	if _, err := host.ReadAnnouncement(dir); err == nil {
		t.Error("host.json survives a clean stop")
	}
	if r := run(t, "interview", "list", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "Olivia Diaz") {
		t.Errorf("list after host stopped: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

func TestInvitationAndICSCommands(t *testing.T) {
	dir := t.TempDir()
	if r := run(t, "interview", "ics", "x", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("ics of an unknown interview: %d %s", r.code, r.stderr)
	}
	r := run(t, createArgs(dir)...)
	var iv struct{ ID, CandidateLink string }
	_ = json.Unmarshal([]byte(r.stdout), &iv)
	text := run(t, "interview", "invitation", iv.ID, "--data", dir)
	if text.code != 0 || !strings.Contains(text.stdout, "Join: "+iv.CandidateLink) || !strings.Contains(text.stdout, "How to prepare") {
		t.Errorf("invitation: %d %s %s", text.code, text.stdout, text.stderr)
	}
	// The organizer has no email yet, and email is not set up: the .ics needs one.
	if r := run(t, "interview", "ics", iv.ID, "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "organizer email") {
		t.Errorf("ics without an organizer email: %d %s", r.code, r.stderr)
	}
	if r := run(t, "mail", "set", "--host", "smtp.example.com", "--security", "none", "--from-address", "a@example.com", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "clear text") {
		t.Errorf("mail set without TLS to a remote server: %d %s", r.code, r.stderr)
	}
	if r := run(t, "mail", "set", "--host", "smtp.example.com", "--from-address", "rita@example.com", "--data", dir); r.code != 0 {
		t.Fatalf("mail set: %d %s", r.code, r.stderr)
	}
	ics := run(t, "interview", "ics", iv.ID, "--for", "candidate", "--data", dir)
	if ics.code != 0 || !strings.HasPrefix(ics.stdout, "BEGIN:VCALENDAR") || !strings.Contains(ics.stdout, "METHOD:REQUEST") {
		t.Errorf("ics: %d %.200s %s", ics.code, ics.stdout, ics.stderr)
	}
	if r := run(t, "interview", "ics", iv.ID, "--for", "interviewer:nobody@example.com", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "not an interviewer") {
		t.Errorf("ics for a stranger: %d %s", r.code, r.stderr)
	}
}

// appendEvents writes what the room would have logged, with the store
// closed by the CLI.
func appendEvents(t *testing.T, dir, id string, events ...room.Type) {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, host.StoreFile), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}()
	now := time.Now
	rooms := room.New(db, interviews.New(db, templates.New(db, now), settings.New(db), now), slog.New(slog.DiscardHandler), now)
	alex := room.Actor{Role: room.RoleInterviewer, Email: "organizer@example.com", Name: "Alex Recruiter"}
	olivia := room.Actor{Role: room.RoleCandidate, Name: "Olivia Diaz"}
	for _, typ := range events {
		who, data := alex, any(nil)
		switch typ {
		case room.TypeConsented:
			who, data = olivia, room.ConsentData{PersonalData: true, RecordingNotice: true} // no AI analysis
		case room.TypeNoteSaved:
			data = room.NoteData{Text: "Calm and precise."}
		}
		if _, _, err := rooms.Append(id, who, typ, data); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
	}
}

// TestConsoleLinkPrintsTheRunningHostsSignIn: a browser that lost its sign-in
// gets a new link from the command line, and that link signs it in.
func TestConsoleLinkPrintsTheRunningHostsSignIn(t *testing.T) {
	dir := t.TempDir()
	if r := run(t, "console", "link", "--data", dir); r.code != 1 || r.stdout != "" ||
		!strings.Contains(r.stderr, "no InterviewDesk host runs on "+dir) || !strings.Contains(r.stderr, "interviewdesk serve") {
		t.Errorf("without a host: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	h, err := host.Open(host.Config{DataDir: dir, Listen: "127.0.0.1:0"}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })

	r := run(t, "console", "link", "--data", dir)
	link := strings.TrimSpace(r.stdout)
	if r.code != 0 || link != h.LoginURL() {
		t.Fatalf("console link: exit %d printed %q (stderr %q), want %q", r.code, r.stdout, r.stderr, h.LoginURL())
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noRedirect.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) != 1 {
		t.Errorf("opening the printed link = %d with cookies %v, want a sign-in", resp.StatusCode, resp.Cookies())
	}
	var out struct{ Link string }
	if r := run(t, "console", "link", "--data", dir, "--json"); r.code != 0 || json.Unmarshal([]byte(r.stdout), &out) != nil || out.Link != link {
		t.Errorf("console link --json: exit %d %q", r.code, r.stdout)
	}
}

// TestConsoleLinkRefusesAStaleAnnouncement: a host that died without cleaning
// up (e.g. killed) left host.json behind; its link would lead nowhere.
func TestConsoleLinkRefusesAStaleAnnouncement(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gone := "http://" + ln.Addr().String()
	ln.Close()
	if err := os.WriteFile(filepath.Join(dir, host.AnnounceFile), []byte(`{"url":"`+gone+`","pid":1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "console", "link", "--data", dir); r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "the host announced at "+gone+" does not answer") {
		t.Errorf("stale host.json: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}
