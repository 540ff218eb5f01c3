package web

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWebReachesOnlyDomainServices: the HTTP host frames requests; storage,
// calendar files and email belong to the services it calls
// (docs/architecture.md, "Never").
func TestWebReachesOnlyDomainServices(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	const internal = "github.com/interviewdesk/interviewdesk/internal/"
	forbidden := map[string]bool{internal + "store": true, internal + "calendar": true, internal + "mail": true}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if forbidden[path] || strings.HasSuffix(path, "/app") {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
