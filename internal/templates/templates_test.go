package templates

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func newService(t *testing.T) *Service {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clock := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	return New(db, func() time.Time { return clock })
}

func sample(name string) Content {
	return Content{
		Name: name, Specialization: "Go backend",
		Plan: []Topic{{Title: "Experience"}, {Title: "Motivation"}},
		Questions: []Question{{Text: "What does defer do?", Alternative: "When does a deferred call run?",
			ExpectedAnswer: "Runs at function return, LIFO.", KeyPoints: []string{"function return", " LIFO ", ""}}},
	}
}

func fieldErrors(t *testing.T, err error) validation.Errors {
	t.Helper()
	var fe validation.Errors
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v, want field errors", err)
	}
	return fe
}

func TestLibraryShipsSevenUsefulTemplates(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) < 7 {
		t.Fatalf("library has %d templates, want at least 7", len(lib))
	}
	planOnly := 0
	for _, c := range lib {
		if len(c.Questions) == 0 {
			planOnly++
			continue
		}
		if len(c.Questions) < 10 {
			t.Errorf("%s has %d questions, want at least 10", c.Name, len(c.Questions))
		}
	}
	if planOnly == 0 {
		t.Error("library needs a non-technical (plan only) template")
	}
}

func TestSeedLibraryOnceSoDeletedTemplatesStayDeleted(t *testing.T) {
	s := newService(t)
	if err := s.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	list, _ := s.List()
	if len(list) < 7 || !list[0].BuiltIn {
		t.Fatalf("after seeding: %d templates (first built-in: %v)", len(list), len(list) > 0 && list[0].BuiltIn)
	}
	if err := s.Delete(list[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	again, _ := s.List()
	if len(again) != len(list)-1 {
		t.Errorf("after delete and re-seed: %d templates, want %d", len(again), len(list)-1)
	}
}

func TestCreateNormalizesAndAssignsIDs(t *testing.T) {
	s := newService(t)
	got, err := s.Create(sample("  Go  "))
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Go" || got.DurationMinutes != DefaultDuration || !got.Technical {
		t.Errorf("created %+v", got)
	}
	if got.Plan[0].ID == "" || got.Plan[0].ID == got.Plan[1].ID {
		t.Errorf("topic IDs %q %q must be unique and set", got.Plan[0].ID, got.Plan[1].ID)
	}
	if kp := got.Questions[0].KeyPoints; len(kp) != 2 || kp[1] != "LIFO" {
		t.Errorf("key points = %q, want trimmed with blanks dropped", kp)
	}
}

func TestCreateRejectsInvalidAndSavesNothing(t *testing.T) {
	s := newService(t)
	c := sample("")
	c.Plan = nil
	c.Questions[0].ExpectedAnswer = " "
	c.DurationMinutes = 5
	_, err := s.Create(c)
	fe := fieldErrors(t, err)
	for _, f := range []string{"name", "plan", "questions[0].expectedAnswer", "durationMinutes"} {
		if fe[f] == "" {
			t.Errorf("no message for %s in %v", f, fe)
		}
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Errorf("invalid create stored %d templates", len(list))
	}
}

func TestNamesAreUnique(t *testing.T) {
	s := newService(t)
	a, _ := s.Create(sample("Go"))
	if _, err := s.Create(sample("go")); fieldErrors(t, err)["name"] == "" {
		t.Error("a second template named go (case-insensitively equal) was accepted")
	}
	b, _ := s.Create(sample("Python"))
	if _, err := s.Update(b.ID, sample("GO")); err == nil {
		t.Error("renaming onto an existing name was accepted")
	}
	if _, err := s.Update(a.ID, sample("Go")); err != nil {
		t.Errorf("saving a template under its own name: %v", err)
	}
}

func TestUpdateReorderKeepsIDs(t *testing.T) {
	s := newService(t)
	tpl, _ := s.Create(sample("Go"))
	c := tpl.Content
	c.Plan = []Topic{c.Plan[1], c.Plan[0]}
	got, err := s.Update(tpl.ID, c)
	if err != nil {
		t.Fatal(err)
	}
	if got.Plan[0].ID != tpl.Plan[1].ID || got.Plan[0].Title != "Motivation" {
		t.Errorf("reordered plan = %+v", got.Plan)
	}
}

func TestDuplicateNamesCopies(t *testing.T) {
	s := newService(t)
	tpl, _ := s.Create(sample("Go"))
	first, err := s.Duplicate(tpl.ID)
	if err != nil {
		t.Fatal(err)
	}
	second, _ := s.Duplicate(tpl.ID)
	if first.Name != "Go (copy)" || second.Name != "Go (copy 2)" || first.ID == tpl.ID {
		t.Errorf("duplicates named %q and %q", first.Name, second.Name)
	}
	if _, err := s.Duplicate("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("duplicate unknown: %v, want ErrNotFound", err)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	s := newService(t)
	tpl, _ := s.Create(sample("Go"))
	data, err := s.Export(tpl.ID)
	if err != nil {
		t.Fatal(err)
	}
	imported, err := s.Import(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(imported) != 1 || imported[0].Name != "Go (2)" || imported[0].ID == tpl.ID {
		t.Fatalf("imported %+v: want a new template named Go (2)", imported)
	}
	got, _ := s.Get(imported[0].ID)
	if got.Questions[0].ExpectedAnswer != tpl.Questions[0].ExpectedAnswer || got.Plan[1].ID != tpl.Plan[1].ID {
		t.Errorf("round trip lost content: %+v", got)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"not json", `hello`, "not an InterviewDesk template file"},
		{"wrong format", `{"format":"x","templates":[]}`, `format is "x"`},
		{"unknown field", `{"format":"interviewdesk.templates/v1","templates":[{"name":"A","plan":[{"title":"T"}],"qestions":[]}]}`, `unknown field "qestions"`},
		{"second invalid", `{"format":"interviewdesk.templates/v1","templates":[
			{"name":"A","plan":[{"title":"T"}]},
			{"name":"B","plan":[{"title":"T"}],"questions":[{"text":"Q","alternative":"A"}]}]}`,
			"templates[1].questions[0].expectedAnswer"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newService(t)
			_, err := s.Import([]byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to mention %q", err, tc.want)
			}
			if list, _ := s.List(); len(list) != 0 {
				t.Errorf("failed import stored %d templates", len(list))
			}
		})
	}
}

func TestParseFileLeavesIDsAlone(t *testing.T) {
	file := `{"format":"interviewdesk.templates/v1","templates":[{"name":"A","plan":[{"title":"T"},{"id":"keep","title":"U"}]}]}`
	got, err := ParseFile([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Plan[0].ID != "" || got[0].Plan[1].ID != "keep" {
		t.Errorf("ParseFile changed topic IDs: %+v", got[0].Plan)
	}
	s := newService(t)
	if err := s.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	list, _ := s.List()
	for _, sm := range list {
		tpl, _ := s.Get(sm.ID)
		for _, tp := range tpl.Plan {
			if other, dup := seen[tp.ID]; dup || len(tp.ID) < 32 {
				t.Errorf("topic ID %q of %s is short or also used by %s", tp.ID, tpl.Name, other)
			}
			seen[tp.ID] = tpl.Name
		}
	}
}

// Text from a paste follows the one text rule: tabs and no-break spaces in
// one-line fields become spaces, code keeps its tabs, and a control character
// is a field error naming it.
func TestTemplateTextFollowsTheTextRule(t *testing.T) {
	s := newService(t)
	c := sample("Go\tbackend\u00a0")
	c.Plan[0].Title = "Experience\t"
	c.Questions[0].StarterCode = "func f() {\n\treturn\n}"
	c.Questions[0].Language = "go"
	tpl, err := s.Create(c)
	if err != nil {
		t.Fatal(err)
	}
	if tpl.Name != "Go backend" || tpl.Plan[0].Title != "Experience" || tpl.Questions[0].StarterCode != "func f() {\n\treturn\n}" {
		t.Errorf("stored %q, %q, %q", tpl.Name, tpl.Plan[0].Title, tpl.Questions[0].StarterCode)
	}
	bad := sample("Go")
	bad.Questions[0].ExpectedAnswer = "ring\x07"
	_, err = s.Create(bad)
	if fe := fieldErrors(t, err); !strings.Contains(fe["questions[0].expectedAnswer"], "U+0007") {
		t.Errorf("a bell in an answer: %v", fe)
	}
}
