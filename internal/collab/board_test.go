package collab

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// el returns an element's JSON as Excalidraw sends it, with extra fields
// the host does not read.
func el(id string, version, nonce int, deleted bool) json.RawMessage {
	return json.RawMessage(fmt.Sprintf(`{"id":%q,"type":"rectangle","x":10.5,"y":-3,"version":%d,"versionNonce":%d,"isDeleted":%t,"groupIds":[]}`,
		id, version, nonce, deleted))
}

func raws(rs ...json.RawMessage) []json.RawMessage { return rs }

func mustMerge(t *testing.T, b *Board, rs []json.RawMessage) []json.RawMessage {
	t.Helper()
	accepted, err := b.Merge(rs)
	if err != nil {
		t.Fatal(err)
	}
	return accepted
}

func wantRaws(t *testing.T, what string, got, want []json.RawMessage) {
	t.Helper()
	if fmt.Sprintf("%s", got) != fmt.Sprintf("%s", want) {
		t.Fatalf("%s:\n got %s\nwant %s", what, got, want)
	}
}

func TestMergeKeepsExcalidrawsWinner(t *testing.T) {
	cases := []struct {
		name     string
		incoming json.RawMessage
		wins     bool
	}{
		{"higher version", el("a", 3, 900, false), true},
		{"lower version", el("a", 1, 1, false), false},
		{"same version, lower nonce", el("a", 2, 499, false), true},
		{"same version, higher nonce", el("a", 2, 501, false), false},
		{"same version and nonce", el("a", 2, 500, true), false},
		{"deleted at a higher version", el("a", 3, 7, true), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBoard()
			old := el("a", 2, 500, false)
			mustMerge(t, b, raws(old))
			accepted := mustMerge(t, b, raws(c.incoming))
			want, now := raws(), old
			if c.wins {
				want, now = raws(c.incoming), c.incoming
			}
			wantRaws(t, "accepted", accepted, want)
			wantRaws(t, "board", b.Elements(), raws(now))
		})
	}
}

func TestMergeKeepsOrderAndJSON(t *testing.T) {
	b := NewBoard()
	spaced := json.RawMessage(" {\"version\": 1, \"id\": \"c\", \"versionNonce\": -4, \"type\": \"freedraw\", \"points\": [[0,0],[1,2]]} ")
	first := mustMerge(t, b, raws(el("a", 1, 1, false), el("b", 1, 1, false), spaced))
	wantRaws(t, "first merge", first, raws(el("a", 1, 1, false), el("b", 1, 1, false), spaced))
	// a changes and x is new: a keeps its place, x comes last.
	second := mustMerge(t, b, raws(el("x", 1, 1, false), el("a", 2, 1, true)))
	wantRaws(t, "second merge", second, raws(el("x", 1, 1, false), el("a", 2, 1, true)))
	wantRaws(t, "board", b.Elements(), raws(el("a", 2, 1, true), el("b", 1, 1, false), spaced, el("x", 1, 1, false)))
	if b.Len() != 4 {
		t.Fatalf("Len = %d, want 4", b.Len())
	}
}

func TestCheckThenMerge(t *testing.T) {
	b := NewBoard()
	mustMerge(t, b, raws(el("a", 2, 1, false)))
	checked, err := b.Check(raws(el("a", 1, 1, false), el("b", 1, 1, false), el("a", 3, 1, false)))
	if err != nil {
		t.Fatal(err)
	}
	wantRaws(t, "checked", checked, raws(el("b", 1, 1, false), el("a", 3, 1, false)))
	wantRaws(t, "board after Check", b.Elements(), raws(el("a", 2, 1, false)))
	wantRaws(t, "merged", mustMerge(t, b, checked), checked)
	wantRaws(t, "board", b.Elements(), raws(el("a", 3, 1, false), el("b", 1, 1, false)))
}

func TestMergeOneIDTwice(t *testing.T) {
	b := NewBoard()
	mustMerge(t, b, raws(el("a", 5, 1, false)))
	accepted := mustMerge(t, b, raws(el("n", 1, 1, false), el("a", 6, 1, false), el("a", 8, 1, false), el("a", 7, 1, false), el("a", 4, 1, false)))
	wantRaws(t, "accepted", accepted, raws(el("n", 1, 1, false), el("a", 8, 1, false)))
	wantRaws(t, "board", b.Elements(), raws(el("a", 8, 1, false), el("n", 1, 1, false)))
}

func TestMergeCopiesTheJSON(t *testing.T) {
	b := NewBoard()
	buf := []byte(el("a", 1, 1, false))
	mustMerge(t, b, raws(buf))
	copy(buf, strings.Repeat(" ", len(buf)))
	wantRaws(t, "board", b.Elements(), raws(el("a", 1, 1, false)))
}

