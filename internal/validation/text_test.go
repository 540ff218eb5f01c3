package validation

import (
	"strings"
	"testing"
)

func TestLineNormalisesPastedWhitespace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ann\tLee", "Ann Lee"},
		{"Ann\u00a0Lee", "Ann Lee"},
		{"Ann\u2009Lee\u3000", "Ann Lee"},
		{"\ufeffAnn\u200bLee", "AnnLee"},
		{"  Ann Lee \r\n", "Ann Lee"},
		{"Zoë 李", "Zoë 李"},
	}
	for _, tc := range tests {
		e := Errors{}
		if got := e.Line("name", tc.in, "name", 1, 120); got != tc.want || len(e) != 0 {
			t.Errorf("Line(%q) = %q, %v; want %q and no error", tc.in, got, e, tc.want)
		}
		if got := LineText(tc.in); got != tc.want {
			t.Errorf("LineText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLineRefusesWhatNoFaceCarries(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ann\nLee", "must be a single line"},
		{"Ann\u2028Lee", "must be a single line"},
		{"Ann\x07Lee", "U+0007"},
		{"Ann\x00", "U+0000"},
		{"Ann\x7f", "U+007F"},
		{"Ann\u0090", "U+0090"},
		{"Ann \u202emoc.elpmaxe", "U+202E"},
		{"Ann\u2066Lee", "U+2066"},
		{"Ann\nL\x1bee", "U+001B"},
	}
	for _, tc := range tests {
		e := Errors{}
		e.Line("name", tc.in, "name", 1, 120)
		if !strings.Contains(e["name"], tc.want) {
			t.Errorf("Line(%q): error %q, want one naming %q", tc.in, e["name"], tc.want)
		}
	}
}

func TestBlockKeepsLinesAndTabs(t *testing.T) {
	e := Errors{}
	got := e.Block("answer", "First\r\n\tsecond\rthird\u2029fourth\u00a0end\n", "answer", 1, 100)
	if want := "First\n\tsecond\nthird\nfourth end"; got != want || len(e) != 0 {
		t.Errorf("Block = %q, %v; want %q", got, e, want)
	}
	e.Block("bell", "ring\x07", "answer", 0, 100)
	if !strings.Contains(e["bell"], "U+0007") {
		t.Errorf("a bell in a block: %q", e["bell"])
	}
}

func TestRuleIsIdempotent(t *testing.T) {
	for _, in := range []string{"a\tb", "a\nb", "x\x07y\u00a0", " \u202e z "} {
		for _, block := range []bool{false, true} {
			once, bad1 := normalize(in, block)
			twice, bad2 := normalize(once, block)
			if once != twice || bad1 != bad2 {
				t.Errorf("normalize(%q, %v) not stable: %q/%d then %q/%d", in, block, once, bad1, twice, bad2)
			}
		}
	}
}

func TestCleanLineMakesStoredTextCarriable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ann\tLee", "Ann Lee"},
		{"Ann\x07\nLee", "Ann Lee"},
		{"\u202eAnn", "Ann"},
	}
	for _, tc := range tests {
		got := CleanLine(tc.in)
		e := Errors{}
		e.Line("name", got, "name", 0, 120)
		if got != tc.want || len(e) != 0 {
			t.Errorf("CleanLine(%q) = %q (%v), want %q", tc.in, got, e, tc.want)
		}
	}
}
