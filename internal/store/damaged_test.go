package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A damaged data file is refused at Open with a message that names the file,
// says what is wrong and what to do, and the file is left exactly as it was.

// filledDB makes a real data file with a few hundred interviews' worth of
// values, so that it spans many pages, and returns its path.
func filledDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "interviewdesk.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *Tx) error {
		for i := range 400 {
			v := []byte(fmt.Sprintf(`{"id":"iv%04d","position":"%s"}`, i, strings.Repeat("engineer ", 20)))
			if err := BucketOf(tx, BucketInterviews).Put([]byte(fmt.Sprintf("iv%04d", i)), v); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// firstLeafPage is the index of the first leaf page after the meta pages.
func firstLeafPage(t *testing.T, data []byte) int {
	t.Helper()
	const pageSize, leafFlag = 4096, 0x02
	for i := 2; (i+1)*pageSize <= len(data); i++ {
		p := data[i*pageSize:]
		if binary.LittleEndian.Uint64(p[0:8]) == uint64(i) && binary.LittleEndian.Uint16(p[8:10]) == leafFlag {
			return i
		}
	}
	t.Fatal("no leaf page found")
	return 0
}

// garble overwrites the first leaf page of the file at path with random
// bytes, from byte from of the page on.
func garble(t *testing.T, path string, from int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := firstLeafPage(t, data)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := page*4096 + from; i < (page+1)*4096; i++ {
		data[i] = byte(rng.UintN(256))
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesDamagedFiles(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
		says   string
	}{
		{"truncated", func(t *testing.T, path string) {
			info, _ := os.Stat(path)
			if err := os.Truncate(path, info.Size()/2); err != nil {
				t.Fatal(err)
			}
		}, "shorter than"},
		{"zero length", func(t *testing.T, path string) {
			if err := os.Truncate(path, 0); err != nil {
				t.Fatal(err)
			}
		}, "empty"},
		{"corrupted page", func(t *testing.T, path string) { garble(t, path, 0) }, "damaged"},
		{"corrupted page, its header intact", func(t *testing.T, path string) { garble(t, path, 16) }, "damaged"},
		{"both headers overwritten", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt(bytes.Repeat([]byte{0xAB}, 2*4096), 0); err != nil {
				t.Fatal(err)
			}
		}, "not an InterviewDesk data file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filledDB(t)
			tt.damage(t, path)
			before := fileSum(t, path)
			db, err := Open(path, Options{})
			if err == nil {
				_ = db.Close()
				t.Fatal("Open of a damaged file succeeded")
			}
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("err = %v, want ErrDamaged", err)
			}
			msg := err.Error()
			for _, want := range []string{path, tt.says, "backup"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not say %q", msg, want)
				}
			}
			if fileSum(t, path) != before {
				t.Error("Open changed the damaged file")
			}
		})
	}
}

// A file that is missing is a new install; one that is there is never
// started afresh.
func TestOpenCreatesOnlyMissingFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "interviewdesk.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("new file: %v", err)
	}
	_ = db.Close()
	if db, err = Open(path, Options{}); err != nil {
		t.Fatalf("reopen a healthy file: %v", err)
	}
	_ = db.Close()
}
