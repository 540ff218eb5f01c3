package candidates

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportCreatesCandidatesAndMovesStages(t *testing.T) {
	f := setup(t)
	f.schedule("Ivan Petrov", "ivan@example.com", "Data engineer", 3)
	report, err := f.svc.Import("results.json", readTestdata(t, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	if report.Imported != 2 || report.Created != 2 || report.Updated != 0 || report.NewCandidates != 1 {
		t.Errorf("report = %+v, want 2 new results and Olivia a new candidate", report)
	}
	olivia := f.get("olivia@example.com")
	if stage(olivia, "Backend engineer") != TakehomeDone || len(olivia.Takehome) != 1 || olivia.Takehome[0].Tasks != 2 {
		t.Errorf("Olivia = %+v; want Backend engineer at Take-home done with the result", olivia)
	}
	// Ivan's result names no position: his scheduled interview keeps its stage.
	if ivan := f.get("ivan@example.com"); stage(ivan, "Data engineer") != LiveScheduled || len(ivan.Takehome) != 1 {
		t.Errorf("Ivan = %+v", ivan)
	}
	results, err := f.svc.Results(olivia.ID)
	if err != nil || len(results) != 1 {
		t.Fatalf("results: %v %v", results, err)
	}
	r := results[0]
	task := r.Tasks[1]
	if r.Score != 82 || task.EditorLanguage != "go" || task.Tests[1].Passed || task.Tests[1].Message == "" ||
		!strings.Contains(r.Tasks[0].Code, "counts[l]++") || r.Source != "results.json" {
		t.Errorf("result = %+v", r)
	}
}

func TestReimportUpdatesInsteadOfDuplicating(t *testing.T) {
	f := setup(t)
	first, err := f.svc.Import("results.json", readTestdata(t, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	*f.clock = f.clock.AddDate(0, 0, 1)
	again, err := f.svc.Import("results.csv", readTestdata(t, "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if again.Updated != 2 || again.Created != 0 || again.NewCandidates != 0 {
		t.Fatalf("re-import = %+v, want both updated", again)
	}
	if again.Results[0].ID != first.Results[0].ID || again.Results[1].ID != first.Results[1].ID {
		t.Errorf("re-imported results got new IDs: %v / %v", first.Results, again.Results)
	}
	results, err := f.svc.Results("olivia@example.com")
	if err != nil || len(results) != 1 {
		t.Fatalf("Olivia's results: %d, %v; want one", len(results), err)
	}
	if r := results[0]; r.Score != 85 || len(r.Tasks) != 2 || r.Source != "results.csv" {
		t.Errorf("after the CSV summary: score %v, %d tasks, from %s; want 85, the 2 tasks kept", r.Score, len(r.Tasks), r.Source)
	}
	if c := f.get("ivan@example.com"); len(c.Takehome) != 1 || c.Takehome[0].Score != 8 || c.Name != "Ivan Petrov" {
		t.Errorf("Ivan = %+v; want one result, updated, and his name as first given", c)
	}
}

func TestImportOfABadFileStoresNothing(t *testing.T) {
	good := `{"candidate": {"name": "Mei Chen", "email": "mei@example.com"}, "assessment": "SQL", "completedAt": "2026-11-20", "score": 1, "maxScore": 2}`
	file := func(results ...string) string {
		return `{"format": "interviewdesk.assessment-results/v1", "results": [` + strings.Join(results, ",\n") + "]}"
	}
	tests := []struct {
		name, file string
		want       []validation.Problem // line and field, and a word of the message
	}{
		{"not json", `{"format": `, []validation.Problem{{Message: "ends before"}}},
		{"syntax", "{\n\"format\": \"x\",,\n}", []validation.Problem{{Message: "line 2"}}},
		{"wrong format", `{"format": "templates", "results": []}`, []validation.Problem{
			{Line: 1, Field: "format", Message: "not a results file"}, {Line: 1, Field: "results", Message: "no results"}}},
		{"unknown and missing", file(good, `{"candidate": {"name": "Ivan"},
"assessment": "SQL", "completedAt": "2026-11-20", "score": 1, "maxScore": 2, "scroe": 3}`), []validation.Problem{
			{Line: 2, Field: "results[1].candidate.email", Message: "Required"},
			{Line: 3, Field: "results[1].scroe", Message: "Unknown field"}}},
		{"types", file(good, `{"candidate": {"name": "Ivan", "email": "ivan@example.com"}, "assessment": "SQL",
"completedAt": "yesterday",
"score": "high", "maxScore": 2}`), []validation.Problem{
			{Line: 3, Field: "results[1].completedAt", Message: "RFC 3339"},
			{Line: 4, Field: "results[1].score", Message: "Must be a number"}}},
		{"values", file(`{"candidate": {"name": "Ivan", "email": "not-an-address"}, "assessment": "SQL",
"completedAt": "2026-11-20", "score": 3, "maxScore": 2,
"tasks": [{"title": "Join", "score": 9, "maxScore": 5, "timeSpentSeconds": -1}]}`), []validation.Problem{
			{Line: 1, Field: "results[0].candidate.email", Message: "email address"},
			{Line: 2, Field: "results[0].score", Message: "more than the maximum"},
			{Line: 3, Field: "results[0].tasks[0].score", Message: "more than the maximum"},
			{Line: 3, Field: "results[0].tasks[0].timeSpentSeconds", Message: "seconds"}}},
		{"twice in the file", file(good, good), []validation.Problem{{Line: 2, Field: "results[1]", Message: "line 1"}}},
		{"csv", "candidate_name,candidate_email,assessment,completed_at,score,max_score\n" +
			"Mei Chen,mei@example.com,SQL,2026-11-20,1,2\n" +
			"Ivan,ivan@example.com,SQL,2026-11-20,ten,2\n" +
			"Ana,ana@example.com,SQL,2026-11-20,1\n", []validation.Problem{
			{Line: 3, Field: "score", Message: "Must be a number"}, {Line: 4, Message: "5 cells"}}},
		{"csv header", "name,email,assessment\nMei,mei@example.com,SQL\n", []validation.Problem{
			{Line: 1, Field: "name", Message: "Unknown column"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := setup(t)
			name := "results.json"
			if strings.HasPrefix(tc.name, "csv") {
				name = "results.csv"
			}
			_, err := f.svc.Import(name, []byte(tc.file))
			var got validation.FileErrors
			if !errors.As(err, &got) {
				t.Fatalf("import: %v, want file problems", err)
			}
			for _, w := range tc.want {
				found := false
				for _, p := range got {
					if p.Line == w.Line && p.Field == w.Field && strings.Contains(p.String(), w.Message) {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem at line %d, %s saying %q in:\n%v", w.Line, w.Field, w.Message, got)
				}
			}
			if _, err := f.svc.Get("mei@example.com"); !errors.Is(err, ErrNotFound) {
				t.Errorf("the good result of a bad file was stored (%v)", err)
			}
		})
	}
}

func TestAnIDBelongsToOneCandidate(t *testing.T) {
	f := setup(t)
	if _, err := f.svc.Import("results.json", readTestdata(t, "results.json")); err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(readTestdata(t, "results.json")), `"olivia@example.com"`, `"someone@example.com"`, 1)
	_, err := f.svc.Import("results.json", []byte(other))
	var got validation.FileErrors
	if !errors.As(err, &got) || len(got) != 1 || got[0].Field != "results[0].id" || got[0].Line != 5 {
		t.Errorf("the id of Olivia's result for someone else: %v", err)
	}
}

func TestAnInterviewBringsOnlyItsCandidatesResults(t *testing.T) {
	f := setup(t)
	report, err := f.svc.Import("results.json", readTestdata(t, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	olivias, ivans := report.Results[0].ID, report.Results[1].ID
	in := interviews.NewInterview{TemplateID: f.tpl.ID, Position: "Backend engineer", CandidateName: "Olivia Diaz",
		CandidateEmail: "olivia@example.com", When: interviews.Now, TakehomeID: ivans}
	_, err = f.ivs.Create(in)
	var fe validation.Errors
	if !errors.As(err, &fe) || !strings.Contains(fe["takehomeId"], "Ivan Petrov") {
		t.Fatalf("an interview with someone else's results: %v", err)
	}
	if c := f.get("olivia@example.com"); len(c.Interviews) != 0 {
		t.Errorf("the refused interview reached the candidate: %+v", c.Interviews)
	}
	in.TakehomeID = olivias
	iv, err := f.ivs.Create(in)
	if err != nil || iv.TakehomeID != olivias {
		t.Fatalf("an interview with her own results: %+v %v", iv, err)
	}
	if c := f.get("olivia@example.com"); stage(c, "Backend engineer") != LiveScheduled {
		t.Errorf("stage = %s, want Live interview scheduled", stage(c, "Backend engineer"))
	}
}
