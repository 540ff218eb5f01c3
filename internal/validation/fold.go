package validation

import (
	"strings"

	"golang.org/x/text/cases"
)

// Fold is the form two names or addresses are compared in: white space
// trimmed and collapsed, Unicode case-folded ("Olivia.Diaz@Example.com" and
// "olivia.diaz@example.com" fold alike). Keys stored for lookups use it, so it
// must not change once released.
func Fold(s string) string {
	return cases.Fold().String(strings.Join(strings.Fields(s), " "))
}
