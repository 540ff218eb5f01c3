package validation

import (
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Problem is one mistake in an imported file: where it is and what is wrong.
type Problem struct {
	// Line is the 1-based line of the file; 0 when the problem is the whole file.
	Line int `json:"line,omitempty"`
	// Field is the field's path (results[0].tasks[1].score) or CSV column.
	Field   string `json:"field"`
	Message string `json:"message"`
}

// FileErrors are a file's problems in the order they appear in it. An import
// that has any imports nothing.
type FileErrors []Problem

// FaultKind makes file problems of kind fault.Invalid.
func (e FileErrors) FaultKind() fault.Kind { return fault.Invalid }

// Error lists the problems, one per line.
func (e FileErrors) Error() string {
	parts := make([]string, len(e))
	for i, p := range e {
		parts[i] = p.String()
	}
	return strings.Join(parts, "\n")
}

// String is "line 12, results[0].score: message".
func (p Problem) String() string {
	switch {
	case p.Line > 0 && p.Field != "":
		return fmt.Sprintf("line %d, %s: %s", p.Line, p.Field, p.Message)
	case p.Line > 0:
		return fmt.Sprintf("line %d: %s", p.Line, p.Message)
	case p.Field != "":
		return p.Field + ": " + p.Message
	}
	return p.Message
}

// Fields maps each problem's field to its message (the first, per field).
func (e FileErrors) Fields() Errors {
	out := Errors{}
	for _, p := range e {
		key := p.Field
		if key == "" {
			key = "file"
		}
		out.Add(key, p.String())
	}
	return out
}
