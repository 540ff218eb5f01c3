//go:build !unix

package store

import (
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Lock checks that no other process holds the data file at path, by opening
// it with bbolt for a moment (bbolt's lock on this system is not one this
// process can hold apart from an open DB). A file bbolt cannot open counts as
// not held. unlock does nothing.
func Lock(path string) (unlock func(), err error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return func() {}, nil
	}
	db, err := guarded(path, func() (*bolt.DB, error) {
		return bolt.Open(path, 0o600, &bolt.Options{Timeout: 200 * time.Millisecond})
	})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("lock %s: %w", path, ErrLocked)
	}
	if err == nil {
		_ = db.Close()
	}
	return func() {}, nil
}
