package validation

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The one rule for text people type or paste (names, titles, questions,
// settings): what pasting brings along is normalised, and what no face can
// carry is refused with the field's name.
//
//   - Tabs, no-break and other Unicode spaces become a plain space (in a Block,
//     tabs stay: code and indented answers need them).
//   - Zero-width spaces and byte-order marks are dropped.
//   - Line breaks: a Line refuses them inside the text; a Block keeps them,
//     written as "\n" (CRLF, CR, NEL and the Unicode line and paragraph
//     separators alike).
//   - Every other control character (C0, DEL, C1) and the invisible direction
//     overrides that can make a name read backwards are refused: calendar
//     invitations and email headers cannot carry them.
//   - The result is trimmed; lengths count characters, not bytes.

// Line normalises a one-line text (a name, a title, an email subject), checks
// it and returns the normalised value; min 0 means optional.
func (e Errors) Line(field, value, label string, min, max int) string {
	v, bad := normalize(value, false)
	e.report(field, label, v, bad, min, max)
	return v
}

// Block normalises a text of several lines (a description, an answer), checks
// it and returns the normalised value; min 0 means optional.
func (e Errors) Block(field, value, label string, min, max int) string {
	v, bad := normalize(value, true)
	e.report(field, label, v, bad, min, max)
	return v
}

// LineText is value as Line normalises it, for code that normalises before it
// validates; what Line refuses is kept, so the check still finds it.
func LineText(value string) string {
	v, _ := normalize(value, false)
	return v
}

// BlockText is value as Block normalises it (see LineText).
func BlockText(value string) string {
	v, _ := normalize(value, true)
	return v
}

// CleanLine makes stored text one line that every face can carry: Line's
// normalisation, with what Line refuses replaced by a space. It is for text
// stored before the rule, never instead of checking new input.
func CleanLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch class(r, false) {
		case keep:
			b.WriteRune(r)
		case space, lineBreak, refused:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func (e Errors) report(field, label, v string, bad rune, min, max int) {
	switch {
	case bad == '\n':
		e.Add(field, fmt.Sprintf("The %s must be a single line.", label))
	case bad >= 0:
		e.Add(field, fmt.Sprintf("The %s contains an invisible control character (U+%04X); remove it, or retype the text instead of pasting it.", label, bad))
	}
	n := utf8.RuneCountInString(v)
	switch {
	case min > 0 && n == 0:
		e.Add(field, fmt.Sprintf("Enter the %s.", label))
	case n < min:
		e.Add(field, fmt.Sprintf("The %s needs at least %d characters.", label, min))
	case n > max:
		e.Add(field, fmt.Sprintf("The %s can be at most %d characters (it has %d).", label, max, n))
	}
}

// charClass is what the rule does with one character.
type charClass int

const (
	keep      charClass = iota
	space               // becomes ' '
	lineBreak           // "\n" in a Block; refused inside a Line
	drop                // left out
	refused
)

func class(r rune, block bool) charClass {
	switch {
	case r == '\t' && block:
		return keep
	case r == '\n', r == '\r', r == '\u0085', r == '\u2028', r == '\u2029':
		return lineBreak
	case r == '\t', r == '\u00a0', r == '\u1680', r >= '\u2000' && r <= '\u200a', r == '\u202f', r == '\u205f', r == '\u3000':
		return space
	case r == '\u200b', r == '\ufeff':
		return drop
	case unicode.IsControl(r), r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return refused
	}
	return keep
}

// normalize applies the rule to s and returns the result and the first
// refused character ('\n' for a line break in a Line, -1 for none).
func normalize(s string, block bool) (string, rune) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	bad := rune(-1)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		c := class(r, block)
		switch {
		case c == keep:
			b.WriteRune(r)
		case c == space:
			b.WriteByte(' ')
		case c == lineBreak && block:
			b.WriteByte('\n')
		case c == lineBreak:
			b.WriteByte('\n')
			if bad < 0 {
				bad = '\n'
			}
		case c == refused:
			b.WriteRune(r)
			if bad < 0 || bad == '\n' {
				bad = r
			}
		}
	}
	v := strings.TrimSpace(b.String())
	if bad == '\n' && !strings.Contains(v, "\n") {
		bad = -1 // only around the text, trimmed away
	}
	return v, bad
}
