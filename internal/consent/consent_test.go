package consent

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

func TestVersionFollowsEveryWord(t *testing.T) {
	a := Current()
	if a.Version == "" || a.Version != Current().Version {
		t.Fatalf("version %q is not stable", a.Version)
	}
	b := a
	b.RecordingHint += "."
	if b.Versioned().Version == a.Version {
		t.Errorf("a changed hint kept version %s", a.Version)
	}
	if a.Versioned().Version != a.Version {
		t.Errorf("versioning twice changed the version")
	}
}

func TestKeepAndLookUpOldTexts(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old := Current()
	old.PersonalData = "I agree to the processing of my personal data"
	old = old.Versioned()
	if err := db.Update(func(tx *store.Tx) error {
		if err := Keep(tx, old); err != nil {
			return err
		}
		return Keep(tx, Current())
	}); err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *store.Tx) error {
		got, err := Lookup(tx, old.Version)
		if err != nil || got != old {
			t.Errorf("Lookup(old) = %+v, %v; want %+v", got, err, old)
		}
		if _, err := Lookup(tx, "v1-000000000000"); !errors.Is(err, ErrUnknownVersion) {
			t.Errorf("Lookup(unknown) = %v, want ErrUnknownVersion", err)
		}
		return nil
	})
}
