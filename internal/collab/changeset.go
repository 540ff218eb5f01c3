package collab

import (
	"fmt"
	"strconv"
	"strings"
)

// ChangeSet is a CodeMirror change set: a walk over the whole document that
// keeps, deletes or replaces each stretch of it. Its JSON is @codemirror/state's
// ChangeSet.toJSON(): an array whose items are
//
//	N               keep the next N code units
//	[N]             delete the next N code units
//	[N, "l1", ...]  replace the next N code units by the lines joined with "\n"
//
// The zero ChangeSet is the empty change set of an empty document ([]).
type ChangeSet struct {
	sections []section
	inserted []uint16 // every section's inserted text, one after the other
	before   int
	after    int
}

// section is one item of a change set.
type section struct {
	len int // code units of the old document it covers
	ins int // -1: kept; else the length of the text that replaces them
	off int // where that text starts in ChangeSet.inserted
}

// MaxChangesBytes caps one change set's JSON: no more than a whole push.
const MaxChangesBytes = MaxPushBytes

// ParseChangeSet reads a change set from its JSON, strictly: items are
// non-negative whole numbers or arrays of one such number followed by
// strings; a line must not contain "\n" (CodeMirror splits lines at it). It
// errs with ErrChanges and a person-facing text naming the item at fault
// (counted from 1).
func ParseChangeSet(raw []byte) (ChangeSet, error) {
	if len(raw) > MaxChangesBytes {
		return ChangeSet{}, problem(ErrChanges, fmt.Sprintf("the changes are larger than %d KiB", MaxChangesBytes>>10))
	}
	p := parser{scanner: scanner{data: raw}, cs: ChangeSet{sections: make([]section, 0, 3)}}
	if err := p.parse(); err != nil {
		return ChangeSet{}, err
	}
	return p.cs, nil
}

// parser builds a ChangeSet while scanning its JSON.
type parser struct {
	scanner
	cs ChangeSet
}

func (p *parser) parse() error {
	if !p.next('[') {
		return problem(ErrChanges, "the changes must be a JSON array")
	}
	if !p.next(']') {
		for item := 1; ; item++ {
			if err := p.item(item); err != nil {
				return err
			}
			if p.next(']') {
				break
			}
			if !p.next(',') {
				return p.invalid(fmt.Sprintf("after change %d", item))
			}
		}
	}
	if p.skipSpace(); !p.done() {
		return p.invalid("after the changes")
	}
	if p.cs.before > MaxDocLen {
		return problem(ErrChanges, fmt.Sprintf("the changes cover more than a document may hold (%d)", MaxDocLen))
	}
	return nil
}

// invalid is the error for JSON that is broken where.
func (p *parser) invalid(where string) error {
	return problem(ErrChanges, fmt.Sprintf("the changes are not valid JSON %s (byte %d)", where, p.pos+1))
}

// item reads the item'th item of the array: a number or an array.
func (p *parser) item(item int) error {
	p.skipSpace()
	if p.peek() != '[' {
		n, err := p.number()
		if err != nil {
			return problem(ErrChanges, fmt.Sprintf("change %d %v", item, err))
		}
		p.add(section{len: n, ins: -1})
		return nil
	}
	p.pos++
	p.skipSpace()
	n, err := p.number()
	if err != nil {
		return problem(ErrChanges, fmt.Sprintf("change %d: its length %v", item, err))
	}
	s := section{len: n, off: len(p.cs.inserted)}
	for line := 1; !p.next(']'); line++ {
		if !p.next(',') {
			return p.invalid(fmt.Sprintf("in change %d", item))
		}
		if err := p.line(item, line); err != nil {
			return err
		}
	}
	s.ins = len(p.cs.inserted) - s.off
	p.add(s)
	return nil
}

// line reads one inserted line, appending it (after a "\n" for every line
// but the first) to the inserted text.
func (p *parser) line(item, line int) error {
	if p.skipSpace(); p.peek() != '"' {
		return problem(ErrChanges, fmt.Sprintf("change %d: line %d must be a string", item, line))
	}
	if line > 1 {
		p.cs.inserted = append(p.cs.inserted, '\n')
	}
	start := len(p.cs.inserted)
	var err error
	if p.cs.inserted, err = p.str(p.cs.inserted); err != nil {
		return problem(ErrChanges, fmt.Sprintf("change %d: line %d %v", item, line, err))
	}
	for _, c := range p.cs.inserted[start:] {
		if c == '\n' {
			return problem(ErrChanges, fmt.Sprintf("change %d: line %d contains a line break (send lines apart)", item, line))
		}
	}
	return nil
}

