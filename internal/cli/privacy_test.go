package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// runWith runs a command with stdin as its input.
func runWith(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Now: time.Now}, args)
	return result{code, out.String(), errOut.String()}
}

// heldInterview is an interview of Olivia Diaz that took place, with a
// recorded track in the data folder.
func heldInterview(t *testing.T, dir string) string {
	t.Helper()
	r := run(t, createArgs(dir)...)
	var iv struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &iv); err != nil || iv.ID == "" {
		t.Fatalf("create: %s %s", r.stdout, r.stderr)
	}
	appendEvents(t, dir, iv.ID, room.TypeConsented, room.TypeStarted, room.TypeNoteSaved, room.TypeEnded)
	track := filepath.Join(dir, host.RecordingDir, iv.ID, "candidate-camera-1.webm")
	if err := os.MkdirAll(filepath.Dir(track), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(track, []byte("webm"), 0o600); err != nil {
		t.Fatal(err)
	}
	return iv.ID
}

func auditKinds(t *testing.T, dir string) map[string]string {
	t.Helper()
	r := run(t, "audit", "list", "--data", dir, "--json")
	var page audit.Page
	if err := json.Unmarshal([]byte(r.stdout), &page); err != nil {
		t.Fatalf("audit list: %v %s %s", err, r.stdout, r.stderr)
	}
	out := map[string]string{}
	for _, e := range page.Entries {
		out[string(e.Kind)] = e.Actor.Name
	}
	return out
}

