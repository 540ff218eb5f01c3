package web

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/backup"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
)

// Privacy: an interview's consent record and its deletion for good,
// retention, a candidate's export and erasure, backups and the audit log.
// Every change records who made it (audit.From of the request's context).

var errNoPrivacy = fault.Explain(fault.Unavailable, nil, "This host keeps no privacy services.")

func (s *Server) privacy() (*privacy.Service, error) {
	if s.svc.Privacy == nil {
		return nil, errNoPrivacy
	}
	return s.svc.Privacy, nil
}

// actorOf is who makes request r: a signed-in account (its email), the
// console (the desktop window, or a browser signed in with the console
// link) or the CLI (the key as a Bearer token).
func (s *Server) actorOf(r *http.Request) audit.Actor {
	switch c := callerOf(r); c.how {
	case userSession:
		return audit.Actor{Name: c.user.Email, Via: audit.ViaConsole}
	case bearerKey:
		return audit.By(audit.ViaCLI)
	}
	return audit.By(audit.ViaConsole)
}

// withActor puts who makes r in its context, for the audit log.
func (s *Server) withActor(r *http.Request) *http.Request {
	return r.WithContext(audit.With(r.Context(), s.actorOf(r)))
}

// settingsChanges are the settings routes the audit log records, with what
// each changes; retention records its own.
var settingsChanges = map[string]struct{ subject, text string }{
	"PUT /api/settings":          {"organizer", "Changed the organizer or the default time zone."},
	"PUT /api/settings/mail":     {"mail", "Changed the email settings."},
	"PUT /api/settings/runner":   {"runner", "Changed the code runner settings."},
	"PUT /api/settings/media":    {"media", "Changed the media server settings."},
	"PUT /api/settings/analysis": {"analysis", "Changed the analysis engines."},
}

// audited records a successful call of a settings route in the audit log.
func (s *Server) audited(route string, h func(w http.ResponseWriter, r *http.Request) error) func(w http.ResponseWriter, r *http.Request) error {
	change, ok := settingsChanges[route]
	if !ok {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := h(w, r); err != nil {
			return err
		}
		if s.svc.Audit != nil {
			if err := s.svc.Audit.Record(r.Context(), audit.Settings, change.subject, change.text); err != nil {
				s.log.Error("audit a settings change", "route", route, "err", err)
			}
		}
		return nil
	}
}

// signedIn records a sign-in to the console with the console link.
func (s *Server) signedIn(r *http.Request) {
	s.auditAs(r, audit.By(audit.ViaConsole), audit.SignIn, "", "Signed in to the console with a sign-in link from "+r.RemoteAddr+".")
}

// auditAs records what actor did in the audit log; a failure is logged.
func (s *Server) auditAs(r *http.Request, actor audit.Actor, kind audit.Kind, subject, text string) {
	if s.svc.Audit == nil {
		return
	}
	if err := s.svc.Audit.Record(audit.With(r.Context(), actor), kind, subject, text); err != nil {
		s.log.Error("audit", "kind", kind, "err", err)
	}
}

func (s *Server) consentRecord(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	rec, err := p.Consent(r.PathValue("id"))
	return answer(w, http.StatusOK, rec, err)
}

func (s *Server) purgePreview(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	c, err := p.Preview(r.PathValue("id"))
	return answer(w, http.StatusOK, c, err)
}

func (s *Server) purge(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	c, err := p.DeleteInterview(r.Context(), r.PathValue("id"), "")
	return answer(w, http.StatusOK, c, err)
}

func (s *Server) getRetention(w http.ResponseWriter, _ *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	ret, err := p.Retention()
	return answer(w, http.StatusOK, ret, err)
}

func (s *Server) putRetention(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	var in privacy.RetentionSettings
	if err := decode(r, &in); err != nil {
		return err
	}
	ret, err := p.SetRetention(r.Context(), in)
	return answer(w, http.StatusOK, ret, err)
}

func (s *Server) retentionPreview(w http.ResponseWriter, _ *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	plan, err := p.PreviewRetention()
	return answer(w, http.StatusOK, plan, err)
}

func (s *Server) retentionApply(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	run, err := p.ApplyRetention(r.Context(), privacy.ByHand)
	return answer(w, http.StatusOK, run, err)
}

