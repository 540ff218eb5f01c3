package collab

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestTextCountsUTF16(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"é中", 2},
		{"😀", 2},
		{"a👩‍💻b", 7}, // woman, zero-width joiner, laptop
		{"a\r\nb", 4},
		{"\xff", 1}, // invalid UTF-8 is one U+FFFD
	}
	for _, c := range cases {
		text := FromString(c.s)
		if got := text.Len(); got != c.want {
			t.Errorf("FromString(%q).Len() = %d, want %d", c.s, got, c.want)
		}
		if want := strings.ToValidUTF8(c.s, "\uFFFD"); text.String() != want {
			t.Errorf("FromString(%q).String() = %q, want %q", c.s, text.String(), want)
		}
	}
}

func TestTextJSONKeepsLoneSurrogates(t *testing.T) {
	cases := []struct {
		name  string
		units []uint16
		json  string
	}{
		{"empty", nil, `""`},
		{"pair as UTF-8", []uint16{0xd83d, 0xde00}, `"😀"`},
		{"lone high", []uint16{'a', 0xd83d}, `"a\ud83d"`},
		{"lone low", []uint16{0xde00, 'b'}, `"\ude00b"`},
		{"reversed pair", []uint16{0xde00, 0xd83d}, `"\ude00\ud83d"`},
		{"escapes as JSON.stringify", []uint16{'"', '\\', '\b', '\t', '\n', '\f', '\r', 1, 0x1f, 0x7f, 0x2028, '<', '/'},
			"\"\\\"\\\\\\b\\t\\n\\f\\r\\u0001\\u001f\x7f\u2028</\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := json.Marshal(Text{units: c.units})
			if err != nil {
				t.Fatal(err)
			}
			// encoding/json re-escapes <, > and & and U+2028 around a
			// Marshaler; MarshalJSON itself writes what JSON.stringify does.
			own, _ := Text{units: c.units}.MarshalJSON()
			if string(own) != c.json {
				t.Fatalf("MarshalJSON = %s, want %s", own, c.json)
			}
			var back Text
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			if !back.Equal(Text{units: c.units}) {
				t.Fatalf("read back %v, want %v", back.units, c.units)
			}
		})
	}
}

func TestTextRefusesBadJSON(t *testing.T) {
	for _, in := range []string{``, `1`, `"abc`, `"a\qb"`, `"\u12"`, `"a" "b"`, "\"\x01\"", "\"\xff\""} {
		var text Text
		if err := text.UnmarshalJSON([]byte(in)); !errors.Is(err, ErrText) {
			t.Errorf("UnmarshalJSON(%q) = %q, %v; want ErrText", in, text.String(), err)
		}
	}
}
