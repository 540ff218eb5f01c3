package collab

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// starter is a 5 KB document of code-like lines.
var starter = strings.Repeat("    for i := range items { total += i } // 😀\n", 110)

// keystrokes returns n pushes as a browser sends them while someone types on
// a document of length n0: each a character typed, then deleted, at a
// position moving through the text, so the length stays n0 or n0+1.
func keystrokes(n, n0 int) []Update {
	us := make([]Update, n)
	for i := range us {
		pos := (i / 2 * 37) % n0
		changes := fmt.Sprintf(`[%d,[0,"x"],%d]`, pos, n0-pos)
		if i%2 == 1 {
			changes = fmt.Sprintf(`[%d,[1],%d]`, pos, n0-pos)
		}
		us[i] = Update{ClientID: "k3j5d9x2", Changes: json.RawMessage(changes)}
	}
	return us
}

// BenchmarkPush1000 measures the host's work for 1,000 keystroke pushes on a
// 5 KB document: parsing, checking, applying and keeping each one.
func BenchmarkPush1000(b *testing.B) {
	d := newDoc(b, starter)
	us := keystrokes(1000, FromString(starter).Len())
	b.ReportAllocs()
	for b.Loop() {
		for _, u := range us {
			if _, err := d.Push(d.Version(), []Update{u}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/1000changes")
}

// BenchmarkApply100k replays 100,000 stored keystrokes on a 5 KB document,
// as a host restart or playback would.
func BenchmarkApply100k(b *testing.B) {
	const n = 100_000
	us := keystrokes(n, FromString(starter).Len())
	b.ReportAllocs()
	for b.Loop() {
		d := newDoc(b, starter)
		for _, u := range us {
			if _, _, err := d.Accept(u); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/change")
}

// BenchmarkMerge measures one board.push of 100 changed elements on a board
// of 2,000.
func BenchmarkMerge(b *testing.B) {
	board := NewBoard()
	base := make([]json.RawMessage, 2000)
	for i := range base {
		base[i] = el(fmt.Sprint("element-", i), 1, i, false)
	}
	if _, err := board.Merge(base); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	version := 2
	for b.Loop() {
		changed := make([]json.RawMessage, 100)
		for i := range changed {
			changed[i] = el(fmt.Sprint("element-", i*7), version, 1, false)
		}
		version++
		if accepted, err := board.Merge(changed); err != nil || len(accepted) != len(changed) {
			b.Fatalf("accepted %d, %v", len(accepted), err)
		}
	}
}
