package collab

import (
	"fmt"
	"slices"
	"strings"
)

// languages are the code documents' language IDs, as the protocol names them.
var languages = [...]string{"plaintext", "go", "python", "javascript", "typescript", "java", "cpp", "sql"}

// Languages returns the language IDs a document may have.
func Languages() []string { return slices.Clone(languages[:]) }

// CheckLanguage errs with ErrLanguage unless id is one of Languages.
func CheckLanguage(id string) error {
	if slices.Contains(languages[:], id) {
		return nil
	}
	return problem(ErrLanguage, fmt.Sprintf("unknown language %q (one of %s)", id, strings.Join(languages[:], ", ")))
}
