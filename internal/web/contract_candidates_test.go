package web

import (
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// callCandidateRoutes calls the candidates' routes once the interview with
// Olivia Diaz <olivia@example.com> for "Backend engineer" exists.
func callCandidateRoutes(t *testing.T, call func(method, path string, body any, status int) []byte, tpl string) {
	t.Helper()
	call("GET", "/api/candidates?q=backend&since=3m", nil, 200)
	call("GET", "/api/candidates?since=forever", nil, 422)

	file, err := os.ReadFile("../candidates/testdata/results.json")
	if err != nil {
		t.Fatal(err)
	}
	var report candidates.ImportReport
	if err := json.Unmarshal(call("POST", "/api/candidates/import", ResultsFile{Name: "results.json", Content: string(file)}, 200), &report); err != nil ||
		report.Imported != 2 || report.NewCandidates != 1 {
		t.Errorf("import: %+v, %v; want 2 results and Ivan a new candidate", report, err)
	}
	bad := strings.Replace(string(file), `"score": 82`, `"score": 182`, 1)
	var refused errorAnswer
	if err := json.Unmarshal(call("POST", "/api/candidates/import", ResultsFile{Name: "results.json", Content: bad}, 422), &refused); err != nil ||
		len(refused.Error.Problems) != 1 || refused.Error.Problems[0].Line != 10 || refused.Error.Problems[0].Field != "results[0].score" {
		t.Errorf("a bad file's answer: %+v, %v; want its one problem on line 10", refused, err)
	}
	call("POST", "/api/candidates/import", ResultsFile{Name: "results.json"}, 422)

	var olivia candidates.Candidate
	if err := json.Unmarshal(call("GET", "/api/candidates/"+url.PathEscape("Olivia@example.com"), nil, 200), &olivia); err != nil ||
		len(olivia.Interviews) != 1 || len(olivia.Takehome) != 1 {
		t.Fatalf("Olivia: %+v, %v; want her interview and her take-home result", olivia, err)
	}
	call("GET", "/api/candidates/nobody", nil, 404)
	notes := "Strong on Go."
	call("PUT", "/api/candidates/"+olivia.ID, candidates.Update{Notes: &notes}, 200)
	bogus, ivan := "not an address", "ivan@example.com"
	call("PUT", "/api/candidates/"+olivia.ID, candidates.Update{Email: &bogus}, 422)
	call("PUT", "/api/candidates/"+olivia.ID, candidates.Update{Email: &ivan}, 409)
	call("POST", "/api/candidates/"+olivia.ID+"/stage", StageMove{Position: "backend engineer", Stage: candidates.Interviewed}, 200)
	call("POST", "/api/candidates/"+olivia.ID+"/stage", StageMove{Position: "Frontend", Stage: candidates.Offer}, 422)
	call("GET", "/api/candidates/"+olivia.ID+"/interviews", nil, 200)
	call("GET", "/api/candidates/"+olivia.ID+"/results", nil, 200)
	call("GET", "/api/pipeline?position=Backend%20engineer", nil, 200)

	// An interview brings its own candidate's results only.
	with := interviews.NewInterview{TemplateID: tpl, Position: "Backend engineer", CandidateName: "Olivia Diaz",
		CandidateEmail: "olivia@example.com", When: interviews.Now, TakehomeID: report.Results[1].ID}
	call("POST", "/api/interviews", with, 422)
}
