package validation

import (
	"errors"
	"net/mail"
	"sort"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Errors maps a field name to a message a person can act on.
type Errors map[string]string

// Error lists the fields in a stable order, e.g. "candidateEmail: Enter a valid email address".
func (e Errors) Error() string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + e[k]
	}
	return strings.Join(parts, "; ")
}

// FaultKind makes field errors of kind fault.Invalid.
func (e Errors) FaultKind() fault.Kind { return fault.Invalid }

// Add records msg for field unless the field already has a message.
func (e Errors) Add(field, msg string) {
	if _, ok := e[field]; !ok {
		e[field] = msg
	}
}

// Err returns e as an error, or nil when there is nothing to report.
func (e Errors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// Merge copies other's messages under prefix (e.g. "templates[2].").
func (e Errors) Merge(prefix string, other error) {
	var fe Errors
	if errors.As(other, &fe) {
		for k, v := range fe {
			e.Add(prefix+k, v)
		}
		return
	}
	if other != nil {
		e.Add(strings.TrimSuffix(prefix, "."), other.Error())
	}
}

// Email checks a bare address (no display name) and returns it normalised.
func (e Errors) Email(field, value string) string {
	v := strings.TrimSpace(value)
	if v == "" {
		e.Add(field, "Enter an email address.")
		return v
	}
	if !IsEmail(v) {
		e.Add(field, "Enter a valid email address, like name@example.com.")
	}
	return v
}

// IsEmail reports whether s is one bare address with a dotted domain.
func IsEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " \t\r\n<>\",;") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
