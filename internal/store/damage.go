package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// A damaged data file must never crash the program (bbolt maps the file into
// memory: reading past the end of a cut-off file is a SIGBUS), never be taken
// for a new install, and never be written to. Open checks an existing file
// in three steps before it opens it for writing:
//
//  1. without bbolt: the file is not empty, one of its two header (meta)
//     pages is valid (magic, version, checksum), and the file is as long as
//     that header says its pages reach;
//  2. opened read-only: every bucket and value can be read (with memory
//     faults turned into errors), for files up to deepCheckLimit;
//  3. bbolt's own consistency check (Tx.Check) on the same read-only view.
//
// Any failure is ErrDamaged with the path, what is wrong and what to do.

// deepCheckLimit is the largest file Open reads in full (steps 2 and 3):
// about a second of reading on a slow disk. Larger files get step 1 only.
const deepCheckLimit = 256 << 20

// bbolt's on-disk header: a 16-byte page header, then the meta fields.
const (
	pageHeaderSize  = 16
	metaMagic       = 0xED0CDAED
	metaVersion     = 2
	metaChecksumOff = 56 // the checksum covers the meta fields before it
	metaSize        = 64
)

// meta is what step 1 reads of a header page.
type meta struct {
	pageSize uint32
	pages    uint64 // the high water mark: pages in use
	txid     uint64
}

// damaged is the ErrDamaged Problem for path, saying what is wrong.
func damaged(path, what string, cause error) error {
	return fault.Explain(fault.Unavailable, errors.Join(ErrDamaged, cause), fmt.Sprintf(
		"The data file %s is damaged: %s. InterviewDesk has not changed it. Restore the file from a backup "+
			"(stop InterviewDesk and run “interviewdesk restore BACKUP-FILE”), or move it aside to start with an empty data folder.",
		path, what))
}

// checkFile is step 1. It reports whether the file exists and its size.
func checkFile(path string) (exists bool, size int64, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, 0, nil
	}
	if err != nil {
		return false, 0, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return true, 0, fmt.Errorf("open %s: %w", path, err)
	}
	size = info.Size()
	if size == 0 {
		return true, 0, damaged(path, "it is empty (0 bytes), but InterviewDesk never leaves it empty", nil)
	}
	m, ok := newestMeta(f)
	if !ok {
		return true, size, damaged(path, "neither of its two header pages is valid, so it is not an InterviewDesk data file or its start was overwritten", nil)
	}
	if need := int64(m.pages) * int64(m.pageSize); size < need { //nolint:gosec // bounded by the checks in newestMeta
		return true, size, damaged(path, fmt.Sprintf("it is shorter than its contents need (%d of %d bytes): it was cut off, e.g. by a full disk or an interrupted copy", size, need), nil)
	}
	return true, size, nil
}

// newestMeta reads both header pages and returns the valid one with the
// higher transaction ID, as bbolt does.
func newestMeta(r io.ReaderAt) (meta, bool) {
	first, ok0 := readMeta(r, 0)
	size := int64(4096)
	if ok0 {
		size = int64(first.pageSize)
	}
	second, ok1 := readMeta(r, size)
	switch {
	case ok0 && ok1 && second.txid > first.txid:
		return second, true
	case ok0:
		return first, true
	default:
		return second, ok1
	}
}

// readMeta reads the header page at offset off.
func readMeta(r io.ReaderAt, off int64) (meta, bool) {
	var b [pageHeaderSize + metaSize]byte
	if _, err := r.ReadAt(b[:], off); err != nil {
		return meta{}, false
	}
	m := b[pageHeaderSize:]
	le := binary.LittleEndian
	h := fnv.New64a()
	_, _ = h.Write(m[:metaChecksumOff])
	if le.Uint32(m[0:]) != metaMagic || le.Uint32(m[4:]) != metaVersion || le.Uint64(m[metaChecksumOff:]) != h.Sum64() {
		return meta{}, false
	}
	out := meta{pageSize: le.Uint32(m[8:]), pages: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	if out.pageSize < 1024 || out.pageSize > 1<<24 || out.pages < 2 || out.pages > 1<<40 {
		return meta{}, false
	}
	return out, true
}

// checkContents is steps 2 and 3, on the file opened read-only.
func checkContents(path string, timeout time.Duration) error {
	db, err := guarded(path, func() (*bolt.DB, error) {
		return bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout, PreLoadFreelist: true})
	})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		if _, err := guarded(path, func() (struct{}, error) { return struct{}{}, readAll(tx) }); err != nil {
			return err
		}
		for err := range tx.Check() {
			return damaged(path, fmt.Sprintf("its consistency check failed (%v)", err), err)
		}
		return nil
	})
}

// readAll reads every key and value of every bucket in tx.
func readAll(tx *bolt.Tx) error {
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				if child := b.Bucket(k); child != nil {
					return walk(child)
				}
			}
			return nil
		})
	}
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
}

// guarded runs fn, which reads the mapped file, turning a panic or a memory
// fault (a page past the end of the file) into ErrDamaged.
func guarded[T any](path string, fn func() (T, error)) (out T, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, fmt.Sprintf("reading it failed (%v)", r), fmt.Errorf("%v", r))
		}
	}()
	return fn()
}
