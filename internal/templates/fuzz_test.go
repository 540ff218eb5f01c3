package templates

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// FuzzParseFile feeds template files from outside to the importer: it never
// panics, refuses with ErrBadFile or field errors only (a 400 or a 422, never
// a 500), and a file it accepts is accepted again as written back.
func FuzzParseFile(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `{"format":"interviewdesk.templates/v1","templates":[]}`,
		`{"format":"interviewdesk.templates/v1","templates":[{"name":"A","plan":[{"title":"T"}],"questions":[]}]}`,
		`{"format":"interviewdesk.templates/v1","templates":[{"name":"A\tB","plan":[{"title":"T\u0007"}]}]}{}`,
		`{"format":"interviewdesk.templates/v1","templates":[{"name":"A","plan":[{"title":"T"}],"questions":[{"text":"Q","alternative":"A","expectedAnswer":"E","starterCode":"\tx := 1","language":"go"}]}]}`,
	} {
		f.Add([]byte(seed))
	}
	if files, _ := filepath.Glob("library/*.json"); len(files) > 0 {
		if data, err := os.ReadFile(files[0]); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		contents, err := ParseFile(data)
		if err != nil {
			var fe validation.Errors
			if !errors.Is(err, ErrBadFile) && !errors.As(err, &fe) || fault.KindOf(err) != fault.Invalid {
				t.Fatalf("%q refused with %v (kind %v), want a bad-file or field error", data, err, fault.KindOf(err))
			}
			return
		}
		items := make([]FileItem, len(contents))
		for i, c := range contents {
			items[i] = FileItem{Content: c}
		}
		again, err := json.Marshal(File{Format: FileFormat, Templates: items})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseFile(again); err != nil {
			t.Fatalf("accepted %q but not as written back (%s): %v", data, again, err)
		}
	})
}
