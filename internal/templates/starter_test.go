package templates

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

func withStarter(name, code string, lang Language) Content {
	c := sample(name)
	c.Questions[0].StarterCode, c.Questions[0].Language = code, lang
	return c
}

func TestStarterCodeIsKeptAsWrittenWithLFLineEnds(t *testing.T) {
	tests := []struct {
		name     string
		code     string
		lang     Language
		wantCode string
		wantLang Language
	}{
		{"go with CRLF", "package main\r\n\r\nfunc main() {\r\n\t// TODO\r\n}\r\n", Go,
			"package main\n\nfunc main() {\n\t// TODO\n}\n", Go},
		{"leading indentation survives", "    x = 1\n", Python, "    x = 1\n", Python},
		{"code without a language is plain text", "SELECT 1;", "", "SELECT 1;", PlainText},
		{"white space only is no code", " \n\t\n", Java, "", Java},
		{"a language alone is kept", "", SQL, "", SQL},
		{"neither", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newService(t)
			tpl, err := s.Create(withStarter("Go", tc.code, tc.lang))
			if err != nil {
				t.Fatal(err)
			}
			got, _ := s.Get(tpl.ID)
			q := got.Questions[0]
			if q.StarterCode != tc.wantCode || q.Language != tc.wantLang {
				t.Errorf("stored (%q, %q), want (%q, %q)", q.StarterCode, q.Language, tc.wantCode, tc.wantLang)
			}
		})
	}
}

func TestStarterCodeRules(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		lang  Language
		field string // "" means valid
		want  string
	}{
		{"at the limit", strings.Repeat("é", MaxStarterCode), Go, "", ""},
		{"over the limit", strings.Repeat("x", MaxStarterCode+1), Go, "questions[0].starterCode", "at most 100000 characters (it has 100001)"},
		{"NUL", "a\x00b", Go, "questions[0].starterCode", "U+0000"},
		{"unknown language", "fn main() {}", "rust", "questions[0].language", "plaintext, go, python, javascript, typescript, java, cpp, sql"},
		{"language ID is exact", "x", "Go", "questions[0].language", "Choose a language"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newService(t)
			_, err := s.Create(withStarter("Go", tc.code, tc.lang))
			if tc.field == "" {
				if err != nil {
					t.Fatalf("valid starter code refused: %v", err)
				}
				return
			}
			if msg := fieldErrors(t, err)[tc.field]; !strings.Contains(msg, tc.want) {
				t.Errorf("%s: %q, want it to mention %q", tc.field, msg, tc.want)
			}
		})
	}
}

func TestStarterCodeSurvivesExportImportAndDuplicate(t *testing.T) {
	s := newService(t)
	code := "public class Main {\n  public static void main(String[] a) {}\n}\n"
	tpl, err := s.Create(withStarter("Java", code, Java))
	if err != nil {
		t.Fatal(err)
	}
	data, err := s.Export(tpl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"starterCode": "public class Main`) || !strings.Contains(string(data), `"language": "java"`) {
		t.Fatalf("export lacks the starter code:\n%s", data)
	}
	imported, err := s.Import(data)
	if err != nil {
		t.Fatal(err)
	}
	dup, err := s.Duplicate(tpl.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{imported[0].ID, dup.ID} {
		got, _ := s.Get(id)
		if q := got.Questions[0]; q.StarterCode != code || q.Language != Java {
			t.Errorf("%s: starter code (%q, %q), want (%q, java)", got.Name, q.StarterCode, q.Language, code)
		}
	}
}

func TestImportRefusesABadLanguageByPath(t *testing.T) {
	file := `{"format":"interviewdesk.templates/v1","templates":[{"name":"A","plan":[{"title":"T"}],
		"questions":[{"text":"Q","alternative":"A","expectedAnswer":"E","starterCode":"x","language":"cobol"}]}]}`
	_, err := newService(t).Import([]byte(file))
	if msg := fieldErrors(t, err)["templates[0].questions[0].language"]; msg == "" {
		t.Errorf("error = %v, want one for templates[0].questions[0].language", err)
	}
}

// TestTemplatesStoredBeforeStarterCodeLoad: a template an older release
// stored has no starterCode or language; it loads with none and saves again.
func TestTemplatesStoredBeforeStarterCodeLoad(t *testing.T) {
	s := newService(t)
	old := `{"id":"old","name":"Old","specialization":"Go","description":"","durationMinutes":60,
		"plan":[{"id":"t1","title":"Experience"}],
		"questions":[{"id":"q1","text":"Q","alternative":"A","expectedAnswer":"E"}],
		"technical":true,"builtIn":false,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}`
	if err := s.db.Update(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketTemplates).Put([]byte("old"), []byte(old))
	}); err != nil {
		t.Fatal(err)
	}
	tpl, err := s.Get("old")
	if err != nil {
		t.Fatal(err)
	}
	if q := tpl.Questions[0]; q.StarterCode != "" || q.Language != "" {
		t.Errorf("old question loaded with starter code (%q, %q)", q.StarterCode, q.Language)
	}
	c := tpl.Content
	c.Questions[0].StarterCode = "print(1)"
	c.Questions[0].Language = Python
	got, err := s.Update("old", c)
	if err != nil || got.Questions[0].Language != Python || got.Questions[0].ID != "q1" {
		t.Errorf("update of an old template: %+v, %v", got.Questions, err)
	}
}

// TestDocumentedExampleImports: the example in docs/template-format.md is a
// valid file, starter code included.
func TestDocumentedExampleImports(t *testing.T) {
	doc, err := os.ReadFile("../../docs/template-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```json\n")
	example, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("no JSON example in docs/template-format.md")
	}
	got, err := ParseFile([]byte(example))
	if err != nil {
		t.Fatalf("the documented example does not import: %v", err)
	}
	if q := got[0].Questions[len(got[0].Questions)-1]; q.Language != Go || !strings.HasPrefix(q.StarterCode, "package main\n") {
		t.Errorf("the example's last question has starter code (%q, %q), want Go code", q.StarterCode, q.Language)
	}
}

func TestLanguageNamesAreTheEditorsLanguages(t *testing.T) {
	named := []Language{PlainText, Go, Python, JavaScript, TypeScript, Java, Cpp, SQL}
	if !slices.Equal(named, Languages) {
		t.Errorf("named languages %v, the editor's %v", named, Languages)
	}
}

// TestLibraryTechnicalTemplatesShipStarterCode: every technical template the
// library seeds offers at least one question whose code the interviewer can
// load into the shared editor, in one of the editor's languages.
func TestLibraryTechnicalTemplatesShipStarterCode(t *testing.T) {
	s := newService(t)
	if err := s.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	technical := 0
	for _, sum := range list {
		if !sum.Technical {
			continue
		}
		technical++
		tpl, err := s.Get(sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		coded := 0
		for i, q := range tpl.Questions {
			if strings.TrimSpace(q.StarterCode) == "" {
				continue
			}
			coded++
			if !q.Language.Valid() {
				t.Errorf("%s: question %d has starter code in %q, not an editor language", tpl.Name, i+1, q.Language)
			}
		}
		if coded == 0 {
			t.Errorf("%s: no question has starter code", tpl.Name)
		}
	}
	if technical == 0 {
		t.Error("the library seeded no technical template")
	}
}
