package web

import (
	"mime"
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/report"
)

// The interview's report: the same document as JSON for the console, and as
// files to download and send (HTML, PDF).

// interviewReport gathers interview id's report from the room log and the
// analysis; it refuses an interview that has not ended.
func (s *Server) interviewReport(r *http.Request) (report.Report, error) {
	return s.reportOf(r.PathValue("id"))
}

// reportOf gathers interview id's report.
func (s *Server) reportOf(id string) (report.Report, error) {
	var analyses report.Analyses
	if s.svc.Analysis != nil {
		analyses = s.svc.Analysis
	}
	return report.Gather(s.svc.Rooms, analyses, id)
}

func (s *Server) getReport(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.interviewReport(r)
	return answer(w, http.StatusOK, rep, err)
}

func (s *Server) reportHTML(w http.ResponseWriter, r *http.Request) error {
	return s.reportFile(w, r, "html", "text/html; charset=utf-8", report.HTML)
}

func (s *Server) reportPDF(w http.ResponseWriter, r *http.Request) error {
	return s.reportFile(w, r, "pdf", "application/pdf", report.PDF)
}

// reportFile answers the report written by write as an attachment named
// "Report – CANDIDATE – DATE.ext".
func (s *Server) reportFile(w http.ResponseWriter, r *http.Request, ext, contentType string,
	write func(report.Report) ([]byte, error)) error {
	rep, err := s.interviewReport(r)
	if err != nil {
		return err
	}
	data, err := write(rep)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": rep.FileName(ext)}))
	// The file stands alone: it may load nothing, wherever it is opened.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	_, err = w.Write(data)
	return err
}
