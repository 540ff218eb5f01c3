package collab

import (
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// scanner reads the little JSON this package parses by hand: change sets and
// strings. encoding/json would turn a lone surrogate escape into U+FFFD and
// change the text's length; scanner keeps the code units as JavaScript has
// them. Its errors describe the fault without saying where; callers add that.
type scanner struct {
	data []byte
	pos  int
}

func (s *scanner) done() bool { return s.pos >= len(s.data) }

// peek returns the next byte, or 0 at the end.
func (s *scanner) peek() byte {
	if s.done() {
		return 0
	}
	return s.data[s.pos]
}

func (s *scanner) skipSpace() {
	for !s.done() {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// next skips white space and reports whether the next byte is c, consuming it
// if so.
func (s *scanner) next(c byte) bool {
	s.skipSpace()
	if s.peek() == c {
		s.pos++
		return true
	}
	return false
}

var (
	errNotWhole = errors.New("must be a whole number")
	errNegative = errors.New("must not be negative")
	errTooLarge = fmt.Errorf("is longer than a document may be (%d)", MaxDocLen)
	errNoNumber = errors.New("must be a number")
	errLeading0 = errors.New("must not have a leading zero")
)

// number reads a non-negative integer of at most MaxDocLen.
func (s *scanner) number() (int, error) {
	switch c := s.peek(); {
	case c == '-':
		return 0, errNegative
	case c < '0' || c > '9':
		return 0, errNoNumber
	}
	n := 0
	if s.data[s.pos] == '0' {
		s.pos++
	} else {
		for c := s.peek(); c >= '0' && c <= '9'; c = s.peek() {
			n = n*10 + int(c-'0')
			if n > MaxDocLen {
				return 0, errTooLarge
			}
			s.pos++
		}
	}
	switch c := s.peek(); {
	case c == '.' || c == 'e' || c == 'E':
		return 0, errNotWhole
	case c >= '0' && c <= '9':
		return 0, errLeading0
	}
	return n, nil
}

// str reads a JSON string (s is at its opening quote) and appends its UTF-16
// code units to dst.
func (s *scanner) str(dst []uint16) ([]uint16, error) {
	s.pos++
	for !s.done() {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return dst, nil
		case c == '\\':
			u, err := s.escape()
			if err != nil {
				return dst, err
			}
			dst = append(dst, u)
		case c < 0x20:
			return dst, errors.New("has a control character that is not escaped")
		case c < utf8.RuneSelf:
			dst = append(dst, uint16(c))
			s.pos++
		default:
			r, size := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				return dst, errors.New("is not valid UTF-8")
			}
			dst = utf16.AppendRune(dst, r)
			s.pos += size
		}
	}
	return dst, errors.New("has no closing quote")
}

// escape reads one escape sequence (s is at its backslash) as a code unit.
func (s *scanner) escape() (uint16, error) {
	if s.pos+1 >= len(s.data) {
		return 0, errors.New("ends inside an escape")
	}
	c := s.data[s.pos+1]
	s.pos += 2
	switch c {
	case '"', '\\', '/':
		return uint16(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		return s.hex4()
	}
	return 0, fmt.Errorf("has an unknown escape \\%c", c)
}

// hex4 reads the four hex digits of a \u escape.
func (s *scanner) hex4() (uint16, error) {
	if s.pos+4 > len(s.data) {
		return 0, errors.New("ends inside a \\u escape")
	}
	var u uint16
	for _, c := range s.data[s.pos : s.pos+4] {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, errors.New("has a \\u escape that is not four hex digits")
		}
		u = u<<4 | uint16(d)
	}
	s.pos += 4
	return u, nil
}

const hexDigits = "0123456789abcdef"

// appendJSString appends units as a JSON string exactly as JSON.stringify
// writes it: the short escapes for \b \t \n \f \r, \u00xx for other control
// characters, lowercase \uXXXX for a lone surrogate, everything else as UTF-8.
func appendJSString(b []byte, units []uint16) []byte {
	b = append(b, '"')
	for i := 0; i < len(units); i++ {
		c := units[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', byte(c))
		case c < 0x20:
			b = appendControl(b, byte(c))
		case c < utf8.RuneSelf:
			b = append(b, byte(c))
		case utf16.IsSurrogate(rune(c)):
			if i+1 < len(units) {
				if r := utf16.DecodeRune(rune(c), rune(units[i+1])); r != utf8.RuneError {
					b = utf8.AppendRune(b, r)
					i++
					continue
				}
			}
			b = append(b, '\\', 'u', hexDigits[c>>12], hexDigits[c>>8&0xf], hexDigits[c>>4&0xf], hexDigits[c&0xf])
		default:
			b = utf8.AppendRune(b, rune(c))
		}
	}
	return append(b, '"')
}

func appendControl(b []byte, c byte) []byte {
	switch c {
	case '\b':
		return append(b, '\\', 'b')
	case '\t':
		return append(b, '\\', 't')
	case '\n':
		return append(b, '\\', 'n')
	case '\f':
		return append(b, '\\', 'f')
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
}