func (p *parser) add(s section) {
	p.cs.sections = append(p.cs.sections, s)
	p.cs.before += s.len
	if s.ins < 0 {
		p.cs.after += s.len
	} else {
		p.cs.after += s.ins
	}
}

// LenBefore returns the length of the document the change set applies to.
func (cs ChangeSet) LenBefore() int { return cs.before }

// LenAfter returns the length of the document it produces.
func (cs ChangeSet) LenAfter() int { return cs.after }

// Apply returns t changed; t's length must be LenBefore (else ErrChanges).
func (cs ChangeSet) Apply(t Text) (Text, error) {
	if err := cs.fits(t.Len()); err != nil {
		return Text{}, err
	}
	return Text{units: cs.applyTo(make([]uint16, 0, cs.after), t.units)}, nil
}

// fits checks that the change set covers a document of length n exactly,
// naming the first change that goes past its end.
func (cs ChangeSet) fits(n int) error {
	if cs.before == n {
		return nil
	}
	pos := 0
	for i, s := range cs.sections {
		if pos+s.len > n {
			verb := "keeps text"
			switch {
			case s.ins == 0:
				verb = "deletes"
			case s.ins > 0:
				verb = "replaces text"
			}
			return problem(ErrChanges, fmt.Sprintf("change %d %s past the end of the document (it has %d characters)", i+1, verb, n))
		}
		pos += s.len
	}
	return problem(ErrChanges, fmt.Sprintf("the changes cover %d of the document's %d characters; they must cover all of it", pos, n))
}

// applyTo appends to dst the result of the change set on src, whose length
// fits.
func (cs ChangeSet) applyTo(dst, src []uint16) []uint16 {
	pos := 0
	for _, s := range cs.sections {
		if s.ins < 0 {
			dst = append(dst, src[pos:pos+s.len]...)
		} else {
			dst = append(dst, cs.inserted[s.off:s.off+s.ins]...)
		}
		pos += s.len
	}
	return dst
}

// MarshalJSON writes the change set as CodeMirror's toJSON() does, byte for
// byte as JSON.stringify would: a change set CodeMirror made comes back
// unchanged. (An empty insertion [N, ""] comes back as [N], as it does from
// CodeMirror.)
func (cs ChangeSet) MarshalJSON() ([]byte, error) {
	return cs.appendJSON(make([]byte, 0, 8*len(cs.sections)+len(cs.inserted)+2)), nil
}

func (cs ChangeSet) appendJSON(b []byte) []byte {
	b = append(b, '[')
	for i, s := range cs.sections {
		if i > 0 {
			b = append(b, ',')
		}
		if s.ins < 0 {
			b = strconv.AppendInt(b, int64(s.len), 10)
			continue
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(s.len), 10)
		if s.ins > 0 {
			for _, line := range splitLines(cs.inserted[s.off : s.off+s.ins]) {
				b = appendJSString(append(b, ','), line)
			}
		}
		b = append(b, ']')
	}
	return append(b, ']')
}

// splitLines splits text at "\n".
func splitLines(text []uint16) [][]uint16 {
	var lines [][]uint16
	start := 0
	for i, c := range text {
		if c == '\n' {
			lines = append(lines, text[start:i])
			start = i + 1
		}
	}
	return append(lines, text[start:])
}

// UnmarshalJSON reads a change set with ParseChangeSet.
func (cs *ChangeSet) UnmarshalJSON(raw []byte) error {
	parsed, err := ParseChangeSet(raw)
	if err != nil {
		return err
	}
	*cs = parsed
	return nil
}

// String returns the change set's JSON.
func (cs ChangeSet) String() string { return string(cs.appendJSON(nil)) }

// ReplaceAll returns the change set that replaces all of from by with, as
// CodeMirror's ChangeSet.of({from: 0, to: from.length, insert: with}) makes
// it: line breaks in with ("\r\n", "\r" or "\n") become "\n", and replacing
// nothing by nothing is the empty change set.
func ReplaceAll(from Text, with string) ChangeSet {
	units := appendUTF16(nil, normalizeBreaks(with))
	if from.Len() == 0 && len(units) == 0 {
		return ChangeSet{}
	}
	return ChangeSet{
		sections: []section{{len: from.Len(), ins: len(units)}},
		inserted: units,
		before:   from.Len(),
		after:    len(units),
	}
}

// normalizeBreaks turns "\r\n" and "\r" into "\n", as CodeMirror splits
// inserted strings into lines.
func normalizeBreaks(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
