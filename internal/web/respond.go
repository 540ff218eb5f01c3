package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// maxBody bounds request bodies (a large template file fits easily).
const maxBody = 4 << 20

var (
	errNoRoute    = fault.Explain(fault.NotFound, nil, "no such API endpoint")
	errBadRequest = fault.New(fault.Invalid, "bad request")
)

// apiError is the body of every non-2xx answer (docs/api.md, "Errors").
type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	// Problems are an imported file's mistakes, in file order.
	Problems []validation.Problem `json:"problems,omitempty"`
}

type errorAnswer struct {
	Error apiError `json:"error"`
}

func errorBody(code, msg string, fields map[string]string) errorAnswer {
	return errorAnswer{apiError{Code: code, Message: msg, Fields: fields}}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// Error codes of the answers writeError gives, by kind (docs/api.md).
const (
	codeBadRequest   = "bad_request"
	codeUnauthorized = "unauthorized"
	codeInvalid      = "invalid"
	codeNotFound     = "not_found"
	codeConflict     = "conflict"
	codeForbidden    = "forbidden"
	codeUnavailable  = "unavailable"
	codeTooLarge     = "too_large"
	codeTooMany      = "too_many_requests"
	codeSMTP         = "smtp"
	codeInternal     = "internal"
)

// answers maps each error kind to its status, code and the message shown when
// the error carries none of its own; "" shows the error's text.
var answers = map[fault.Kind]struct {
	status        int
	code, message string
}{
	fault.Invalid:     {http.StatusBadRequest, codeBadRequest, ""},
	fault.NotFound:    {http.StatusNotFound, codeNotFound, "It does not exist (any more). It may have been deleted in another window."},
	fault.Conflict:    {http.StatusConflict, codeConflict, ""},
	fault.Permission:  {http.StatusForbidden, codeForbidden, "You may not do this."},
	fault.Unavailable: {http.StatusServiceUnavailable, codeUnavailable, "A part of InterviewDesk is not available right now. Try again in a moment."},
	fault.Other: {http.StatusInternalServerError, codeInternal,
		"InterviewDesk could not complete this. Try again; if it keeps happening, the host log has the details."},
}

// writeError answers err by its kind (package fault), with the message a
// person can act on: the error's own (fault.Explain) where it has one.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var (
		fe     validation.Errors
		file   validation.FileErrors
		tooBig *http.MaxBytesError
	)
	if tooManyTries(w, err) {
		return
	}
	switch {
	case errors.As(err, &tooBig):
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody(codeTooLarge, "The request is larger than 4 MiB.", nil))
		return
	case errors.Is(err, os.ErrDeadlineExceeded):
		writeJSON(w, http.StatusRequestTimeout, errorBody(codeBadRequest, "The request body took too long to arrive. Check the connection and try again.", nil))
	case errors.As(err, &file):
		body := errorBody(codeInvalid, fileMessage(file), file.Fields())
		body.Error.Problems = file
		writeJSON(w, http.StatusUnprocessableEntity, body)
		return
	case fault.KindOf(err) == fault.Invalid && errors.As(err, &fe):
		message := "Check the highlighted fields."
		if len(fe) == 1 {
			for _, m := range fe {
				message = m
			}
		}
		writeJSON(w, http.StatusUnprocessableEntity, errorBody(codeInvalid, message, fe))
		return
	}
	kind := fault.KindOf(err)
	a, ok := answers[kind]
	if !ok {
		kind, a = fault.Other, answers[fault.Other]
	}
	message, explained := fault.Message(err)
	switch {
	case kind == fault.Other:
		s.log.Error("console API failed", "method", r.Method, "path", r.URL.Path, "err", err)
		message = a.message
	case kind == fault.Unavailable:
		s.log.Warn("console API: a part is unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if !explained && kind != fault.Other {
		message = a.message
		if message == "" {
			message = err.Error()
		}
	}
	writeJSON(w, a.status, errorBody(a.code, message, nil))
}

// fileMessage sums up a file's problems.
func fileMessage(file validation.FileErrors) string {
	if len(file) == 1 {
		return "Nothing was imported: the file has a problem, listed with its line. Fix it and import the file again."
	}
	return "Nothing was imported: the file has problems, each listed with its line. Fix them and import the file again."
}

// decode reads a JSON body into v with the one decoder for outside input
// (validation.DecodeJSON): unknown fields and trailing data are refused.
func decode(r *http.Request, v any) error { return decodeFrom(r.Body, v) }

func decodeFrom(body io.Reader, v any) error {
	err := validation.DecodeJSON(body, v)
	if errors.Is(err, validation.ErrMalformed) {
		return fault.Explain(fault.Invalid, err, "The request body cannot be used: "+err.Error()+".")
	}
	return err
}

// decodeNone checks the body of an endpoint that takes none: empty, or {}.
func decodeNone(r *http.Request) error {
	data, err := io.ReadAll(r.Body)
	if err != nil || len(bytes.TrimSpace(data)) == 0 {
		return err
	}
	return decodeFrom(bytes.NewReader(data), &struct{}{})
}
