package web

import (
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// The Overview: finished interviews with their scores, for the hiring team.

// OverviewRow is one finished interview with its analysis at a glance
// (absent before the first analysis).
type OverviewRow struct {
	Interview interviews.Summary `json:"interview"`
	Analysis  *analysis.Summary  `json:"analysis,omitempty"`
}

// Overview lists finished interviews, the latest first.
type Overview struct {
	Rows []OverviewRow `json:"rows"`
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) error {
	list, _, err := s.svc.Interviews.List(interviews.ListQuery{Tense: interviews.Past, Limit: 500, Interviewer: onlyOwn(callerOf(r))})
	if err != nil {
		return err
	}
	rows := []OverviewRow{}
	var ids []string
	for _, iv := range list {
		if iv.Status == interviews.Finished {
			rows = append(rows, OverviewRow{Interview: iv})
			ids = append(ids, iv.ID)
		}
	}
	if s.svc.Analysis != nil {
		sums, err := s.svc.Analysis.Summaries(ids)
		if err != nil {
			return err
		}
		for i := range rows {
			if sum, ok := sums[rows[i].Interview.ID]; ok {
				rows[i].Analysis = &sum
			}
		}
	}
	writeJSON(w, http.StatusOK, Overview{Rows: rows})
	return nil
}
