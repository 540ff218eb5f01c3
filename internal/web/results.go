package web

import (
	"errors"
	"mime"
	"net/http"
	"net/url"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/report"
)

// An interviewer's way to an interview's results. Their room link, once the
// interview has ended, leads on (/room/{token}/results): to the interview in
// the console when this browser is signed in with a right to it, else to
// their own results link (/results/{token}), a read-only page of the report
// that works without an account, for that one interview only, until the
// interviewer is removed or the organizer closes the results links.

// resultsFor answers /room/{token}/results.
func (s *Server) resultsFor(w http.ResponseWriter, r *http.Request) {
	s.guarded(w, r, "link", func() bool {
		iv, token, err := s.svc.Interviews.ResultsLink(r.PathValue("token"))
		switch {
		case errors.Is(err, interviews.ErrNotFound):
			s.page(w, http.StatusNotFound, linkPage{Title: "This link does not work",
				Message: "We could not find an interview for this link. Check that you copied the whole link from your invitation."})
			return true
		case errors.Is(err, interviews.ErrConflict):
			s.page(w, http.StatusConflict, linkPage{Title: "No results here yet", Message: fault.Text(err)})
		case err != nil:
			s.log.Error("results link", "err", err)
			s.page(w, http.StatusInternalServerError, linkPage{Title: "Something went wrong",
				Message: "The interview host could not open the results. Try again in a minute."})
		case s.mayOpen(r, iv):
			http.Redirect(w, r, "/#/interviews/"+url.PathEscape(iv.ID), http.StatusSeeOther)
		default:
			http.Redirect(w, r, links.NewURLs("").For(links.Results, token), http.StatusSeeOther)
		}
		return false
	})
}

// mayOpen reports whether r's console sign-in may open iv in the console.
func (s *Server) mayOpen(r *http.Request, iv interviews.Interview) bool {
	c := s.identify(r)
	return c.how != noCredential && (onlyOwn(c) == "" || interviewerOf(iv, c.user.Email))
}

// resultsPage answers /results/{token}: the interview's report, read-only.
func (s *Server) resultsPage(w http.ResponseWriter, r *http.Request) {
	s.guarded(w, r, "link", func() bool {
		iv, l, err := s.svc.Interviews.ResolveLink(r.PathValue("token"))
		if errors.Is(err, interviews.ErrNotFound) || err == nil && l.Kind != links.Results {
			s.page(w, http.StatusNotFound, linkPage{Title: "This results link does not work",
				Message: "It may have been closed by the organizer, or the interviewer it was made for was removed. Ask the organizer for the results."})
			return true
		}
		if err == nil && s.mayOpen(r, iv) {
			http.Redirect(w, r, "/#/interviews/"+url.PathEscape(iv.ID), http.StatusSeeOther)
			return false
		}
		var page []byte
		if err == nil {
			page, err = s.resultsHTML(iv.ID)
		}
		if err != nil {
			s.log.Error("results page", "err", err)
			s.page(w, http.StatusInternalServerError, linkPage{Title: "Something went wrong",
				Message: "The interview host could not make the results page. Try again in a minute."})
			return false
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": "results.html"}))
		// The report stands alone: it may load nothing.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
		_, _ = w.Write(page)
		return false
	})
}

// resultsHTML is interview id's report as one HTML page.
func (s *Server) resultsHTML(id string) ([]byte, error) {
	rep, err := s.reportOf(id)
	if err != nil {
		return nil, err
	}
	return report.HTML(rep)
}

func (s *Server) closeResults(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.RevokeResults(r.PathValue("id"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}
