// Package store is InterviewDesk's durable storage: one bbolt file in the data
// folder.
//
// # Basics
//
// Open returns a DB holding bbolt's exclusive file lock; a second process opening
// the same file fails fast with ErrLocked ("is another InterviewDesk running?")
// instead of hanging. Every change runs in one Update transaction, so a crash
// loses nothing that was acknowledged: bbolt fsyncs on commit. Batch lets many
// goroutines' small writes share one transaction and one fsync; each still
// returns only after the shared commit.
//
// buckets.go draws the whole bucket tree and holds every bucket and key name. Keys
// sort the way they are queried: time-ordered indexes use RFC 3339 UTC timestamps
// without fractional seconds, followed by the record ID.
//
// # Schema
//
// The meta bucket records the schema version. migrations.go lists ordered
// migrations; Open applies the missing ones in one transaction. A database written
// by a newer version is refused (ErrTooNew) rather than misread.
//
// # Damaged files
//
// Only a missing file is created. An existing file is checked before it is
// opened for writing (damage.go): empty, cut off (shorter than its header
// says), with no valid header, or with pages that cannot be read or fail
// bbolt's consistency check (files up to 256 MiB are read in full), it is
// refused with ErrDamaged, whose message names the file, what is wrong and
// what to do (restore a backup, or move the file aside), and it is left
// untouched. Reading a damaged page never crashes the process: memory faults
// while checking become errors.
//
// # Caveats
//
// Byte slices returned by bbolt are valid only inside their transaction; the
// helpers here copy or decode values before returning.
package store
