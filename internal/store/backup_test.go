package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// A snapshot taken while another goroutine commits pairs of keys holds whole
// transactions only, passes every check Open makes, and opens.
func TestSnapshotWhileWritingIsConsistent(t *testing.T) {
	db, _ := openTemp(t)
	const pairs = 300
	var wg sync.WaitGroup
	wg.Add(1)
	written := make(chan int, pairs)
	go func() {
		defer wg.Done()
		for i := range pairs {
			err := db.Update(func(tx *Tx) error {
				b := BucketOf(tx, BucketInterviews)
				if err := b.Put([]byte(fmt.Sprintf("a%04d", i)), []byte("x")); err != nil {
					return err
				}
				return b.Put([]byte(fmt.Sprintf("b%04d", i)), []byte("y"))
			})
			if err != nil {
				t.Error(err)
				return
			}
			written <- i
		}
	}()
	<-written // at least one pair is in
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	f, err := os.Create(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Snapshot(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()

	if v, err := Check(copyPath); err != nil || v != SchemaVersion() {
		t.Fatalf("Check(copy) = %d, %v; want schema %d, no error", v, err, SchemaVersion())
	}
	copyDB, err := Open(copyPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var a, b int
	_ = copyDB.View(func(tx *Tx) error {
		return BucketOf(tx, BucketInterviews).ForEach(func(k, _ []byte) error {
			if k[0] == 'a' {
				a++
			} else {
				b++
			}
			if other := append([]byte{'a' + 'b' - k[0]}, k[1:]...); BucketOf(tx, BucketInterviews).Get(other) == nil {
				t.Errorf("%s is in the copy without %s: a transaction was cut in half", k, other)
			}
			return nil
		})
	})
	if a == 0 || a != b {
		t.Errorf("copy holds %d a-keys and %d b-keys; want the same, at least one", a, b)
	}
}

func TestCheckRefusesDamagedAndForeignFiles(t *testing.T) {
	good := filledDB(t)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.db")
	if err := os.WriteFile(cut, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database at all\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{cut, empty, text} {
		if _, err := Check(path); !errors.Is(err, ErrDamaged) {
			t.Errorf("Check(%s) = %v, want ErrDamaged", filepath.Base(path), err)
		}
	}
	if _, err := Check(good); err != nil {
		t.Errorf("Check(good file) = %v", err)
	}
}

func TestLockConflictsWithAnOpenDB(t *testing.T) {
	db, path := openTemp(t)
	if _, err := Lock(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("Lock of an open data file = %v, want ErrLocked", err)
	}
	_ = db.Close()
	unlock, err := Lock(path)
	if err != nil {
		t.Fatalf("Lock of a closed data file: %v", err)
	}
	if _, err := Open(path, Options{Timeout: 100e6}); !errors.Is(err, ErrLocked) {
		t.Errorf("Open while locked = %v, want ErrLocked", err)
	}
	unlock()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after unlock: %v", err)
	}
	_ = db.Close()
}