func TestMergeRefusesWholly(t *testing.T) {
	valid := el("ok", 1, 1, false)
	cases := []struct {
		name    string
		element string
		want    string
	}{
		{"not an object", `[1]`, "element 2: an element must be a JSON object"},
		{"null", `null`, "must be a JSON object"},
		{"broken JSON", `{"id":"a"`, "must be a JSON object"},
		{"no id", `{"type":"text","version":1,"versionNonce":1}`, "element 2: the id must be a string of 1 to 64 characters"},
		{"id in other case", `{"ID":"a","type":"text","version":1,"versionNonce":1}`, "the id must be"},
		{"empty id", `{"id":"","type":"text","version":1,"versionNonce":1}`, "the id must be"},
		{"numeric id", `{"id":7,"type":"text","version":1,"versionNonce":1}`, "the id must be"},
		{"long id", `{"id":"` + strings.Repeat("é", 65) + `","type":"text","version":1,"versionNonce":1}`, "the id must be"},
		{"no type", `{"id":"a","version":1,"versionNonce":1}`, "the type must be a string"},
		{"image", `{"id":"a","type":"image","version":1,"versionNonce":1}`, "images are not taken"},
		{"file", `{"id":"a","type":"rectangle","fileId":"f1","version":1,"versionNonce":1}`, "files are not taken"},
		{"version 0", `{"id":"a","type":"text","version":0,"versionNonce":1}`, "the version must be a whole number of at least 1"},
		{"fractional version", `{"id":"a","type":"text","version":1.5,"versionNonce":1}`, "the version must be"},
		{"version as a string", `{"id":"a","type":"text","version":"2","versionNonce":1}`, "the version must be"},
		{"no nonce", `{"id":"a","type":"text","version":1}`, "the versionNonce must be a whole number"},
		{"null nonce", `{"id":"a","type":"text","version":1,"versionNonce":null}`, "the versionNonce must be"},
		{"isDeleted not a bool", `{"id":"a","type":"text","version":1,"versionNonce":1,"isDeleted":"yes"}`, "isDeleted must be true or false"},
		{"too large", `{"id":"a","type":"text","version":1,"versionNonce":1,"text":"` + strings.Repeat("x", MaxElementBytes) + `"}`, "an element is at most 64 KiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBoard()
			mustMerge(t, b, raws(el("ok", 1, 5, false)))
			_, err := b.Merge(raws(el("new", 1, 1, false), json.RawMessage(c.element), valid))
			msg, _ := fault.Message(err)
			if !errors.Is(err, ErrElement) || !fault.Is(err, fault.Invalid) || !strings.Contains(msg, c.want) {
				t.Fatalf("Merge = %v (%q), want ErrElement saying %q", err, msg, c.want)
			}
			wantRaws(t, "board after a refused merge", b.Elements(), raws(el("ok", 1, 5, false)))
		})
	}
}

func TestMergeLimits(t *testing.T) {
	many := func(n, from int) []json.RawMessage {
		rs := make([]json.RawMessage, n)
		for i := range rs {
			rs[i] = el(fmt.Sprint("e", from+i), 1, 1, false)
		}
		return rs
	}
	b := NewBoard()
	_, err := b.Merge(many(MaxMergeElements+1, 0))
	if msg, _ := fault.Message(err); !errors.Is(err, ErrElement) || msg != "a change holds at most 2000 elements (this one has 2001)" {
		t.Fatalf("Merge of too many = %v", err)
	}
	for i := 0; i < MaxBoardElements; i += MaxMergeElements {
		mustMerge(t, b, many(MaxMergeElements, i))
	}
	_, err = b.Merge(raws(el("e0", 2, 1, false), el("one too many", 1, 1, false)))
	if msg, _ := fault.Message(err); !errors.Is(err, ErrBoardFull) || !strings.Contains(msg, "at most 10000 elements") {
		t.Fatalf("Merge past the board's limit = %v", err)
	}
	if b.Len() != MaxBoardElements || string(b.Elements()[0]) != string(el("e0", 1, 1, false)) {
		t.Fatal("a refused merge changed the board")
	}
	wantRaws(t, "a full board still takes changes", mustMerge(t, b, raws(el("e0", 2, 1, false))), raws(el("e0", 2, 1, false)))
}

func TestMergeLimitsBytes(t *testing.T) {
	b := NewBoard()
	big := func(id string, version int) json.RawMessage {
		return json.RawMessage(fmt.Sprintf(`{"id":%q,"type":"freedraw","version":%d,"versionNonce":1,"p":"%s"}`,
			id, version, strings.Repeat("x", MaxElementBytes-100)))
	}
	var err error
	for i := 0; err == nil; i++ {
		_, err = b.Merge(raws(big(fmt.Sprint(i), 1)))
	}
	if !errors.Is(err, ErrBoardFull) || b.Len() != MaxBoardBytes/len(big("0", 1)) {
		t.Fatalf("after %d elements: %v", b.Len(), err)
	}
	// Replacing an element by one of the same size still fits.
	if _, err := b.Merge(raws(big("0", 2))); err != nil {
		t.Fatal(err)
	}
}
