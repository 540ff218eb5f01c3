package web

import (
	"net/http"
	"strconv"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// The candidates' routes (docs/api.md, "Candidates"): search, profiles,
// stages, the pipeline and take-home results.

// StageMove moves one application of a candidate to a stage.
type StageMove struct {
	Position string           `json:"position"`
	Stage    candidates.Stage `json:"stage"`
}

// ResultsFile is a take-home results file to import: its name (.json or
// .csv tells the format) and its text.
type ResultsFile struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// CandidateInterviews are a candidate's interviews: upcoming soonest first,
// then past and cancelled ones, the latest first.
type CandidateInterviews struct {
	Interviews []interviews.Summary `json:"interviews"`
}

// CandidateResults are a candidate's take-home results with their work,
// the latest completed first.
type CandidateResults struct {
	Results []candidates.Result `json:"results"`
}

func (s *Server) listCandidates(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	list, err := s.svc.Candidates.Search(candidates.Query{Text: q.Get("q"), Since: candidates.Since(q.Get("since")),
		Position: q.Get("position"), Limit: limit})
	return answer(w, http.StatusOK, list, err)
}

func (s *Server) getCandidate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Candidates.Get(r.PathValue("id"))
	return answer(w, http.StatusOK, c, err)
}

func (s *Server) updateCandidate(w http.ResponseWriter, r *http.Request) error {
	var u candidates.Update
	if err := decode(r, &u); err != nil {
		return err
	}
	c, err := s.svc.Candidates.Update(r.PathValue("id"), u)
	return answer(w, http.StatusOK, c, err)
}

func (s *Server) moveStage(w http.ResponseWriter, r *http.Request) error {
	var m StageMove
	if err := decode(r, &m); err != nil {
		return err
	}
	c, err := s.svc.Candidates.MoveStage(r.PathValue("id"), m.Position, m.Stage)
	return answer(w, http.StatusOK, c, err)
}

func (s *Server) candidateInterviews(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Candidates.Interviews(r.PathValue("id"))
	if list == nil {
		list = []interviews.Summary{}
	}
	return answer(w, http.StatusOK, CandidateInterviews{Interviews: list}, err)
}

func (s *Server) candidateResults(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Candidates.Results(r.PathValue("id"))
	if list == nil {
		list = []candidates.Result{}
	}
	return answer(w, http.StatusOK, CandidateResults{Results: list}, err)
}

func (s *Server) importResults(w http.ResponseWriter, r *http.Request) error {
	var f ResultsFile
	if err := decode(r, &f); err != nil {
		return err
	}
	if f.Content == "" {
		return validation.Errors{"content": "The file is empty. Choose a results file (docs/assessment-format.md)."}
	}
	report, err := s.svc.Candidates.Import(f.Name, []byte(f.Content))
	return answer(w, http.StatusOK, report, err)
}

func (s *Server) pipeline(w http.ResponseWriter, r *http.Request) error {
	p, err := s.svc.Candidates.Pipeline(r.URL.Query().Get("position"))
	return answer(w, http.StatusOK, p, err)
}
