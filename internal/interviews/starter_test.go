package interviews

import (
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// TestCreateCopiesStarterCode: the room loads a question's starter code from
// the interview's own copy, which later template edits leave alone.
func TestCreateCopiesStarterCode(t *testing.T) {
	f := setup(t)
	c := f.tpl.Content
	c.Questions = []templates.Question{
		{Text: "Reverse a list", Alternative: "A", ExpectedAnswer: "E", StarterCode: "func reverse(xs []int) {\n}\n", Language: templates.Go},
		{Text: "No code", Alternative: "A", ExpectedAnswer: "E"},
	}
	tpl, err := f.svc.templates.Update(f.tpl.ID, c)
	if err != nil {
		t.Fatal(err)
	}
	created, err := f.svc.Create(f.valid())
	if err != nil {
		t.Fatal(err)
	}
	c = tpl.Content
	c.Questions[0].StarterCode, c.Questions[0].Language = "print()", templates.Python
	if _, err := f.svc.templates.Update(tpl.ID, c); err != nil {
		t.Fatal(err)
	}
	iv, err := f.svc.Get(created.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		code string
		lang templates.Language
	}{{"func reverse(xs []int) {\n}\n", templates.Go}, {"", ""}}
	for i, w := range want {
		if q := iv.Questions[i]; q.StarterCode != w.code || q.Language != w.lang {
			t.Errorf("question %d: starter code (%q, %q), want (%q, %q)", i, q.StarterCode, q.Language, w.code, w.lang)
		}
	}
}
