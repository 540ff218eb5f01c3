package store

import (
	"path/filepath"
	"testing"
)

// Schema 8 adds the audit log, the consent texts and the retention log to a
// file of schema 7, keeping what it held.
func TestMigrationAddsThePrivacyBuckets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := Open(path, Options{Version: 7})
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Update(func(tx *Tx) error { return tx.Bucket(BucketInterviews).Put([]byte("iv1"), []byte(`{"id":"iv1"}`)) }); err != nil {
		t.Fatal(err)
	}
	_ = old.View(func(tx *Tx) error {
		if tx.Bucket(BucketAudit) != nil || Version(tx) != 7 {
			t.Fatalf("the file of schema 7 has version %d and an audit bucket: %v", Version(tx), tx.Bucket(BucketAudit) != nil)
		}
		return nil
	})
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *Tx) error {
		for _, b := range [][]byte{BucketAudit, BucketConsentTexts, BucketRetentionLog} {
			if tx.Bucket(b) == nil {
				t.Errorf("no %s bucket after the migration", b)
			}
		}
		if Version(tx) != SchemaVersion() || BucketOf(tx, BucketInterviews).Get([]byte("iv1")) == nil {
			t.Errorf("after the migration: schema %d, interview kept %v", Version(tx), BucketOf(tx, BucketInterviews).Get([]byte("iv1")) != nil)
		}
		return nil
	})
}
