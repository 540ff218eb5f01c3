package web

import (
	"net/http"
	"path/filepath"
	"strconv"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// The interview's analysis: transcript, per-answer scores with evidence,
// the overall score, and the interviewers' overrides.

// errNoAnalysis answers on a host built without the analysis.
var errNoAnalysis = fault.New(fault.Unavailable, "this host does not analyse interviews")

// Override is an interviewer's score for one answer.
type Override struct {
	Score  float64 `json:"score"`
	Reason string  `json:"reason,omitempty"`
}

func (s *Server) getAnalysis(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Analysis == nil {
		return errNoAnalysis
	}
	a, err := s.svc.Analysis.Get(r.PathValue("id"))
	return answer(w, http.StatusOK, a, err)
}

func (s *Server) runAnalysis(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Analysis == nil {
		return errNoAnalysis
	}
	a, err := s.svc.Analysis.Queue(r.PathValue("id"))
	return answer(w, http.StatusAccepted, a, err)
}

func (s *Server) overrideScore(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Analysis == nil {
		return errNoAnalysis
	}
	index, err := strconv.Atoi(r.PathValue("question"))
	if err != nil || index < 1 {
		return fault.Explain(fault.Invalid, err, "questions are numbered from 1")
	}
	var o Override
	if err := decode(r, &o); err != nil {
		return err
	}
	st, err := s.svc.Settings.Get()
	if err != nil {
		return err
	}
	a, err := s.svc.Analysis.Override(r.PathValue("id"), index-1, o.Score, o.Reason, st.Organizer.Name)
	return answer(w, http.StatusOK, a, err)
}

// combinedRecording serves the interview's one combined recording (range
// requests included) in the layout of the path (picture-in-picture without
// one), once it is built.
func (s *Server) combinedRecording(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Analysis == nil {
		return errNoAnalysis
	}
	layout := analysis.LayoutName(r.PathValue("layout"))
	file, err := s.svc.Analysis.RecordingFile(r.PathValue("id"), layout)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "video/webm")
	w.Header().Set("Content-Disposition", `inline; filename="`+filepath.Base(file)+`"`)
	http.ServeFile(w, r, file)
	return nil
}

// buildLayout asks for the combined recording in another layout.
func (s *Server) buildLayout(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Analysis == nil {
		return errNoAnalysis
	}
	a, err := s.svc.Analysis.BuildLayout(r.PathValue("id"), analysis.LayoutName(r.PathValue("layout")))
	return answer(w, http.StatusAccepted, a, err)
}
