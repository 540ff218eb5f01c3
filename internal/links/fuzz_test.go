package links

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

// FuzzLookup feeds link tokens from outside (a URL path segment) to Lookup
// against a real store that holds one link: only that link's token finds it,
// every other string is ErrNotFound, nothing panics, and the URL built from
// any token keeps it in one path segment after the kind's prefix.
func FuzzLookup(f *testing.F) {
	db, err := store.Open(filepath.Join(f.TempDir(), "data.db"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = db.Close() })
	want := Link{Kind: Candidate, InterviewID: "iv1", Participant: CandidateParticipant}
	var token string
	if err := db.Update(func(tx *store.Tx) (err error) { token, err = Issue(tx, want); return err }); err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{token, "", "short", strings.Repeat("A", TokenLen), token[:TokenLen-1] + "_",
		"../../../../etc/passwd", "\xff\xfe" + strings.Repeat("a", TokenLen-2), strings.ToUpper(token), token + "x"} {
		f.Add(seed)
	}
	urls := NewURLs("https://interviews.example.com/")
	f.Fuzz(func(t *testing.T, s string) {
		err := db.View(func(tx *store.Tx) error {
			got, err := Lookup(tx, s)
			switch {
			case s == token && (err != nil || got != want):
				t.Fatalf("the issued token: %+v, %v", got, err)
			case s != token && !errors.Is(err, ErrNotFound):
				t.Fatalf("Lookup(%q) = %+v, %v; want not found", s, got, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if u := urls.For(Candidate, s); !strings.HasPrefix(u, "https://interviews.example.com/join/") {
			t.Fatalf("URL for %q = %q", s, u)
		}
	})
}
