package web

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{
		"version": s.cfg.Version, "dataDir": s.cfg.DataDir, "publicUrl": s.cfg.PublicURL,
	})
	return nil
}

type settingsView struct {
	settings.Settings
	PublicURL string `json:"publicUrl"`
}

func (s *Server) getSettings(w http.ResponseWriter, r *http.Request) error {
	st, err := s.svc.Settings.Get()
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, settingsView{st, s.cfg.PublicURL})
	return nil
}

func (s *Server) putSettings(w http.ResponseWriter, r *http.Request) error {
	current, err := s.svc.Settings.Get()
	if err != nil {
		return err
	}
	in := current
	if err := decode(r, &in); err != nil {
		return err
	}
	st, err := s.svc.Settings.Put(in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, settingsView{st, s.cfg.PublicURL})
	return nil
}

// Templates.

func (s *Server) listTemplates(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Templates.List()
	if err != nil {
		return err
	}
	if list == nil {
		list = []templates.Summary{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"templates": list})
	return nil
}

func (s *Server) getTemplate(w http.ResponseWriter, r *http.Request) error {
	t, err := s.svc.Templates.Get(r.PathValue("id"))
	return answer(w, http.StatusOK, t, err)
}

func (s *Server) createTemplate(w http.ResponseWriter, r *http.Request) error {
	var c templates.Content
	if err := decode(r, &c); err != nil {
		return err
	}
	t, err := s.svc.Templates.Create(c)
	return answer(w, http.StatusCreated, t, err)
}

func (s *Server) updateTemplate(w http.ResponseWriter, r *http.Request) error {
	var c templates.Content
	if err := decode(r, &c); err != nil {
		return err
	}
	t, err := s.svc.Templates.Update(r.PathValue("id"), c)
	return answer(w, http.StatusOK, t, err)
}

func (s *Server) deleteTemplate(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.Templates.Delete(r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) duplicateTemplate(w http.ResponseWriter, r *http.Request) error {
	t, err := s.svc.Templates.Duplicate(r.PathValue("id"))
	return answer(w, http.StatusCreated, t, err)
}

func (s *Server) exportTemplate(w http.ResponseWriter, r *http.Request) error {
	data, err := s.svc.Templates.Export(r.PathValue("id"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(data)
	return err
}

func (s *Server) importTemplates(w http.ResponseWriter, r *http.Request) error {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	list, err := s.svc.Templates.Import(data)
	return answer(w, http.StatusCreated, map[string]any{"templates": list}, err)
}

// Interviews.

func (s *Server) listInterviews(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	list, total, err := s.svc.Interviews.List(interviews.ListQuery{
		Tense: interviews.Tense(q.Get("tense")), Text: q.Get("q"), Limit: limit})
	if err != nil {
		return err
	}
	if list == nil {
		list = []interviews.Summary{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"interviews": list, "total": total})
	return nil
}

func (s *Server) getInterview(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.Get(r.PathValue("id"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) createInterview(w http.ResponseWriter, r *http.Request) error {
	var in interviews.NewInterview
	if err := decode(r, &in); err != nil {
		return err
	}
	iv, err := s.svc.Interviews.Create(in)
	return s.answerInterview(w, http.StatusCreated, iv, err)
}

func (s *Server) rescheduleInterview(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		StartsAt string `json:"startsAt"`
		TimeZone string `json:"timeZone"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	iv, err := s.svc.Interviews.Reschedule(r.PathValue("id"), in.StartsAt, in.TimeZone)
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) addInterviewer(w http.ResponseWriter, r *http.Request) error {
	var p interviews.Person
	if err := decode(r, &p); err != nil {
		return err
	}
	iv, err := s.svc.Interviews.AddInterviewer(r.PathValue("id"), p)
	return s.answerInterview(w, http.StatusCreated, iv, err)
}

func (s *Server) removeInterviewer(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.RemoveInterviewer(r.PathValue("id"), r.PathValue("email"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) setTools(w http.ResponseWriter, r *http.Request) error {
	var t interviews.Tools
	if err := decode(r, &t); err != nil {
		return err
	}
	iv, err := s.svc.Interviews.SetTools(r.PathValue("id"), t)
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) cancelInterview(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.Cancel(r.PathValue("id"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) restoreInterview(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.Restore(r.PathValue("id"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func answer(w http.ResponseWriter, status int, v any, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, status, v)
	return nil
}

// interviewView is an interview as the console sees it: links instead of tokens,
// and without the plan and question copy (the room will serve those).
type interviewView struct {
	ID              string                 `json:"id"`
	Position        string                 `json:"position"`
	Candidate       interviews.Person      `json:"candidate"`
	Campaign        string                 `json:"campaign"`
	StartsAt        time.Time              `json:"startsAt"`
	TimeZone        string                 `json:"timeZone"`
	DurationMinutes int                    `json:"durationMinutes"`
	EndsAt          time.Time              `json:"endsAt"`
	Status          interviews.Status      `json:"status"`
	Tense           interviews.Tense       `json:"tense"`
	Template        interviews.TemplateRef `json:"template"`
	Tools           interviews.Tools       `json:"tools"`
	Interviewers    []interviewerView      `json:"interviewers"`
	CandidateLink   string                 `json:"candidateLink"`
	InterviewerLink string                 `json:"interviewerLink"`
	CreatedAt       time.Time              `json:"createdAt"`
	UpdatedAt       time.Time              `json:"updatedAt"`
	Sequence        int                    `json:"sequence"`
}

type interviewerView struct {
	interviews.Person
	Link string `json:"link"`
}

// Links makes the URLs of link tokens on a host whose public URL is Base.
type Links struct{ Base func() string }

// CandidateLink is the candidate's URL for token.
func (l Links) CandidateLink(token string) string {
	return strings.TrimRight(l.Base(), "/") + "/join/" + token
}

// InterviewerLink is an interviewer's URL for token.
func (l Links) InterviewerLink(token string) string {
	return strings.TrimRight(l.Base(), "/") + "/room/" + token
}

func (s *Server) links() Links { return Links{Base: func() string { return s.cfg.PublicURL }} }

func (s *Server) view(iv interviews.Interview) interviewView {
	v := interviewView{
		ID: iv.ID, Position: iv.Position, Candidate: iv.Candidate, Campaign: iv.Campaign,
		StartsAt: iv.StartsAt, TimeZone: iv.TimeZone, DurationMinutes: iv.DurationMinutes,
		EndsAt: iv.EndsAt(), Status: iv.Status, Tense: iv.TenseAt(s.now()), Template: iv.Template,
		Tools: iv.Tools, CandidateLink: s.links().CandidateLink(iv.CandidateToken),
		CreatedAt: iv.CreatedAt, UpdatedAt: iv.UpdatedAt, Sequence: iv.Sequence,
	}
	for _, in := range iv.Interviewers {
		v.Interviewers = append(v.Interviewers, interviewerView{in.Person, s.links().InterviewerLink(in.Token)})
	}
	if len(v.Interviewers) > 0 {
		v.InterviewerLink = v.Interviewers[0].Link
	}
	return v
}

func (s *Server) answerInterview(w http.ResponseWriter, status int, iv interviews.Interview, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, status, s.view(iv))
	return nil
}
