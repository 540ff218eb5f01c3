package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var clock = func() time.Time { return time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC) }

type folder struct {
	dir string
	db  *store.DB
}

func (f folder) storePath() string { return filepath.Join(f.dir, "interviewdesk.db") }
func (f folder) media() []Folder {
	return []Folder{{Name: "recordings", Path: filepath.Join(f.dir, "recordings")}, {Name: "analysis", Path: filepath.Join(f.dir, "analysis")}}
}
func (f folder) target() Target {
	return Target{StorePath: f.storePath(), Media: f.media(), Now: clock}
}

func newFolder(t *testing.T) folder {
	t.Helper()
	f := folder{dir: t.TempDir()}
	db, err := store.Open(f.storePath(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.db = db
	t.Cleanup(func() { _ = db.Close() })
	return f
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// A backup made while writers commit holds whole transactions only, and
// restores into a data folder that opens with all of them.
func TestBackupWhileWritingIsConsistentAndRestores(t *testing.T) {
	src := newFolder(t)
	writeFile(t, filepath.Join(src.dir, "recordings", "iv1", "candidate-camera-1.webm"), "track")
	writeFile(t, filepath.Join(src.dir, "recordings", "iv1", "live-camera-2.webm"), "being written")
	writeFile(t, filepath.Join(src.dir, "recordings", "iv1", "live-camera-2.webm.part"), "")
	writeFile(t, filepath.Join(src.dir, "analysis", "iv1", "interview.webm"), "combined")

	var stop atomic.Bool
	var wg sync.WaitGroup
	going := make(chan struct{})
	var once sync.Once
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer once.Do(func() { close(going) })
		for i := 0; !stop.Load(); i++ {
			err := src.db.Update(func(tx *store.Tx) error {
				b := store.BucketOf(tx, store.BucketInterviews)
				if err := b.Put([]byte(fmt.Sprintf("a%06d", i)), bytes.Repeat([]byte("x"), 500)); err != nil {
					return err
				}
				return b.Put([]byte(fmt.Sprintf("b%06d", i)), bytes.Repeat([]byte("y"), 500))
			})
			if err != nil {
				t.Error(err)
				return
			}
			if i == 20 {
				once.Do(func() { close(going) })
			}
		}
	}()
	<-going
	log := audit.New(src.db, clock)
	svc := NewService(Source{DB: src.db, Media: src.media(), Version: "test", Now: clock}, log)
	var archive bytes.Buffer
	m, err := svc.Write(audit.With(context.Background(), audit.By(audit.ViaCLI)), &archive, true)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != Format || !m.WithMedia || len(m.Media) != 2 || m.Database.SHA256 == "" {
		t.Fatalf("manifest = %+v, want the data file and the two finished recordings", m)
	}
	if last, ok, err := svc.Last(); err != nil || !ok || last.Bytes != m.Database.Bytes || last.Actor != audit.By(audit.ViaCLI) || last.MediaFiles != 2 {
		t.Errorf("last backup = %+v, %v, %v", last, ok, err)
	}
	if page, _ := log.List(audit.Query{Kind: audit.Backup}); len(page.Entries) != 1 {
		t.Errorf("backup audit entries = %+v", page.Entries)
	}

	file := filepath.Join(t.TempDir(), "backup.zip")
	if err := os.WriteFile(file, archive.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := folder{dir: t.TempDir()}
	writeFile(t, filepath.Join(dst.dir, "recordings", "old", "x.webm"), "the folder's own")
	writeFile(t, dst.storePath(), "the data file before")
	r, err := Restore(audit.With(context.Background(), audit.By(audit.ViaCLI)), file, dst.target())
	if err != nil {
		t.Fatal(err)
	}
	if r.MediaFiles != 2 || r.KeptAside["interviewdesk.db"] == "" || r.KeptAside["recordings"] == "" {
		t.Errorf("restored = %+v", r)
	}
	if b, _ := os.ReadFile(r.KeptAside["interviewdesk.db"]); string(b) != "the data file before" {
		t.Errorf("the data file kept aside holds %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dst.dir, "recordings", "iv1", "candidate-camera-1.webm")); string(b) != "track" {
		t.Errorf("restored track = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dst.dir, "recordings", "iv1", "live-camera-2.webm")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a recording being written was backed up: %v", err)
	}
	db, err := store.Open(dst.storePath(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var a, b int
	_ = db.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketInterviews).ForEach(func(k, _ []byte) error {
			if k[0] == 'a' {
				a++
			} else {
				b++
			}
			return nil
		})
	})
	if a == 0 || a != b {
		t.Errorf("restored %d a-keys and %d b-keys, want as many of each", a, b)
	}
	page, _ := audit.New(db, clock).List(audit.Query{})
	if len(page.Entries) == 0 || page.Entries[0].Kind != audit.Restore || page.Entries[0].Actor != audit.By(audit.ViaCLI) {
		t.Errorf("the restored data file's audit log = %+v, want the restore on top", page.Entries)
	}
}

// A damaged backup, a ZIP that is not a backup and a backup whose data file
// does not match its manifest are refused, and the data folder is left as
// it was; so is a data folder a host has open.
func TestRestoreRefusesDamagedBackupsAndABusyFolder(t *testing.T) {
	src := newFolder(t)
	var good bytes.Buffer
	if _, err := Write(context.Background(), &good, Source{DB: src.db, Now: clock}, false); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cases := map[string][]byte{}
	dbCopy := filepath.Join(t.TempDir(), "copy.db")
	f, _ := os.Create(dbCopy)
	if _, err := src.db.Snapshot(f); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	plain, _ := os.ReadFile(dbCopy)
	cases["cut.db"] = plain[:len(plain)/3]
	cases["notes.txt"] = []byte("hello")
	cases["other.zip"] = zipOf(t, map[string]string{"readme.txt": "not a backup"})
	cases["tampered.zip"] = zipOf(t, map[string]string{"manifest.json": manifestOf(good.Bytes(), t), "interviewdesk.db": string(plain[:len(plain)-4096]) + strings.Repeat("\x00", 4096)})

	dst := folder{dir: t.TempDir()}
	writeFile(t, dst.storePath(), "current")
	for name, content := range cases {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, content, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Restore(context.Background(), file, dst.target())
		if !errors.Is(err, store.ErrDamaged) && !errors.Is(err, ErrNotABackup) {
			t.Errorf("restore %s = %v, want ErrDamaged or ErrNotABackup", name, err)
		}
		if b, _ := os.ReadFile(dst.storePath()); string(b) != "current" {
			t.Fatalf("a refused restore (%s) changed the data file", name)
		}
	}
	if entries, _ := os.ReadDir(dst.dir); len(entries) != 1 {
		t.Errorf("refused restores left %d entries in the data folder, want only the data file", len(entries))
	}

	// A plain data file restores; a folder in use does not.
	if _, err := Restore(context.Background(), dbCopy, dst.target()); err != nil {
		t.Fatalf("restore a plain data file: %v", err)
	}
	file := filepath.Join(dir, "good.zip")
	_ = os.WriteFile(file, good.Bytes(), 0o600)
	if _, err := Restore(context.Background(), file, src.target()); !errors.Is(err, ErrInUse) {
		t.Errorf("restore into an open data folder = %v, want ErrInUse", err)
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, content := range files {
		w, _ := z.Create(name)
		_, _ = w.Write([]byte(content))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func manifestOf(archive []byte, t *testing.T) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := readEntry(z, manifestName)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// failingWriter takes n bytes, then fails.
type failingWriter struct{ n int }

func (f *failingWriter) Write(b []byte) (int, error) {
	if len(b) > f.n {
		return 0, errors.New("the disk is full")
	}
	f.n -= len(b)
	return len(b), nil
}

// A backup cut off part-way is not the last backup, and the audit log says
// it was cut off (what went out has left the install).
func TestACutOffBackupIsLoggedAndNotTheLast(t *testing.T) {
	src := newFolder(t)
	log := audit.New(src.db, clock)
	svc := NewService(Source{DB: src.db, Now: clock}, log)
	if _, err := svc.Write(context.Background(), &failingWriter{n: 100}, false); err == nil {
		t.Fatal("a backup to a failing writer succeeded")
	}
	if _, ok, _ := svc.Last(); ok {
		t.Error("a cut-off backup became the last backup")
	}
	page, _ := log.List(audit.Query{Kind: audit.Backup})
	if len(page.Entries) != 1 || !strings.Contains(page.Entries[0].Text, "cut off part-way: ") || !strings.Contains(page.Entries[0].Text, "the disk is full") {
		t.Errorf("audit = %+v", page.Entries)
	}
}
