package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Tx is a bbolt transaction; Update's is writable, View's read-only.
type Tx = bolt.Tx

// Bucket is a bucket of a transaction.
type Bucket = bolt.Bucket

// DB is the open data file.
type DB struct {
	bolt *bolt.DB
	path string
}

// Options tune Open.
type Options struct {
	// Timeout bounds the wait for the file lock. Default: 1 s.
	Timeout time.Duration
	// BatchDelay is how long a Batch waits for other goroutines' calls to
	// share its commit. Default: 1 ms (bbolt's own default, 10 ms, is long
	// next to one fsync on an SSD).
	BatchDelay time.Duration
	// Version stops the migrations at this schema version; 0 applies them
	// all. Tests of a migration use it to write a file as an older release
	// did, with the services of that release.
	Version uint64
}

// Open opens (creating if needed) the data file at path with mode 0600 and brings
// its schema up to date. Only a missing file is created: an existing one that
// is empty, cut off or damaged is refused with ErrDamaged, unchanged (see
// damage.go).
func Open(path string, opts Options) (*DB, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.BatchDelay <= 0 {
		opts.BatchDelay = time.Millisecond
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create data folder for %s: %w", path, err)
	}
	exists, size, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	if exists && size <= deepCheckLimit {
		if err := checkContents(path, opts.Timeout); err != nil {
			return nil, openError(path, err)
		}
	}
	b, err := guarded(path, func() (*bolt.DB, error) { return bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout}) })
	if err != nil {
		return nil, openError(path, err)
	}
	b.MaxBatchDelay = opts.BatchDelay
	db := &DB{bolt: b, path: path}
	steps := migrations
	if opts.Version > 0 && opts.Version < SchemaVersion() {
		steps = migrations[:opts.Version]
	}
	if err := db.migrate(steps); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// openError says why bbolt could not open the file at path: another process
// holds it, or the file is not what it should be.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, ErrDamaged):
		return err
	case errors.Is(err, bolt.ErrTimeout):
		return fmt.Errorf("open %s: %w", path, ErrLocked)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return damaged(path, fmt.Sprintf("bbolt cannot read it (%v)", err), err)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

// Path is the data file's location.
func (db *DB) Path() string { return db.path }

// Close releases the file and its lock.
func (db *DB) Close() error { return db.bolt.Close() }

// View runs fn in a read-only transaction.
func (db *DB) View(fn func(tx *Tx) error) error { return db.bolt.View(fn) }

// Update runs fn in one read-write transaction, committed (and fsynced) when fn
// returns nil and rolled back otherwise.
func (db *DB) Update(fn func(tx *Tx) error) error { return db.bolt.Update(fn) }

// Batch runs fn in a read-write transaction that it may share with Batch calls
// made by other goroutines at about the same time (bbolt's DB.Batch): they are
// committed together, with one fsync, and each returns once that commit is
// durable. A burst of small writes from many goroutines costs a few commits
// instead of one each; a lone call waits up to Options.BatchDelay longer than
// Update would.
//
// fn may run more than once: when another call in the shared transaction
// fails, the transaction is rolled back and the rest are run again, and the
// failing call is run alone. So fn must be idempotent and keep its results
// out of captured state until Batch returns; an error fn returns is returned
// to its caller only.
func (db *DB) Batch(fn func(tx *Tx) error) error { return db.bolt.Batch(fn) }

// GetJSON decodes the value at bucket/key into v, or returns ErrNotFound.
func GetJSON(tx *Tx, bucket, key []byte, v any) error {
	raw := BucketOf(tx, bucket).Get(key)
	if raw == nil {
		return fmt.Errorf("%s/%s: %w", bucket, key, ErrNotFound)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("decode %s/%s: %w", bucket, key, err)
	}
	return nil
}

// PutJSON encodes v as the value at bucket/key.
func PutJSON(tx *Tx, bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s/%s: %w", bucket, key, err)
	}
	if err := BucketOf(tx, bucket).Put(key, raw); err != nil {
		return fmt.Errorf("put %s/%s: %w", bucket, key, err)
	}
	return nil
}

// DeleteWhere deletes the keys of bucket b whose key and value match, and
// returns how many it deleted (bbolt forbids deleting while iterating).
func DeleteWhere(b *Bucket, match func(k, v []byte) bool) (int, error) {
	var keys [][]byte
	err := b.ForEach(func(k, v []byte) error {
		if match(k, v) {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return 0, fmt.Errorf("delete %q: %w", k, err)
		}
	}
	return len(keys), nil
}

// Itob encodes n as an 8-byte big-endian key, so numeric keys sort numerically.
func Itob(n uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, n)
	return b
}

// Btoi decodes a key written by Itob.
func Btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// TimeKey formats t for a sortable key: RFC 3339 in UTC, whole seconds.
func TimeKey(t time.Time) string {
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}
