package store

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db, path
}

func TestOpenCreatesFileWithPrivateModeAndLatestSchema(t *testing.T) {
	db, path := openTemp(t)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode = %o, want 600", got)
	}
	var v uint64
	_ = db.View(func(tx *Tx) error { v = Version(tx); return nil })
	if v != SchemaVersion() {
		t.Errorf("schema version = %d, want %d", v, SchemaVersion())
	}
}

func TestOpenFailsFastWhenLocked(t *testing.T) {
	_, path := openTemp(t)
	start := time.Now()
	_, err := Open(path, Options{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open error = %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("second Open waited %v; it must give up after its timeout", waited)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	db, path := openTemp(t)
	if err := db.Update(func(tx *Tx) error {
		return BucketOf(tx, BucketMeta).Put(KeySchemaVersion, Itob(SchemaVersion()+1))
	}); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()
	if _, err := Open(path, Options{}); !errors.Is(err, ErrTooNew) {
		t.Fatalf("Open error = %v, want ErrTooNew", err)
	}
}

// openAtVersion builds a database at an old schema version by applying only the
// migrations up to it, the way an older release left the file.
// seed then writes the old release's data into it.
func openAtVersion(t *testing.T, version uint64, seed func(tx *Tx) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	db := &DB{bolt: b, path: path}
	if version > 0 {
		if err := db.migrate(migrations[:version]); err != nil {
			t.Fatalf("build v%d database: %v", version, err)
		}
	}
	if seed != nil {
		if err := b.Update(seed); err != nil {
			t.Fatalf("seed v%d database: %v", version, err)
		}
	}
	return path
}

func TestMigrations(t *testing.T) {
	tests := []struct {
		from  uint64
		seed  func(tx *Tx) error
		check func(t *testing.T, tx *Tx)
	}{
		{from: 0, check: func(t *testing.T, tx *Tx) {
			for _, b := range [][]byte{BucketMeta, BucketTemplates, BucketInterviews, BucketInterviewsByStart, BucketLinks} {
				if BucketOf(tx, b) == nil {
					t.Errorf("bucket %s missing after migration 1", b)
				}
			}
		}},
		{from: 1,
			seed: func(tx *Tx) error {
				return BucketOf(tx, BucketTemplates).Put([]byte("t1"), []byte(`{"name":"kept"}`))
			},
			check: func(t *testing.T, tx *Tx) {
				if BucketOf(tx, BucketOutbox) == nil {
					t.Error("outbox bucket missing after migration 2")
				}
				if got := string(BucketOf(tx, BucketTemplates).Get([]byte("t1"))); got != `{"name":"kept"}` {
					t.Errorf("template from v1 = %q, want it unchanged", got)
				}
			}},
	}
	tests = append(tests, struct {
		from  uint64
		seed  func(tx *Tx) error
		check func(t *testing.T, tx *Tx)
	}{from: 2,
		seed: func(tx *Tx) error {
			return BucketOf(tx, BucketOutbox).Put(Itob(1), []byte(`{"to":"kept@example.com"}`))
		},
		check: func(t *testing.T, tx *Tx) {
			if BucketOf(tx, BucketEvents) == nil {
				t.Error("events bucket missing after migration 3")
			}
			if BucketOf(tx, BucketOutbox).Get(Itob(1)) == nil {
				t.Error("queued mail from v2 lost in migration 3")
			}
		}})
	tests = append(tests, struct {
		from  uint64
		seed  func(tx *Tx) error
		check func(t *testing.T, tx *Tx)
	}{from: 3,
		seed: func(tx *Tx) error {
			iv := `{"id":"iv1","position":"Go","interviewers":[{"name":"Rita","email":"rita@example.com","token":"T1"},` +
				`{"name":"Ivan","email":"Ivan@example.com","token":"T2"}]}`
			if err := BucketOf(tx, BucketInterviews).Put([]byte("iv1"), []byte(iv)); err != nil {
				return err
			}
			for token, l := range map[string]string{
				"C":  `{"interviewId":"iv1","role":"candidate"}`,
				"T1": `{"interviewId":"iv1","role":"interviewer","email":"rita@example.com"}`,
				"T2": `{"interviewId":"iv1","role":"interviewer","email":"ivan@example.com"}`,
			} {
				if err := BucketOf(tx, BucketLinks).Put([]byte(token), []byte(l)); err != nil {
					return err
				}
			}
			return nil
		},
		check: func(t *testing.T, tx *Tx) {
			// The IDs calls used before they were stored: sha256(email NUL name)[:4].
			rita, ivan := "interviewer-"+legacyID("rita@example.com", "Rita"), "interviewer-"+legacyID("Ivan@example.com", "Ivan")
			var iv struct {
				Position     string
				Interviewers []struct{ Name, Token, Participant string }
			}
			if err := json.Unmarshal(BucketOf(tx, BucketInterviews).Get([]byte("iv1")), &iv); err != nil {
				t.Fatal(err)
			}
			if iv.Position != "Go" || len(iv.Interviewers) != 2 || iv.Interviewers[1].Token != "T2" {
				t.Fatalf("interview changed beyond participant IDs: %+v", iv)
			}
			if iv.Interviewers[0].Participant != rita || iv.Interviewers[1].Participant != ivan {
				t.Errorf("participants = %+v, want %s and %s", iv.Interviewers, rita, ivan)
			}
			for token, want := range map[string]string{"C": "candidate", "T1": rita, "T2": ivan} {
				var l struct{ Role, Participant string }
				if err := json.Unmarshal(BucketOf(tx, BucketLinks).Get([]byte(token)), &l); err != nil {
					t.Fatal(err)
				}
				if l.Participant != want {
					t.Errorf("link %s participant = %q, want %q", token, l.Participant, want)
				}
			}
		}})
	tests = append(tests, struct {
		from  uint64
		seed  func(tx *Tx) error
		check func(t *testing.T, tx *Tx)
	}{from: 9,
		seed: func(tx *Tx) error {
			iv := `{"id":"iv1","interviewers":[{"name":"Rita","email":"rita@example.com"},{"name":"Ivan","email":" Ivan@Example.com"}]}`
			if err := BucketOf(tx, BucketInterviews).Put([]byte("iv1"), []byte(iv)); err != nil {
				return err
			}
			return BucketOf(tx, BucketInterviewsByStart).Put([]byte("2026-12-01T09:00:00Z|iv1"), []byte(`{"id":"iv1","position":"Go"}`))
		},
		check: func(t *testing.T, tx *Tx) {
			var entry struct {
				ID, Position      string
				InterviewerEmails []string
			}
			if err := json.Unmarshal(BucketOf(tx, BucketInterviewsByStart).Get([]byte("2026-12-01T09:00:00Z|iv1")), &entry); err != nil {
				t.Fatal(err)
			}
			if entry.Position != "Go" || fmt.Sprint(entry.InterviewerEmails) != "[rita@example.com ivan@example.com]" {
				t.Errorf("index entry after migration 10 = %+v, want the position kept and both emails in lower case", entry)
			}
		}})
	for _, tc := range tests {
		t.Run(fmt.Sprintf("from v%d", tc.from), func(t *testing.T) {
			path := openAtVersion(t, tc.from, tc.seed)
			db, err := Open(path, Options{Timeout: 2 * time.Second})
			if err != nil {
				t.Fatalf("Open old database: %v", err)
			}
			defer db.Close()
			_ = db.View(func(tx *Tx) error {
				if v := Version(tx); v != SchemaVersion() {
					t.Errorf("version after migrating = %d, want %d", v, SchemaVersion())
				}
				tc.check(t, tx)
				return nil
			})
		})
	}
}

func TestTimeKeySortsChronologically(t *testing.T) {
	a := time.Date(2026, 3, 1, 9, 0, 0, 999, time.FixedZone("x", 5*3600))
	b := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	if !(TimeKey(a) < TimeKey(b)) {
		t.Errorf("TimeKey(%v)=%s should sort before TimeKey(%v)=%s", a, TimeKey(a), b, TimeKey(b))
	}
}

// TestCrashLosesNothingAcknowledged kills a writer with SIGKILL in the middle of a
// write loop and checks that every write it acknowledged is in the file.
func TestCrashLosesNothingAcknowledged(t *testing.T) {
	if os.Getenv("STORE_CRASH_WRITER") != "" {
		return // running as the child; see TestMain
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "STORE_CRASH_WRITER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		n, err := strconv.Atoi(sc.Text())
		if err != nil {
			t.Fatalf("child said %q", sc.Text())
		}
		acked = n
		if acked >= 300 {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if acked < 300 {
		t.Fatalf("child acknowledged only %d writes before stopping", acked)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	_ = db.View(func(tx *Tx) error {
		for i := 1; i <= acked; i++ {
			if BucketOf(tx, BucketTemplates).Get(Itob(uint64(i))) == nil {
				t.Errorf("acknowledged write %d lost after SIGKILL", i)
			}
		}
		return nil
	})
}

func TestMain(m *testing.M) {
	if path := os.Getenv("STORE_CRASH_WRITER"); path != "" {
		os.Exit(crashWriter(path))
	}
	testmain.Run(m, time.Minute)
}

// crashWriter writes forever, printing each index once its transaction committed.
func crashWriter(path string) int {
	db, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for i := uint64(1); ; i++ {
		err := db.Update(func(tx *Tx) error {
			return BucketOf(tx, BucketTemplates).Put(Itob(i), []byte("payload"))
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println(i)
	}
}

func legacyID(email, name string) string {
	sum := sha256.Sum256([]byte(email + "\x00" + name))
	return hex.EncodeToString(sum[:4])
}

// TestBatchCommitsEachCallAndKeepsFailuresApart runs concurrent Batch calls,
// some failing, and checks that every successful one is in the file and that
// each failure reached only its own caller.
func TestBatchCommitsEachCallAndKeepsFailuresApart(t *testing.T) {
	db, _ := openTemp(t)
	errOdd := errors.New("odd key refused")
	const calls = 40
	errs := make([]error, calls)
	var wg sync.WaitGroup
	for i := range calls {
		wg.Go(func() {
			errs[i] = db.Batch(func(tx *Tx) error {
				if err := BucketOf(tx, BucketTemplates).Put(Itob(uint64(i)), []byte("v")); err != nil {
					return err
				}
				if i%2 == 1 {
					return errOdd
				}
				return nil
			})
		})
	}
	wg.Wait()
	_ = db.View(func(tx *Tx) error {
		for i, err := range errs {
			stored := BucketOf(tx, BucketTemplates).Get(Itob(uint64(i))) != nil
			if want := i%2 == 1; errors.Is(err, errOdd) != want || stored == want {
				t.Errorf("call %d: error %v, stored %v; want error %v", i, err, stored, want)
			}
		}
		return nil
	})
}
