package store

import (
	"encoding/json"
	"testing"
	"time"
)

// TestMigration6GathersCandidates opens a database as schema 5 left it (the
// interviews and their start index, no candidates) and checks that every
// candidate email became one candidate with its interviews and positions.
func TestMigration6GathersCandidates(t *testing.T) {
	at := func(days int) time.Time { return time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC).AddDate(0, 0, days) }
	type seedIV struct {
		id, name, email, position, status string
		created                           time.Time
	}
	seeds := []seedIV{
		{"iv1", "Olivia Diaz", "olivia@example.com", "Backend engineer", "finished", at(0)},
		{"iv2", "Olivia D. Diaz", "Olivia@Example.COM", "Backend Engineer", "scheduled", at(10)},
		{"iv3", "Olivia D. Diaz", "olivia@example.com", "Data engineer", "cancelled", at(12)},
		{"iv4", "Ivan Petrov", "ivan@example.com", "Frontend", "finished", at(5)},
	}
	path := openAtVersion(t, 5, func(tx *Tx) error {
		for _, s := range seeds {
			iv := map[string]any{"id": s.id, "position": s.position, "status": s.status,
				"candidate": map[string]string{"name": s.name, "email": s.email},
				"startsAt":  s.created.AddDate(0, 0, 3), "createdAt": s.created, "updatedAt": s.created.Add(time.Hour)}
			if err := PutJSON(tx, BucketInterviews, []byte(s.id), iv); err != nil {
				return err
			}
			sm := map[string]any{"id": s.id, "position": s.position, "status": s.status,
				"candidate": map[string]string{"name": s.name, "email": s.email}, "startsAt": s.created.AddDate(0, 0, 3)}
			if err := PutJSON(tx, BucketInterviewsByStart, []byte(TimeKey(s.created.AddDate(0, 0, 3))+"|"+s.id), sm); err != nil {
				return err
			}
		}
		return nil
	})
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("open v5 database: %v", err)
	}
	defer db.Close()

	type application struct{ Position, Stage string }
	type candidate struct {
		ID, Name, Email string
		Applications    []application
		Interviews      []struct{ ID string }
		History         []struct{ Kind, From, To, By string }
		LastActivityAt  time.Time
	}
	err = db.View(func(tx *Tx) error {
		byEmail := func(email string) candidate {
			t.Helper()
			id := BucketOf(tx, BucketCandidateEmails).Get([]byte(email))
			var c candidate
			if err := json.Unmarshal(BucketOf(tx, BucketCandidates).Get(id), &c); err != nil {
				t.Fatalf("candidate of %s (%q): %v", email, id, err)
			}
			return c
		}
		if n := BucketOf(tx, BucketCandidates).Stats().KeyN; n != 2 {
			t.Errorf("%d candidates, want 2 (one per case-folded email)", n)
		}
		olivia := byEmail("olivia@example.com")
		if olivia.Name != "Olivia D. Diaz" || olivia.Email != "olivia@example.com" || len(olivia.Interviews) != 3 {
			t.Errorf("Olivia = %+v; want the latest name and address and her 3 interviews", olivia)
		}
		want := []application{{"Backend Engineer", "live_scheduled"}, {"Data engineer", "applied"}}
		if len(olivia.Applications) != 2 || olivia.Applications[0] != want[0] || olivia.Applications[1] != want[1] {
			t.Errorf("Olivia's applications = %+v, want %+v", olivia.Applications, want)
		}
		if len(olivia.History) != 2 || olivia.History[1].Kind != "renamed" || olivia.History[1].From != "Olivia Diaz" {
			t.Errorf("Olivia's history = %+v, want created and a rename", olivia.History)
		}
		if !olivia.LastActivityAt.Equal(at(12).Add(time.Hour)) {
			t.Errorf("Olivia's last activity = %v, want her latest interview's change", olivia.LastActivityAt)
		}
		ivan := byEmail("ivan@example.com")
		if len(ivan.Applications) != 1 || ivan.Applications[0].Stage != "interviewed" {
			t.Errorf("Ivan's applications = %+v, want Frontend interviewed", ivan.Applications)
		}
		for _, s := range seeds {
			want := olivia.ID
			if s.id == "iv4" {
				want = ivan.ID
			}
			if got := string(BucketOf(tx, BucketInterviewCandidates).Get([]byte(s.id))); got != want {
				t.Errorf("interview %s links to candidate %q, want %q", s.id, got, want)
			}
		}
		for _, b := range [][]byte{BucketTakehome, BucketTakehomeKeys} {
			if BucketOf(tx, b) == nil {
				t.Errorf("bucket %s missing after migration 6", b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
