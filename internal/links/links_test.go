package links

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

func TestIssueLookupRevoke(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := Link{Kind: Interviewer, InterviewID: "iv1", Email: "ivan@example.com", Participant: NewInterviewerParticipant()}
	var token string
	if err := db.Update(func(tx *store.Tx) (err error) { token, err = Issue(tx, want); return err }); err != nil {
		t.Fatal(err)
	}
	if len(token) != TokenLen {
		t.Fatalf("token %q has %d characters, want %d", token, len(token), TokenLen)
	}
	_ = db.View(func(tx *store.Tx) error {
		if got, err := Lookup(tx, token); err != nil || got != want {
			t.Errorf("Lookup = %+v, %v; want %+v", got, err, want)
		}
		if _, err := Lookup(tx, "short"); !errors.Is(err, ErrNotFound) || !fault.Is(err, fault.NotFound) {
			t.Errorf("Lookup of a malformed token = %v, want a not-found error", err)
		}
		return nil
	})
	if err := db.Update(func(tx *store.Tx) error { return Revoke(tx, token) }); err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *store.Tx) error {
		if _, err := Lookup(tx, token); !errors.Is(err, ErrNotFound) {
			t.Errorf("a revoked token still resolves: %v", err)
		}
		return nil
	})
	if err := db.Update(func(tx *store.Tx) error { _, err := Issue(tx, Link{Kind: "admin"}); return err }); err == nil {
		t.Error("a link of an unknown kind was issued")
	}
}

func TestTokensAndParticipantsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		tok, p := NewToken(), string(NewInterviewerParticipant())
		if seen[tok] || seen[p] {
			t.Fatalf("repeat after %d draws", i)
		}
		seen[tok], seen[p] = true, true
	}
}

func TestURLsFromThePublicURL(t *testing.T) {
	u := NewURLs("https://interviews.example.com/")
	cases := map[Kind]string{Candidate: "/join/T", Interviewer: "/room/T", Campaign: "/apply/T", Results: "/results/T"}
	for k, path := range cases {
		if got := u.For(k, "T"); got != "https://interviews.example.com"+path {
			t.Errorf("%s link = %q", k, got)
		}
	}
}