func TestInterviewDeleteOfAHeldInterviewAsksThenDeletesForGood(t *testing.T) {
	dir := t.TempDir()
	id := heldInterview(t, dir)

	r := runWith(t, "no\n", "interview", "delete", id, "--data", dir)
	if r.code != 1 || !strings.Contains(r.stderr, "Delete the interview with Olivia Diaz <olivia@example.com>") ||
		!strings.Contains(r.stderr, "1 recording files") || !strings.Contains(r.stderr, "nothing was deleted") {
		t.Fatalf("delete answered no: exit %d\n%s", r.code, r.stderr)
	}
	if r := run(t, "interview", "show", id, "--data", dir); r.code != 0 {
		t.Fatalf("a refused deletion deleted: %s", r.stderr)
	}
	r = runWith(t, "yes\n", "interview", "delete", id, "--data", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "Deleted the interview with Olivia Diaz for good") {
		t.Fatalf("delete answered yes: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "interview", "show", id, "--data", dir); r.code != 1 {
		t.Errorf("the deleted interview still shows: %s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, host.RecordingDir, id)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("its recordings folder: %v", err)
	}
	if got := auditKinds(t, dir); got["deletion"] != "cli" {
		t.Errorf("audit = %v, want the deletion by the CLI", got)
	}
}

func TestCandidateExportAndErase(t *testing.T) {
	dir := t.TempDir()
	id := heldInterview(t, dir)
	out := filepath.Join(t.TempDir(), "olivia.zip")
	if r := run(t, "candidate", "export", "OLIVIA@example.com", "--out", out, "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "1 interviews, 1 recording files") {
		t.Fatalf("export: %d %s %s", r.code, r.stdout, r.stderr)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	_ = z.Close()
	for _, want := range []string{"candidate.json", "profile.json", "interviews/" + id + "/events.json", "interviews/" + id + "/consent.json",
		"interviews/" + id + "/recordings/candidate-camera-1.webm"} {
		if !names[want] {
			t.Errorf("the export lacks %s (it has %v)", want, names)
		}
	}
	if r := run(t, "candidate", "export", "nobody@example.com", "--out", filepath.Join(t.TempDir(), "x.zip"), "--data", dir); r.code != 1 {
		t.Errorf("export of nobody: %d", r.code)
	}

	if r := runWith(t, "", "candidate", "erase", "olivia@example.com", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "Erase everything about Olivia Diaz") {
		t.Fatalf("erase without an answer: %d %s", r.code, r.stderr)
	}
	if r := run(t, "candidate", "erase", "olivia@example.com", "--yes", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "Erased olivia@example.com") {
		t.Fatalf("erase --yes: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "candidate", "show", "olivia@example.com", "--data", dir); r.code != 1 {
		t.Errorf("her profile survived: %s", r.stdout)
	}
	if got := auditKinds(t, dir); got["export"] != "cli" || got["erasure"] != "cli" {
		t.Errorf("audit = %v", got)
	}
}

// A backup through a host that keeps committing interviews holds whole
// transactions, and restores; restore refuses while the host runs, and
// refuses a damaged backup without touching the data folder.
func TestBackupWhileTheHostServesAndRestore(t *testing.T) {
	dir := t.TempDir()
	h, err := host.Open(host.Config{DataDir: dir, Listen: "127.0.0.1:0", Media: host.Media{Disabled: true}}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	c := client.InProcess(h.Handler(), h.Key())
	tpl, err := c.Templates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var (
		stop  = make(chan struct{})
		going = make(chan struct{})
		once  sync.Once
		wg    sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer once.Do(func() { close(going) })
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			_, err := c.CreateInterview(context.Background(), interviews.NewInterview{TemplateID: tpl[0].ID, Position: "Backend engineer",
				CandidateName: "Olivia Diaz", CandidateEmail: "olivia@example.com", When: interviews.Now})
			if err != nil {
				t.Error(err)
				return
			}
			if i == 5 {
				once.Do(func() { close(going) })
			}
		}
	}()
	<-going
	file := filepath.Join(t.TempDir(), "backup.zip")
	r := run(t, "backup", "--out", file, "--data", dir)
	close(stop)
	wg.Wait()
	if r.code != 0 || !strings.Contains(r.stdout, "without the recordings") {
		t.Fatalf("backup while the host serves: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "restore", file, "--yes", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "InterviewDesk is running on") {
		t.Errorf("restore while the host runs: %d %s", r.code, r.stderr)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}

	// Restored into another data folder: every interview's record has its
	// index entry, as one transaction wrote them.
	other := t.TempDir()
	if r := runWith(t, "yes\n", "restore", file, "--data", other); r.code != 0 || !strings.Contains(r.stdout, "Restored") {
		t.Fatalf("restore: %d %s %s", r.code, r.stdout, r.stderr)
	}
	db, err := store.Open(filepath.Join(other, host.StoreFile), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var records, indexed int
	_ = db.View(func(tx *store.Tx) error {
		records = store.BucketOf(tx, store.BucketInterviews).Stats().KeyN
		indexed = store.BucketOf(tx, store.BucketInterviewsByStart).Stats().KeyN
		return nil
	})
	_ = db.Close()
	if records < 6 || records != indexed {
		t.Errorf("restored %d interviews and %d index entries; want at least 6, as many of each", records, indexed)
	}
	if got := auditKinds(t, other); got["restore"] != "cli" || got["backup"] != "" {
		t.Errorf("restored audit log = %v; want the restore on top (the backup itself came after its copy)", got)
	}
	if got := auditKinds(t, dir); got["backup"] != "cli" {
		t.Errorf("the host's audit log = %v, want the backup", got)
	}

	// A damaged backup is refused, and the data folder stays as it was.
	data, _ := os.ReadFile(file)
	bad := filepath.Join(t.TempDir(), "bad.zip")
	_ = os.WriteFile(bad, data[:len(data)/2], 0o600)
	before, _ := os.ReadFile(filepath.Join(other, host.StoreFile))
	if r := run(t, "restore", bad, "--yes", "--data", other); r.code != 1 {
		t.Errorf("restore of a damaged backup: %d %s", r.code, r.stdout)
	}
	if after, _ := os.ReadFile(filepath.Join(other, host.StoreFile)); !bytes.Equal(before, after) {
		t.Errorf("a refused restore changed the data file")
	}
}

func TestRetentionCommands(t *testing.T) {
	dir := t.TempDir()
	heldInterview(t, dir)
	if r := run(t, "retention", "show", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "Recordings:     90 days") ||
		!strings.Contains(r.stdout, "Nothing is due") {
		t.Errorf("retention show: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "retention", "set", "--recordings", "0", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "kept until deleted") {
		t.Errorf("retention set: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "retention", "set", "--interview-data", "99999", "--data", dir); r.code != 1 || !strings.Contains(r.stderr, "interviewDataDays") {
		t.Errorf("retention set out of range: %d %s", r.code, r.stderr)
	}
	if r := run(t, "retention", "apply", "--data", dir); r.code != 0 || !strings.Contains(r.stdout, "Deleted 0 items") {
		t.Errorf("retention apply: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if got := auditKinds(t, dir); got["retention"] != "cli" || got["settings"] != "cli" {
		t.Errorf("audit = %v", got)
	}
}
