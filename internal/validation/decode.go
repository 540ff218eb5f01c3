package validation

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// ErrMalformed means a JSON body or file is not what it must be: not JSON,
// fields its type does not have, values of the wrong type, or more after the
// one JSON value. It says nothing about the values' meaning (that is Errors).
var ErrMalformed = fault.New(fault.Invalid, "malformed JSON")

// DecodeJSON reads exactly one JSON value from r into v: fields v does not
// have are refused, and so is anything but white space after the value. It is
// the one decoder for request bodies and files that come from outside; errors
// of r itself (such as a body over its limit) come back as they are.
func DecodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return explainJSON(err)
	}
	var extra json.RawMessage
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
		return nil
	case err == nil, isJSONError(err):
		return fmt.Errorf("%w: there is more after the JSON value; send one JSON value", ErrMalformed)
	default:
		return err
	}
}

func explainJSON(err error) error {
	var wrongType *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return fmt.Errorf("%w: it is empty; send JSON", ErrMalformed)
	case errors.As(err, &wrongType):
		return fmt.Errorf("%w: %s must be %s, not %s", ErrMalformed, fieldName(wrongType), wrongType.Type, wrongType.Value)
	case isJSONError(err):
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return err
}

// isJSONError tells the decoder's own complaints from errors of the reader.
func isJSONError(err error) bool {
	var (
		syntax    *json.SyntaxError
		wrongType *json.UnmarshalTypeError
		badField  *json.UnmarshalFieldError
	)
	return errors.As(err, &syntax) || errors.As(err, &wrongType) || errors.As(err, &badField) ||
		errors.Is(err, io.ErrUnexpectedEOF) || isUnknownField(err)
}

// isUnknownField recognises DisallowUnknownFields' error, which has no type.
func isUnknownField(err error) bool {
	const prefix = "json: unknown field "
	msg := err.Error()
	return len(msg) > len(prefix) && msg[:len(prefix)] == prefix
}

func fieldName(e *json.UnmarshalTypeError) string {
	if e.Field != "" {
		return e.Field
	}
	return "the value"
}
