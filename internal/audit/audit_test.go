package audit

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

func newLog(t *testing.T) (*Log, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	return New(db, func() time.Time { at = at.Add(time.Minute); return at }), db
}

func TestEntriesComeNewestFirstInPagesAndByKind(t *testing.T) {
	l, _ := newLog(t)
	cli := With(context.Background(), By(ViaCLI))
	for i := range 7 {
		kind := Deletion
		if i%2 == 1 {
			kind = Backup
		}
		if err := l.Record(cli, kind, fmt.Sprint("subject ", i), fmt.Sprint("entry ", i)); err != nil {
			t.Fatal(err)
		}
	}
	first, err := l.List(Query{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(first); fmt.Sprint(got) != "[entry 6 entry 5 entry 4]" || first.Next == 0 {
		t.Fatalf("first page = %v (next %d), want the three newest and a next page", got, first.Next)
	}
	second, _ := l.List(Query{Limit: 3, Before: first.Next})
	third, _ := l.List(Query{Limit: 3, Before: second.Next})
	if fmt.Sprint(texts(second)) != "[entry 3 entry 2 entry 1]" || fmt.Sprint(texts(third)) != "[entry 0]" || third.Next != 0 {
		t.Errorf("pages 2 and 3 = %v, %v (next %d)", texts(second), texts(third), third.Next)
	}
	backups, _ := l.List(Query{Kind: Backup})
	if fmt.Sprint(texts(backups)) != "[entry 5 entry 3 entry 1]" {
		t.Errorf("backups = %v", texts(backups))
	}
	if e := backups.Entries[0]; e.Actor != (Actor{Name: "cli", Via: ViaCLI}) || e.At.IsZero() || e.Subject != "subject 5" {
		t.Errorf("entry = %+v, want the CLI as its actor, a time and its subject", e)
	}
	if _, err := l.List(Query{Kind: "gossip"}); !errors.Is(err, ErrKind) {
		t.Errorf("an unknown kind = %v, want ErrKind", err)
	}
}

// An entry recorded in a change's transaction goes with the change: both or
// neither.
func TestAnEntryCommitsWithItsChange(t *testing.T) {
	l, db := newLog(t)
	boom := errors.New("the change failed")
	err := db.Update(func(tx *store.Tx) error {
		if _, err := Record(context.Background(), tx, time.Now(), Deletion, "iv1", "Deleted interview iv1"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if page, _ := l.List(Query{}); len(page.Entries) != 0 {
		t.Errorf("a rolled back change left %v in the log", texts(page))
	}
	_ = db.Update(func(tx *store.Tx) error {
		_, err := Record(context.Background(), tx, time.Now(), Retention, "", "Retention run")
		return err
	})
	page, _ := l.List(Query{})
	if len(page.Entries) != 1 || page.Entries[0].Actor != By(ViaHost) {
		t.Errorf("entries = %+v, want one by the host (no actor in the context)", page.Entries)
	}
}

func TestCandidateRefHidesTheAddress(t *testing.T) {
	a, b := CandidateRef("Olivia@Example.com "), CandidateRef("olivia@example.com")
	if a != b || len(a) != len("candidate ")+12 {
		t.Errorf("refs %q, %q: want one 12-digit reference for one address in any case", a, b)
	}
	if a == CandidateRef("ivan@example.com") {
		t.Errorf("two addresses share reference %q", a)
	}
}

func texts(p Page) []string {
	var out []string
	for _, e := range p.Entries {
		out = append(out, e.Text)
	}
	return out
}
