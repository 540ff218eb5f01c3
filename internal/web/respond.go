package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// maxBody bounds request bodies (a large template file fits easily).
const maxBody = 4 << 20

var (
	errNoRoute    = errors.New("no such API endpoint")
	errBadRequest = errors.New("bad request")
)

type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

func errorBody(code, msg string, fields map[string]string) any {
	return map[string]apiError{"error": {Code: code, Message: msg, Fields: fields}}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// writeError maps an error to its status and a message a person can act on.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var (
		fe      validation.Errors
		tooBig  *http.MaxBytesError
		status  int
		code    string
		message = err.Error()
	)
	switch {
	case errors.As(err, &fe):
		status, code, message = http.StatusUnprocessableEntity, "invalid", "Check the highlighted fields."
		if len(fe) == 1 {
			for _, m := range fe {
				message = m
			}
		}
	case errors.As(err, &tooBig):
		status, code, message = http.StatusRequestEntityTooLarge, "too_large", "The request is larger than 4 MiB."
	case errors.Is(err, errNoRoute):
		status, code = http.StatusNotFound, "not_found"
	case errors.Is(err, store.ErrNotFound):
		status, code = http.StatusNotFound, "not_found"
		message = "It does not exist (any more). It may have been deleted in another window."
	case errors.Is(err, interviews.ErrConflict):
		status, code = http.StatusConflict, "conflict"
	case errors.Is(err, mail.ErrNotConfigured):
		status, code = http.StatusConflict, "mail_not_configured"
	case errors.Is(err, errBadRequest), errors.Is(err, templates.ErrBadFile):
		status, code = http.StatusBadRequest, "bad_request"
	default:
		s.log.Error("console API failed", "method", r.Method, "path", r.URL.Path, "err", err)
		status, code = http.StatusInternalServerError, "internal"
		message = "InterviewDesk could not complete this. Try again; if it keeps happening, the host log has the details."
	}
	writeJSON(w, status, errorBody(code, message, fe))
}

// decode reads a JSON body into v.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: the request body is empty; send JSON", errBadRequest)
		}
		return fmt.Errorf("%w: the request body is not valid JSON: %v", errBadRequest, err)
	}
	return nil
}
