package collab

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

func newDoc(t testing.TB, text string) *Doc {
	t.Helper()
	d, err := NewDoc(DocMain, "python", FromString(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func update(client, changes string) Update {
	return Update{ClientID: client, Changes: json.RawMessage(changes)}
}

// wantState fails unless d holds text at version.
func wantState(t *testing.T, d *Doc, version int, text string) {
	t.Helper()
	s := d.Snapshot()
	if s.Version != version || s.Text.String() != text {
		t.Fatalf("document at version %d is %q, want %d %q", s.Version, s.Text, version, text)
	}
}

func TestPushAcceptsInOrder(t *testing.T) {
	d := newDoc(t, "ab")
	got, err := d.Push(0, []Update{update("c1", ` [ 2 , [0, "c"] ] `), update("c1", `[[0,"😀"],3]`)})
	if err != nil {
		t.Fatal(err)
	}
	want := []Update{update("c1", `[2,[0,"c"]]`), update("c1", `[[0,"😀"],3]`)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("accepted %s, want %s (CodeMirror's own JSON)", got, want)
	}
	wantState(t, d, 2, "😀abc")
	if _, err := d.Push(2, []Update{update("c2", `[2,[1,"A"],2]`)}); err != nil {
		t.Fatal(err)
	}
	wantState(t, d, 3, "😀Abc")
	if d.Len() != 5 {
		t.Fatalf("Len = %d, want 5 (the emoji is two units)", d.Len())
	}
}

func TestCheckThenPush(t *testing.T) {
	d := newDoc(t, "ab")
	checked, err := d.Check(0, []Update{update("c1", `[ 2, [0, "c"] ]`)})
	if err != nil {
		t.Fatal(err)
	}
	wantState(t, d, 0, "ab")
	if fmt.Sprint(checked) != fmt.Sprint([]Update{update("c1", `[2,[0,"c"]]`)}) {
		t.Fatalf("Check = %s", checked)
	}
	if _, err := d.Check(0, []Update{update("c1", `[3]`)}); !errors.Is(err, ErrChanges) {
		t.Fatalf("Check of a bad update = %v, want ErrChanges", err)
	}
	pushed, err := d.Push(0, checked)
	if err != nil || fmt.Sprint(pushed) != fmt.Sprint(checked) {
		t.Fatalf("Push of the checked updates = %s, %v", pushed, err)
	}
	wantState(t, d, 1, "abc")
	if _, err := d.Check(0, checked); !errors.Is(err, ErrStale) {
		t.Fatalf("Check on an old version = %v, want ErrStale", err)
	}
}

func TestPushRefusesStale(t *testing.T) {
	d := newDoc(t, "ab")
	first := []Update{update("c1", `[2,[0,"c"]]`)}
	if _, err := d.Push(0, first); err != nil {
		t.Fatal(err)
	}
	for name, push := range map[string]func() error{
		"another client on the old version": func() error { _, err := d.Push(0, []Update{update("c2", `[[0,"x"],2]`)}); return err },
		"the same update replayed":          func() error { _, err := d.Push(0, first); return err },
	} {
		t.Run(name, func(t *testing.T) {
			err := push()
			if !errors.Is(err, ErrStale) || !fault.Is(err, fault.Conflict) {
				t.Fatalf("Push = %v, want ErrStale", err)
			}
			if msg, _ := fault.Message(err); msg != "stale" || err.Error() != "stale" {
				t.Fatalf("the ack error would be %q / %q, want \"stale\"", msg, err.Error())
			}
			wantState(t, d, 1, "abc")
		})
	}
}

func TestPushRefusesWholly(t *testing.T) {
	long := strings.Repeat("a", MaxDocLen-1)
	cases := []struct {
		name, doc string
		version   int
		updates   []Update
		sentinel  error
		want      string
	}{
		{"version ahead", "ab", 3, []Update{update("c", `[2]`)}, ErrVersion, "version 3 is ahead of the document (at version 0)"},
		{"deletes past the end", "ab", 0, []Update{update("c", `[1,[5]]`)}, ErrChanges, "update 1: change 2 deletes past the end of the document (it has 2 characters)"},
		{"too short", "ab", 0, []Update{update("c", `[[0,"x"]]`)}, ErrChanges, "update 1: the changes cover 0 of the document's 2 characters"},
		{"the second update fits the first's result, not the start", "ab", 0,
			[]Update{update("c", `[2,[0,"c"]]`), update("c", `[2,[0,"d"]]`)}, ErrChanges, "update 2: the changes cover 2 of the document's 3 characters"},
		{"one bad update of three", "ab", 0,
			[]Update{update("c", `[2,[0,"c"]]`), update("c", `[3,[0,"d"]]`), update("c", `[1.5]`)}, ErrChanges, "update 3: change 1 must be a whole number"},
		{"no changes", "ab", 0, []Update{{ClientID: "c"}}, ErrChanges, "update 1: the changes must be a JSON array"},
		{"no client ID", "ab", 0, []Update{update("", `[2]`)}, ErrUpdate, "update 1: the client ID must have 1 to 64 characters"},
		{"client ID too long", "ab", 0, []Update{update(strings.Repeat("é", 65), `[2]`)}, ErrUpdate, "client ID must have 1 to 64"},
		{"too many updates", "ab", 0, repeat(update("c", `[2]`), MaxPushUpdates+1), ErrUpdate, "a push holds at most 100 updates (this one has 101)"},
		{"too long", long, 0, []Update{update("c", fmt.Sprintf(`[%d,[0,"😀"]]`, len(long)))}, ErrTooLong, "update 1: the document would be longer than 1000000 characters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDoc(t, c.doc)
			_, err := d.Push(c.version, c.updates)
			msg, _ := fault.Message(err)
			if !errors.Is(err, c.sentinel) || !fault.Is(err, fault.Invalid) || !strings.HasPrefix(msg, c.want) && !strings.Contains(msg, c.want) {
				t.Fatalf("Push = %v (%q), want %v saying %q", err, msg, c.sentinel, c.want)
			}
			wantState(t, d, 0, c.doc)
			if got, _ := d.Since(0); len(got) != 0 {
				t.Fatalf("history holds %v after a refused push", got)
			}
		})
	}
}

func repeat(u Update, n int) []Update {
	us := make([]Update, n)
	for i := range us {
		us[i] = u
	}
	return us
}

func TestDocLimits(t *testing.T) {
	if _, err := NewDoc(DocMain, "go", FromString(strings.Repeat("a", MaxDocLen+1))); !errors.Is(err, ErrTooLong) {
		t.Errorf("NewDoc over the limit = %v, want ErrTooLong", err)
	}
	if _, err := NewDoc(DocMain, "cobol", Text{}); !errors.Is(err, ErrLanguage) {
		t.Errorf("NewDoc in an unknown language = %v, want ErrLanguage", err)
	}
	if _, err := NewDoc("", "go", Text{}); !errors.Is(err, ErrUpdate) {
		t.Errorf("NewDoc without an ID = %v, want ErrUpdate", err)
	}
	d := newDoc(t, strings.Repeat("a", MaxDocLen-2))
	if _, err := d.Push(0, []Update{update("c", fmt.Sprintf(`[%d,[0,"😀"]]`, MaxDocLen-2))}); err != nil {
		t.Errorf("a push to exactly the limit = %v", err)
	}
}

func TestSince(t *testing.T) {
	d := newDoc(t, "")
	for i := range 3 {
		if _, err := d.Push(i, []Update{update("c", fmt.Sprintf(`[%d,[0,"x"]]`, i))}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := d.Since(1)
	if err != nil || fmt.Sprint(got) != fmt.Sprint([]Update{update("c", `[1,[0,"x"]]`), update("c", `[2,[0,"x"]]`)}) {
		t.Fatalf("Since(1) = %s, %v", got, err)
	}
	if got, err := d.Since(3); err != nil || len(got) != 0 {
		t.Fatalf("Since(current) = %v, %v; want none", got, err)
	}
	for _, v := range []int{4, -1} {
		if _, err := d.Since(v); !errors.Is(err, ErrSnapshotNeeded) {
			t.Errorf("Since(%d) = %v, want ErrSnapshotNeeded", v, err)
		}
	}
}

func TestSinceKeepsABoundedWindow(t *testing.T) {
	t.Run("by count", func(t *testing.T) {
		d := newDoc(t, "")
		for i := range HistoryUpdates + 5 {
			if _, _, err := d.Accept(update("c", fmt.Sprintf(`[%d,[0,"x"]]`, i))); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := d.Since(4); !errors.Is(err, ErrSnapshotNeeded) {
			t.Fatalf("Since(4) = %v, want ErrSnapshotNeeded", err)
		}
		got, err := d.Since(5)
		if err != nil || len(got) != HistoryUpdates || string(got[0].Changes) != `[5,[0,"x"]]` {
			t.Fatalf("Since(5) = %d updates from %s, %v", len(got), got[0].Changes, err)
		}
	})
	t.Run("by size", func(t *testing.T) {
		half := strings.Repeat("ab", 100_000) // 200,000 units, 200 KB of JSON
		d := newDoc(t, "")
		for i := 0; ; i++ {
			if _, err := d.Since(0); err != nil {
				if i < historyBytes/len(half) {
					t.Fatalf("forgot version 0 after %d updates of %d bytes", i, len(half))
				}
				break
			}
			if _, _, err := d.Replace("host", half[i%2:]+half[:i%2]); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestReplayRebuildsTheDocument(t *testing.T) {
	live := newDoc(t, "")
	var log []Update
	for _, changes := range []string{`[[0,"def f():","    pass"]]`, `[9,[0,"x"],8]`, `[[18,"😀"]]`, `[2,[0,"",""]]`} {
		accepted, err := live.Push(live.Version(), []Update{update("c1", changes)})
		if err != nil {
			t.Fatal(err)
		}
		log = append(log, accepted...)
	}
	replayed := newDoc(t, "")
	for _, u := range log {
		if _, _, err := replayed.Accept(u); err != nil {
			t.Fatal(err)
		}
	}
	if a, b := live.Snapshot(), replayed.Snapshot(); a.Version != b.Version || !a.Text.Equal(b.Text) {
		t.Fatalf("replayed %d %q, live %d %q", b.Version, b.Text, a.Version, a.Text)
	}
	wantState(t, replayed, 4, "😀\n")
}

func TestRestoreFromASnapshot(t *testing.T) {
	live := newDoc(t, "")
	for i := range 3 {
		if _, _, err := live.Accept(update("c", fmt.Sprintf(`[%d,[0,"é"]]`, i))); err != nil {
			t.Fatal(err)
		}
	}
	restored, err := RestoreDoc(live.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	wantState(t, restored, 3, "ééé")
	if _, err := restored.Push(3, []Update{update("c", `[3,[0,"!"]]`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := restored.Since(2); !errors.Is(err, ErrSnapshotNeeded) {
		t.Fatalf("Since(2) before the snapshot = %v, want ErrSnapshotNeeded", err)
	}
	if got, err := restored.Since(3); err != nil || len(got) != 1 {
		t.Fatalf("Since(3) = %v, %v", got, err)
	}
	if _, err := RestoreDoc(Snapshot{Doc: DocPad, Language: "go", Version: -1}); !errors.Is(err, ErrVersion) {
		t.Fatalf("RestoreDoc at version -1 = %v, want ErrVersion", err)
	}
}

func TestReplaceLoadsStarterCode(t *testing.T) {
	d := newDoc(t, "old text")
	version, u, err := d.Replace("host", "func main() {\r\n}\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if version != 0 || u.ClientID != "host" || string(u.Changes) != `[[8,"func main() {","}",""]]` {
		t.Fatalf("Replace = %d %s", version, u)
	}
	wantState(t, d, 1, "func main() {\n}\n")
	if got, _ := d.Since(0); len(got) != 1 {
		t.Fatalf("history %v, want the replacement", got)
	}
}

func TestLanguage(t *testing.T) {
	d := newDoc(t, "")
	if err := d.SetLanguage("sql"); err != nil || d.Language() != "sql" {
		t.Fatalf("SetLanguage(sql) = %v, language %q", err, d.Language())
	}
	err := d.SetLanguage("Python")
	if msg, _ := fault.Message(err); !errors.Is(err, ErrLanguage) || !strings.Contains(msg, "plaintext, go, python") {
		t.Fatalf("SetLanguage(Python) = %v", err)
	}
	if d.Language() != "sql" {
		t.Fatalf("a refused language changed it to %q", d.Language())
	}
	langs := Languages()
	langs[0] = "changed"
	if Languages()[0] != "plaintext" {
		t.Fatal("Languages hands out its own list")
	}
}

func TestSnapshotJSON(t *testing.T) {
	d := newDoc(t, "😀")
	if _, err := d.Push(0, []Update{update("c", `[1,[1]]`)}); err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(d.Snapshot())
	if want := `{"doc":"main","version":1,"text":"\ud83d","language":"python"}`; err != nil || string(got) != want {
		t.Fatalf("snapshot JSON %s, %v; want %s", got, err, want)
	}
}

// TestConcurrentPushesAllLand has writers race on one document, rebasing on
// a stale answer as collab does; every keystroke must land exactly once.
func TestConcurrentPushesAllLand(t *testing.T) {
	const writers, keys = 4, 50
	d := newDoc(t, "")
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for range keys {
				for {
					s := d.Snapshot()
					_, err := d.Push(s.Version, []Update{update(fmt.Sprint("w", w), fmt.Sprintf(`[[0,"%d"],%d]`, w, s.Text.Len()))})
					if err == nil {
						break
					}
					if !errors.Is(err, ErrStale) {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	s := d.Snapshot()
	if s.Version != writers*keys || s.Text.Len() != writers*keys {
		t.Fatalf("version %d, length %d; want %d", s.Version, s.Text.Len(), writers*keys)
	}
	for w := range writers {
		if n := strings.Count(s.Text.String(), fmt.Sprint(w)); n != keys {
			t.Errorf("writer %d's keys landed %d times, want %d", w, n, keys)
		}
	}
}
