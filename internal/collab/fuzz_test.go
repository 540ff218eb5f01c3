package collab

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// FuzzParseChangeSet checks that ParseChangeSet never panics, refuses what
// is not JSON, reads what it takes the way encoding/json reads it, writes
// back something it reads as the same, and that Apply gives LenAfter.
func FuzzParseChangeSet(f *testing.F) {
	for _, seed := range []string{`[]`, `[3]`, `[[0,"x"],3]`, `[1,[1,"X","Y"],1]`, `[[0,"\ud83d"]]`,
		` [ 1 , [ 0 , "" ] ] `, `[1.5]`, `[-1]`, `[[1,["a"]]]`, `[[1,"a\nb"]]`, `[1000001]`, `[01]`, `[1]x`} {
		f.Add([]byte(seed))
	}
	if data, err := os.ReadFile("testdata/changesets.json"); err == nil {
		var cases []cmCase
		if json.Unmarshal(data, &cases) == nil {
			for _, c := range cases[:min(40, len(cases))] {
				f.Add([]byte(c.Changes))
			}
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		cs, err := ParseChangeSet(raw)
		if err != nil {
			if !errors.Is(err, ErrChanges) || !fault.Is(err, fault.Invalid) {
				t.Fatalf("error %v is not ErrChanges of kind Invalid", err)
			}
			if _, ok := fault.Message(err); !ok {
				t.Fatalf("error %v has no person-facing text", err)
			}
			return
		}
		if !json.Valid(raw) {
			t.Fatalf("took %q, which is not JSON", raw)
		}
		checkAgainstEncodingJSON(t, raw, cs)
		checkRoundTrip(t, cs)
		checkApply(t, cs)
	})
}

// checkAgainstEncodingJSON reads raw with encoding/json (where lone
// surrogates become U+FFFD, as Text.String makes them) and compares.
func checkAgainstEncodingJSON(t *testing.T, raw []byte, cs ChangeSet) {
	var items []any
	if err := json.Unmarshal(raw, &items); err != nil {
		t.Fatalf("encoding/json cannot read %q: %v", raw, err)
	}
	if len(items) != len(cs.sections) {
		t.Fatalf("%d items, parsed %d sections", len(items), len(cs.sections))
	}
	for i, item := range items {
		s := cs.sections[i]
		n, lines := item, []any(nil)
		if arr, ok := item.([]any); ok {
			n, lines = arr[0], arr[1:]
		}
		if n != float64(s.len) {
			t.Fatalf("item %d: length %v, parsed %d", i, n, s.len)
		}
		if s.ins < 0 {
			continue
		}
		var joined []string
		for _, line := range lines {
			joined = append(joined, line.(string))
		}
		if want, got := strings.Join(joined, "\n"), (Text{units: cs.inserted[s.off : s.off+s.ins]}).String(); got != want {
			t.Fatalf("item %d: inserted %q, encoding/json reads %q", i, got, want)
		}
	}
}

func checkRoundTrip(t *testing.T, cs ChangeSet) {
	out, err := cs.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParseChangeSet(out)
	if err != nil {
		t.Fatalf("cannot read back its own %s: %v", out, err)
	}
	if back, _ := again.MarshalJSON(); !bytes.Equal(back, out) {
		t.Fatalf("%s read back writes %s", out, back)
	}
	if again.LenBefore() != cs.LenBefore() || again.LenAfter() != cs.LenAfter() {
		t.Fatalf("lengths changed through %s", out)
	}
}

func checkApply(t *testing.T, cs ChangeSet) {
	if cs.LenBefore() > 100_000 {
		return
	}
	doc := FromString(strings.Repeat("😀", cs.LenBefore()/2) + strings.Repeat("a", cs.LenBefore()%2))
	got, err := cs.Apply(doc)
	if err != nil {
		t.Fatalf("Apply on a document of its length: %v", err)
	}
	if got.Len() != cs.LenAfter() {
		t.Fatalf("Apply gave %d units, LenAfter is %d", got.Len(), cs.LenAfter())
	}
	if _, err := cs.Apply(FromString(doc.String() + "x")); !errors.Is(err, ErrChanges) {
		t.Fatalf("Apply on a longer document = %v, want ErrChanges", err)
	}
}
