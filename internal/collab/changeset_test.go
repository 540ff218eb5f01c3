package collab

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

func mustParse(t testing.TB, raw string) ChangeSet {
	t.Helper()
	cs, err := ParseChangeSet([]byte(raw))
	if err != nil {
		t.Fatalf("ParseChangeSet(%s): %v", raw, err)
	}
	return cs
}

func TestChangeSetApplies(t *testing.T) {
	cases := []struct {
		name, doc, changes, after, json string
	}{
		{"empty on empty", "", `[]`, "", `[]`},
		{"keep all", "abc", `[3]`, "abc", `[3]`},
		{"insert at start", "abc", `[[0,"x"],3]`, "xabc", `[[0,"x"],3]`},
		{"insert at end", "abc", `[3,[0,"x"]]`, "abcx", `[3,[0,"x"]]`},
		{"delete all", "abc", `[[3]]`, "", `[[3]]`},
		{"replace the middle", "abc", `[1,[1,"X","Y"],1]`, "aX\nYc", `[1,[1,"X","Y"],1]`},
		{"empty lines", "", `[[0,"","",""]]`, "\n\n", `[[0,"","",""]]`},
		{"empty insert comes back as a delete", "ab", `[[0,""],2]`, "ab", `[[0],2]`},
		{"white space dropped", "ab", " [ 1 ,\n[ 1 , \"q\" ] ] ", "aq", `[1,[1,"q"]]`},
		{"emoji is two units", "a😀b", `[1,[2,"🎉"],1]`, "a🎉b", `[1,[2,"🎉"],1]`},
		{"split a surrogate pair", "😀", `[1,[1]]`, "\ufffd", `[1,[1]]`},
		{"escaped pair", "", `[[0,"\ud83d\ude00"]]`, "😀", `[[0,"😀"]]`},
		{"carriage return is a character", "ab", `[1,[0,"\r"],1]`, "a\rb", `[1,[0,"\r"],1]`},
		{"zero retains kept", "ab", `[0,2,0]`, "ab", `[0,2,0]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs := mustParse(t, c.changes)
			doc := FromString(c.doc)
			got, err := cs.Apply(doc)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != c.after {
				t.Errorf("Apply = %q, want %q", got.String(), c.after)
			}
			if cs.LenBefore() != doc.Len() || cs.LenAfter() != got.Len() {
				t.Errorf("lengths %d → %d, want %d → %d", cs.LenBefore(), cs.LenAfter(), doc.Len(), got.Len())
			}
			if out, _ := cs.MarshalJSON(); string(out) != c.json {
				t.Errorf("MarshalJSON = %s, want %s", out, c.json)
			}
		})
	}
}

func TestParseChangeSetRefuses(t *testing.T) {
	cases := []struct{ in, want string }{
		{``, "must be a JSON array"},
		{`null`, "must be a JSON array"},
		{`{"a":1}`, "must be a JSON array"},
		{`[1.5]`, "change 1 must be a whole number"},
		{`[2,1e2]`, "change 2 must be a whole number"},
		{`[-1]`, "change 1 must not be negative"},
		{`[01]`, "change 1 must not have a leading zero"},
		{`[NaN]`, "change 1 must be a number"},
		{`[true]`, "change 1 must be a number"},
		{`["a"]`, "change 1 must be a number"},
		{`[1,]`, "change 2 must be a number"},
		{`[["a"]]`, "change 1: its length must be a number"},
		{`[[]]`, "change 1: its length must be a number"},
		{`[[-3]]`, "change 1: its length must not be negative"},
		{`[[1,2]]`, "change 1: line 1 must be a string"},
		{`[[1,"a",["b"]]]`, "change 1: line 2 must be a string"},
		{`[[1,"a\nb"]]`, "change 1: line 1 contains a line break"},
		{"[[1,\"a\nb\"]]", "change 1: line 1 has a control character"},
		{"[[1,\"\xff\"]]", "change 1: line 1 is not valid UTF-8"},
		{`[[1,"\q"]]`, "change 1: line 1 has an unknown escape"},
		{`[[1,"\u12"]]`, "change 1: line 1 has a \\u escape that is not four hex digits"},
		{`[[1,"abc`, "change 1: line 1 has no closing quote"},
		{`[1 2]`, "not valid JSON after change 1"},
		{`[[1,"a" "b"]]`, "not valid JSON in change 1"},
		{`[1`, "not valid JSON after change 1"},
		{`[1]x`, "not valid JSON after the changes"},
		{`[1000001]`, "change 1 is longer than a document may be"},
		{`[1000000,[1]]`, "cover more than a document may hold"},
		{"[" + strings.Repeat("1,", MaxChangesBytes/2) + "1]", "larger than 512 KiB"},
	}
	for _, c := range cases {
		_, err := ParseChangeSet([]byte(c.in))
		if !errors.Is(err, ErrChanges) || !fault.Is(err, fault.Invalid) {
			t.Errorf("ParseChangeSet(%.40q) = %v, want ErrChanges", c.in, err)
			continue
		}
		if msg, _ := fault.Message(err); !strings.Contains(msg, c.want) {
			t.Errorf("ParseChangeSet(%.40q) says %q, want %q in it", c.in, msg, c.want)
		}
	}
}

func TestApplyNamesTheChangePastTheEnd(t *testing.T) {
	cases := []struct{ changes, want string }{
		{`[3,[2]]`, "change 2 deletes past the end of the document (it has 4 characters)"},
		{`[5]`, "change 1 keeps text past the end of the document"},
		{`[1,[9,"x"]]`, "change 2 replaces text past the end of the document"},
		{`[2]`, "the changes cover 2 of the document's 4 characters; they must cover all of it"},
		{`[]`, "the changes cover 0 of the document's 4 characters"},
	}
	doc := FromString("abcd")
	for _, c := range cases {
		_, err := mustParse(t, c.changes).Apply(doc)
		if msg, _ := fault.Message(err); !errors.Is(err, ErrChanges) || msg != c.want && !strings.HasPrefix(msg, c.want) {
			t.Errorf("Apply(%s) = %v, want %q", c.changes, err, c.want)
		}
	}
}

func TestReplaceAll(t *testing.T) {
	cases := []struct{ from, with, json, after string }{
		{"", "", `[]`, ""},
		{"abc", "", `[[3]]`, ""},
		{"", "x", `[[0,"x"]]`, "x"},
		{"😀", "a\r\nb\rc\nd", `[[2,"a","b","c","d"]]`, "a\nb\nc\nd"},
	}
	for _, c := range cases {
		cs := ReplaceAll(FromString(c.from), c.with)
		if cs.String() != c.json {
			t.Errorf("ReplaceAll(%q, %q) = %s, want %s", c.from, c.with, cs, c.json)
		}
		got, err := cs.Apply(FromString(c.from))
		if err != nil || got.String() != c.after {
			t.Errorf("ReplaceAll(%q, %q) applied = %q, %v; want %q", c.from, c.with, got, err, c.after)
		}
	}
}

func TestChangeSetIsAJSONValue(t *testing.T) {
	var holder struct {
		Changes ChangeSet `json:"changes"`
	}
	if err := json.Unmarshal([]byte(`{"changes": [1, [0, "<&>"]]}`), &holder); err != nil {
		t.Fatal(err)
	}
	if got := holder.Changes.String(); got != `[1,[0,"<&>"]]` {
		t.Fatalf("String = %s", got)
	}
	err := json.Unmarshal([]byte(`{"changes": [[1, 2]]}`), &holder)
	if !errors.Is(err, ErrChanges) {
		t.Fatalf("Unmarshal of a bad change set = %v, want ErrChanges", err)
	}
}
