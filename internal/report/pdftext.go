package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// plainText is s with line ends as "\n", tabs as spaces and no other
// control characters, which PDF text cannot show.
func plainText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// unicodeText fits s to a UTF-8 font in fpdf, which writes UTF-16 without
// surrogate pairs: characters beyond the Basic Multilingual Plane (emoji)
// become U+FFFD.
func unicodeText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return unicode.ReplacementChar
		}
		return r
	}, plainText(s))
}

// latinText fits text to the core fonts through toCP1252 (fpdf's translator,
// which turns what Windows-1252 lacks into "."): other letters lose their
// accents ("ő" → "o"), a few symbols get ASCII stand-ins, the rest become "?".
func latinText(toCP1252 func(string) string) func(string) string {
	known := func(r rune) bool { return r < 0x80 || toCP1252(string(r)) != "." }
	return func(s string) string {
		var b strings.Builder
		for _, r := range plainText(s) {
			switch {
			case known(r):
				b.WriteRune(r)
			case standIns[r] != "":
				b.WriteString(standIns[r])
			default:
				b.WriteString(transliterate(r, known))
			}
		}
		return toCP1252(b.String())
	}
}

// standIns are ASCII for symbols the report itself writes and for letters
// without a decomposition.
var standIns = map[rune]string{'✓': "+", '✗': "x", '→': "->", '←': "<-", '≤': "<=", '≥': ">=", '≠': "!=",
	'−': "-", '\u00a0': " ", '\u2009': " ", '\u202f': " ", 'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'ı': "i"}

// transliterate is r's base letter when r is a letter with marks, else "?".
func transliterate(r rune, known func(rune) bool) string {
	var base []rune
	for _, c := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			base = append(base, c)
		}
	}
	if len(base) == 1 && base[0] != r && known(base[0]) {
		return string(base)
	}
	return "?"
}
