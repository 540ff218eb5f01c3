package store

import (
	"fmt"
	"testing"
	"time"
)

// TestMigration11MovesEveryTeamBucket opens a file at schema 10 with data in
// every bucket and checks that each team bucket moved under teams/default,
// with its keys, its nested buckets and its sequence, and that the host's
// buckets stayed where they were.
func TestMigration11MovesEveryTeamBucket(t *testing.T) {
	host := [][]byte{BucketLinks, BucketOutbox, BucketUsers, BucketUsersByEmail, BucketAccountLinks, BucketSessions}
	path := openAtVersion(t, 10, func(tx *Tx) error {
		for _, name := range append(append([][]byte{}, teamBuckets...), host...) {
			b := tx.Bucket(name)
			if b == nil {
				return fmt.Errorf("bucket %s missing at schema 10", name)
			}
			if err := b.Put([]byte("k-"+string(name)), []byte("v-"+string(name))); err != nil {
				return err
			}
			if err := b.SetSequence(7); err != nil {
				return err
			}
		}
		log, err := tx.Bucket(BucketEvents).CreateBucket([]byte("iv1"))
		if err != nil {
			return err
		}
		if err := log.SetSequence(2); err != nil {
			return err
		}
		for seq := uint64(1); seq <= 2; seq++ {
			if err := log.Put(Itob(seq), []byte(fmt.Sprintf(`{"seq":%d}`, seq))); err != nil {
				return err
			}
		}
		return tx.Bucket(BucketMeta).Put(KeySettings, []byte(`{"organizer":{"name":"Rita"}}`))
	})
	db, err := Open(path, Options{Timeout: 2 * time.Second})
	if err != nil {
		t.Fatalf("open the schema 10 file: %v", err)
	}
	defer db.Close()
	_ = db.View(func(tx *Tx) error {
		team := tx.Bucket(BucketTeams).Bucket([]byte(DefaultTeam))
		if team == nil {
			t.Fatal("no teams/default after migration 11")
		}
		for _, name := range teamBuckets {
			if tx.Bucket(name) != nil {
				t.Errorf("%s is still at the top of the file", name)
			}
			moved := team.Bucket(name)
			if moved == nil {
				t.Errorf("%s did not move under teams/default", name)
				continue
			}
			if got := string(moved.Get([]byte("k-" + string(name)))); got != "v-"+string(name) {
				t.Errorf("%s lost its data: %q", name, got)
			}
			if moved.Sequence() != 7 {
				t.Errorf("%s sequence = %d, want 7 (new keys must not reuse old ones)", name, moved.Sequence())
			}
			if got := BucketOf(tx, name).Get([]byte("k-" + string(name))); string(got) != "v-"+string(name) {
				t.Errorf("BucketOf(%s) does not reach the moved bucket: %q", name, got)
			}
		}
		log := BucketOf(tx, BucketEvents).Bucket([]byte("iv1"))
		if log == nil || log.Sequence() != 2 || string(log.Get(Itob(2))) != `{"seq":2}` {
			t.Errorf("the interview's event log did not move whole: %v", log)
		}
		for _, name := range host {
			if got := string(tx.Bucket(name).Get([]byte("k-" + string(name)))); got != "v-"+string(name) {
				t.Errorf("the host's %s changed: %q", name, got)
			}
			if team.Bucket(name) != nil {
				t.Errorf("the host's %s went into the team", name)
			}
		}
		if got := string(tx.Bucket(BucketMeta).Get(KeySettings)); got != `{"organizer":{"name":"Rita"}}` {
			t.Errorf("the settings changed: %q", got)
		}
		return nil
	})
}