func (s *Server) retentionLog(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	before, limit, err := pageQuery(r)
	if err != nil {
		return err
	}
	log, err := p.RetentionRuns(before, limit)
	return answer(w, http.StatusOK, log, err)
}

// CandidateEmail names a candidate by their email address.
type CandidateEmail struct {
	Email string `json:"email"`
}

func (s *Server) candidateData(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	d, err := p.Candidate(r.URL.Query().Get("email"))
	return answer(w, http.StatusOK, d, err)
}

// fromHere refuses a download that makes something (a backup, an export)
// when a page of another origin asked for it: it could not read the answer,
// but the archive would still be made and logged. The CLI sends no
// Sec-Fetch-Site; the console's own pages send same-origin.
func (s *Server) fromHere(r *http.Request) error {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return nil
	}
	if s.trusted {
		return nil
	}
	return fault.Explain(fault.Permission, nil, "Another site's page cannot ask for a backup or a candidate's data. Open it from the console.")
}

func (s *Server) candidateExport(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	if err := s.fromHere(r); err != nil {
		return err
	}
	email := r.URL.Query().Get("email")
	d, err := p.Candidate(email)
	if err != nil {
		return err
	}
	name := "candidate"
	if len(d.Names) > 0 {
		name = d.Names[0]
	}
	attach(w, "application/zip", fmt.Sprintf("InterviewDesk data – %s.zip", name))
	if _, err := p.Export(r.Context(), email, w); err != nil {
		s.log.Error("candidate export cut off", "candidate", audit.CandidateRef(email), "err", err)
	}
	return nil
}

func (s *Server) candidateErase(w http.ResponseWriter, r *http.Request) error {
	p, err := s.privacy()
	if err != nil {
		return err
	}
	var in CandidateEmail
	if err := decode(r, &in); err != nil {
		return err
	}
	d, err := p.Erase(r.Context(), in.Email)
	return answer(w, http.StatusOK, d, err)
}

// BackupStatus is what the console shows of backups.
type BackupStatus struct {
	// Last is the last backup made through this host; absent before the first.
	Last *backup.Last `json:"last,omitempty"`
	// DataDir is the data folder backed up.
	DataDir string `json:"dataDir"`
}

func (s *Server) backupStatus(w http.ResponseWriter, _ *http.Request) error {
	if s.svc.Backups == nil {
		return errNoPrivacy
	}
	last, ok, err := s.svc.Backups.Last()
	st := BackupStatus{DataDir: s.cfg.DataDir}
	if ok {
		st.Last = &last
	}
	return answer(w, http.StatusOK, st, err)
}

func (s *Server) backupArchive(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Backups == nil {
		return errNoPrivacy
	}
	if err := s.fromHere(r); err != nil {
		return err
	}
	withMedia := false
	if v := r.URL.Query().Get("media"); v != "" {
		var err error
		if withMedia, err = strconv.ParseBool(v); err != nil {
			return fmt.Errorf("%w: media is true or false, not %q", errBadRequest, v)
		}
	}
	attach(w, "application/zip", "interviewdesk-backup-"+s.now().UTC().Format("2006-01-02-150405")+".zip")
	if _, err := s.svc.Backups.Write(r.Context(), w, withMedia); err != nil {
		s.log.Error("backup cut off", "err", err)
	}
	return nil
}

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Audit == nil {
		return errNoPrivacy
	}
	before, limit, err := pageQuery(r)
	if err != nil {
		return err
	}
	page, err := s.svc.Audit.List(audit.Query{Kind: audit.Kind(r.URL.Query().Get("kind")), Before: before, Limit: limit})
	return answer(w, http.StatusOK, page, err)
}

// pageQuery reads before= and limit= (both optional).
func pageQuery(r *http.Request) (before uint64, limit int, err error) {
	q := r.URL.Query()
	if v := q.Get("before"); v != "" {
		if before, err = strconv.ParseUint(v, 10, 64); err != nil {
			return 0, 0, fmt.Errorf("%w: before is a number from the previous page's next, not %q", errBadRequest, v)
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			return 0, 0, fmt.Errorf("%w: limit is a positive number, not %q", errBadRequest, v)
		}
	}
	return before, limit, nil
}

// attach starts a file answer named name.
func attach(w http.ResponseWriter, contentType, name string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}
