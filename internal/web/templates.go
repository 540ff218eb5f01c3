package web

import (
	"io"
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// TemplateList is templates, sorted by name.
type TemplateList struct {
	Templates []templates.Summary `json:"templates"`
}

func (s *Server) listTemplates(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Templates.List()
	if err != nil {
		return err
	}
	if list == nil {
		list = []templates.Summary{}
	}
	writeJSON(w, http.StatusOK, TemplateList{list})
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
	return answer(w, http.StatusCreated, TemplateList{list}, err)
}
