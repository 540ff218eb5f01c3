package collab

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// cmCase is one case of testdata/changesets.json, computed by CodeMirror
// (testdata/gen-changesets.mjs); its strings keep their raw JSON so lone
// surrogates and JSON.stringify's escaping reach the test as written.
type cmCase struct {
	Doc       json.RawMessage `json:"doc"`
	Changes   json.RawMessage `json:"changes"`
	LenBefore int             `json:"lenBefore"`
	LenAfter  int             `json:"lenAfter"`
	After     json.RawMessage `json:"after"`
	Replace   *string         `json:"replace"` // a ReplaceAll case
}

func loadCodeMirrorCases(t testing.TB) []cmCase {
	t.Helper()
	data, err := os.ReadFile("testdata/changesets.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []cmCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 200 {
		t.Fatalf("%d cases in testdata/changesets.json, want at least 200", len(cases))
	}
	return cases
}

func readText(t *testing.T, raw json.RawMessage) Text {
	t.Helper()
	var text Text
	if err := text.UnmarshalJSON(raw); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	return text
}

func TestAgreesWithCodeMirror(t *testing.T) {
	for i, c := range loadCodeMirrorCases(t) {
		doc, after := readText(t, c.Doc), readText(t, c.After)
		cs, err := ParseChangeSet(c.Changes)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if c.Replace != nil {
			if got := ReplaceAll(doc, *c.Replace); got.String() != string(c.Changes) {
				t.Errorf("case %d: ReplaceAll = %s, CodeMirror made %s", i, got, c.Changes)
			}
		} else if cs.LenBefore() != c.LenBefore || cs.LenAfter() != c.LenAfter {
			t.Errorf("case %d: lengths %d → %d, CodeMirror says %d → %d", i, cs.LenBefore(), cs.LenAfter(), c.LenBefore, c.LenAfter)
		}
		got, err := cs.Apply(doc)
		if err != nil {
			t.Fatalf("case %d: Apply(%s): %v", i, c.Doc, err)
		}
		if !got.Equal(after) {
			t.Errorf("case %d: Apply(%s, %s) = %q, CodeMirror made %s", i, c.Doc, c.Changes, got, c.After)
		}
		if out, _ := cs.MarshalJSON(); !bytes.Equal(out, c.Changes) {
			t.Errorf("case %d: MarshalJSON = %s, CodeMirror wrote %s", i, out, c.Changes)
		}
		if out, _ := got.MarshalJSON(); !bytes.Equal(out, c.After) {
			t.Errorf("case %d: the text's JSON is %s, JSON.stringify wrote %s", i, out, c.After)
		}
	}
}

// TestDocReplaysCodeMirrorCases pushes each case as an update to a Doc, the
// way a browser's push reaches the host.
func TestDocReplaysCodeMirrorCases(t *testing.T) {
	for i, c := range loadCodeMirrorCases(t) {
		d, err := NewDoc(DocMain, "plaintext", readText(t, c.Doc))
		if err != nil {
			t.Fatal(err)
		}
		accepted, err := d.Push(0, []Update{{ClientID: "c1", Changes: c.Changes}})
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !bytes.Equal(accepted[0].Changes, c.Changes) {
			t.Errorf("case %d: accepted %s, pushed %s", i, accepted[0].Changes, c.Changes)
		}
		if got := d.Snapshot(); got.Version != 1 || !got.Text.Equal(readText(t, c.After)) {
			t.Errorf("case %d: snapshot %d %q, want 1 %s", i, got.Version, got.Text, c.After)
		}
	}
}
