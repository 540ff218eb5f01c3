package store

import (
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backups: a consistent copy of the data file while the program writes to
// it, and the checks a copy passes before it replaces the data file.

// Snapshot writes a copy of the whole data file to w as it is in one read
// transaction (bbolt's Tx.WriteTo): writers go on meanwhile and none of
// their changes is half in the copy. It returns the bytes written.
func (db *DB) Snapshot(w io.Writer) (int64, error) {
	var n int64
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("copy %s: %w", db.path, err)
	}
	return n, nil
}

// Check runs every check Open makes of an existing file on the file at path
// (a backup, say), whatever its size, without changing it, and returns the
// schema version it was written with. A damaged file gives ErrDamaged (its
// message names the file and what is wrong), a file of a newer release
// ErrTooNew.
func Check(path string) (uint64, error) {
	exists, _, err := checkFile(path)
	if err != nil {
		return 0, err
	}
	if !exists {
		return 0, fmt.Errorf("check %s: %w", path, ErrNotFound)
	}
	if err := checkContents(path, time.Second); err != nil {
		return 0, openError(path, err)
	}
	db, err := guarded(path, func() (*bolt.DB, error) {
		return bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	})
	if err != nil {
		return 0, openError(path, err)
	}
	defer db.Close()
	var version uint64
	if err := db.View(func(tx *bolt.Tx) error { version = Version(tx); return nil }); err != nil {
		return 0, fmt.Errorf("check %s: %w", path, err)
	}
	switch {
	case version == 0:
		return 0, damaged(path, "it has no schema version, so it is not an InterviewDesk data file", nil)
	case version > SchemaVersion():
		return version, fmt.Errorf("check %s: schema version %d, this build knows up to %d: %w", path, version, SchemaVersion(), ErrTooNew)
	}
	return version, nil
}
