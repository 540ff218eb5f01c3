package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// A migration moves the schema from Version-1 to Version.
type migration struct {
	Version uint64
	Name    string
	Apply   func(tx *Tx) error
}

// migrations is the ordered schema history. Append only; never edit a released step.
var migrations = []migration{
	{1, "create meta, templates, interviews and their indexes", func(tx *Tx) error {
		return createBuckets(tx, BucketMeta, BucketTemplates, BucketInterviews,
			BucketInterviewsByStart, BucketLinks)
	}},
	{2, "create the outgoing mail outbox", func(tx *Tx) error {
		return createBuckets(tx, BucketOutbox)
	}},
	{3, "create the interview event logs", func(tx *Tx) error {
		return createBuckets(tx, BucketEvents)
	}},
}

// SchemaVersion is the version this build writes.
func SchemaVersion() uint64 { return migrations[len(migrations)-1].Version }

func createBuckets(tx *Tx, names ...[]byte) error {
	for _, n := range names {
		if _, err := tx.CreateBucketIfNotExists(n); err != nil {
			return fmt.Errorf("create bucket %s: %w", n, err)
		}
	}
	return nil
}

// Version reads the schema version recorded in tx (0 for a new file).
func Version(tx *Tx) uint64 {
	meta := tx.Bucket(BucketMeta)
	if meta == nil {
		return 0
	}
	return Btoi(meta.Get(KeySchemaVersion))
}

// migrate applies the missing steps of steps in one transaction.
func (db *DB) migrate(steps []migration) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		current := Version(tx)
		latest := steps[len(steps)-1].Version
		if current > latest {
			return fmt.Errorf("schema version %d, this build knows up to %d: %w", current, latest, ErrTooNew)
		}
		for _, m := range steps {
			if m.Version <= current {
				continue
			}
			if err := m.Apply(tx); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
			}
			if err := tx.Bucket(BucketMeta).Put(KeySchemaVersion, Itob(m.Version)); err != nil {
				return fmt.Errorf("record schema version %d: %w", m.Version, err)
			}
		}
		return nil
	})
}
