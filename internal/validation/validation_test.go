package validation

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestIsEmail(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"ada@example.com", true},
		{"ada.lovelace+jobs@mail.example.co.uk", true},
		{"ada@localhost", false},
		{"ada", false},
		{"ada@", false},
		{"@example.com", false},
		{"Ada <ada@example.com>", false},
		{"ada@example.com\r\nBcc: eve@example.com", false},
		{"a b@example.com", false},
		{"ada@example.", false},
		{strings.Repeat("a", 250) + "@example.com", false},
	}
	for _, tc := range tests {
		if got := IsEmail(tc.in); got != tc.want {
			t.Errorf("IsEmail(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestTextLimitsCountCharactersNotBytes(t *testing.T) {
	e := Errors{}
	e.Line("name", strings.Repeat("ü", 10), "name", 1, 10)
	if len(e) != 0 {
		t.Errorf("10 characters within a 10 limit reported: %v", e)
	}
	e.Line("long", strings.Repeat("ü", 11), "name", 1, 10)
	e.Line("empty", "   ", "candidate name", 1, 10)
	if !strings.Contains(e["long"], "at most 10") || e["empty"] != "Enter the candidate name." {
		t.Errorf("messages = %v", e)
	}
}

func TestMergePrefixesFields(t *testing.T) {
	inner := Errors{"questions[1].text": "Enter the question text."}
	outer := Errors{}
	outer.Merge("templates[2].", fmt.Errorf("wrapped: %w", inner))
	if outer["templates[2].questions[1].text"] != "Enter the question text." {
		t.Errorf("merged = %v", outer)
	}
	var fe Errors
	if !errors.As(outer.Err(), &fe) || (Errors{}).Err() != nil {
		t.Error("Err must return the map as an error, and nil when empty")
	}
}
