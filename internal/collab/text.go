package collab

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Text is a document's text as CodeMirror counts it: UTF-16 code units, lines
// separated by "\n" ("\r" is an ordinary character). The zero Text is empty.
// A Text never changes once made.
type Text struct {
	units []uint16
}

// FromString returns s as a Text. Invalid UTF-8 in s becomes U+FFFD.
func FromString(s string) Text {
	return Text{units: appendUTF16(make([]uint16, 0, len(s)), s)}
}

// appendUTF16 appends s's UTF-16 code units to dst.
func appendUTF16(dst []uint16, s string) []uint16 {
	for _, r := range s {
		dst = utf16.AppendRune(dst, r)
	}
	return dst
}

// Len returns the length in UTF-16 code units, CodeMirror's doc.length.
func (t Text) Len() int { return len(t.units) }

// String returns the text as UTF-8; a lone surrogate becomes U+FFFD.
func (t Text) String() string {
	var b strings.Builder
	b.Grow(len(t.units))
	for i := 0; i < len(t.units); i++ {
		r := rune(t.units[i])
		if utf16.IsSurrogate(r) && i+1 < len(t.units) {
			if pair := utf16.DecodeRune(r, rune(t.units[i+1])); pair != utf8.RuneError {
				r = pair
				i++
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Equal reports whether t and u hold the same code units.
func (t Text) Equal(u Text) bool {
	if len(t.units) != len(u.units) {
		return false
	}
	for i, c := range t.units {
		if u.units[i] != c {
			return false
		}
	}
	return true
}

// MarshalJSON writes the text as a JSON string the way JSON.stringify does,
// keeping a lone surrogate as a \uXXXX escape so a browser reads back exactly
// the code units the host holds.
func (t Text) MarshalJSON() ([]byte, error) {
	return appendJSString(make([]byte, 0, len(t.units)+2), t.units), nil
}

// UnmarshalJSON reads a JSON string, keeping lone surrogates.
func (t *Text) UnmarshalJSON(data []byte) error {
	s := scanner{data: data}
	s.skipSpace()
	if s.peek() != '"' {
		return problem(ErrText, "a text must be a JSON string")
	}
	units, err := s.str(nil)
	if err != nil {
		return problem(ErrText, "the text "+err.Error())
	}
	if s.skipSpace(); !s.done() {
		return problem(ErrText, "unexpected data after the text")
	}
	t.units = units
	return nil
}
