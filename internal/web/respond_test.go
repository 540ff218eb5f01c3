package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func TestErrorsAreAnsweredByTheirKind(t *testing.T) {
	errGone := fault.New(fault.NotFound, "gone")
	cases := []struct {
		name    string
		err     error
		status  int
		code    string
		message string
	}{
		{"field errors", fmt.Errorf("save: %w", validation.Errors{"name": "Enter a name."}), 422, "invalid", "Enter a name."},
		{"invalid without fields", fmt.Errorf("%w: not JSON", errBadRequest), 400, "bad_request", "bad request: not JSON"},
		{"not found", fmt.Errorf("template 7: %w", errGone), 404, "not_found", "It does not exist (any more). It may have been deleted in another window."},
		{"no route", errNoRoute, 404, "not_found", "no such API endpoint"},
		{"conflict explained", fault.Explain(fault.Conflict, errGone, "Restore it first."), 409, "conflict", "Restore it first."},
		{"explained conflict over field errors", fault.Explain(fault.Conflict, validation.Errors{"a": "b"}, "Add your email."), 409, "conflict", "Add your email."},
		{"permission", fault.New(fault.Permission, "no"), 403, "forbidden", "You may not do this."},
		{"unavailable", fault.New(fault.Unavailable, "down"), 503, "unavailable", "A part of InterviewDesk is not available right now. Try again in a moment."},
		{"anything else", errors.New("disk on fire"), 500, "internal", answers[fault.Other].message},
	}
	s := &Server{log: slog.New(slog.DiscardHandler)}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			s.writeError(rec, httptest.NewRequest("GET", "/api/x", nil), c.err)
			var body errorAnswer
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if rec.Code != c.status || body.Error.Code != c.code || body.Error.Message != c.message {
				t.Errorf("got %d %q %q, want %d %q %q", rec.Code, body.Error.Code, body.Error.Message, c.status, c.code, c.message)
			}
		})
	}
}

func TestUnknownRequestFieldsAreRefused(t *testing.T) {
	f := setup(t)
	body := strings.Replace(validBody(f.goTemplateID(t)), `"position"`, `"color":"blue","position"`, 1)
	var answer errorAnswer
	if code := f.call(t, "POST", "/api/interviews", body, &answer); code != http.StatusBadRequest || answer.Error.Code != "bad_request" ||
		!strings.Contains(answer.Error.Message, `unknown field "color"`) {
		t.Errorf("unknown field: %d %+v, want 400 bad_request naming the field", code, answer.Error)
	}
	if code, _ := f.create(t, validBody(f.goTemplateID(t))); code != http.StatusCreated {
		t.Errorf("the same body without the field: %d, want 201", code)
	}
}
