package fault

import (
	"errors"
)

// Kind classifies an error by what the caller can do about it.
type Kind int

// Kinds. Other is the zero value: an unexpected failure inside the program.
const (
	Other       Kind = iota
	Invalid          // the request is malformed or breaks a rule; fix it and retry
	NotFound         // the thing does not exist (any more)
	Conflict         // the request does not fit the current state
	Permission       // the caller may not do this
	Unavailable      // a part is missing or down; retrying later may work
)

func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case NotFound:
		return "not_found"
	case Conflict:
		return "conflict"
	case Permission:
		return "permission"
	case Unavailable:
		return "unavailable"
	}
	return "other"
}

// kinded is implemented by errors that know their kind.
type kinded interface{ FaultKind() Kind }

// sentinel is a package's error value with a kind.
type sentinel struct {
	kind Kind
	text string
}

func (s *sentinel) Error() string   { return s.text }
func (s *sentinel) FaultKind() Kind { return s.kind }

// New returns a sentinel error of kind k.
func New(k Kind, text string) error { return &sentinel{kind: k, text: text} }

// KindOf returns the kind of the first error in err's chain that has one, or
// Other.
func KindOf(err error) Kind {
	var k kinded
	if errors.As(err, &k) {
		return k.FaultKind()
	}
	return Other
}

// Is reports whether err is of kind k.
func Is(err error, k Kind) bool { return err != nil && KindOf(err) == k }

// Problem is an error with a message a person can act on, of a kind, wrapping
// the sentinel it stands for (so errors.Is still matches it).
type Problem struct {
	Kind Kind
	// Text is shown to people as it is.
	Text string
	// Err is the sentinel or cause, if any.
	Err error
}

func (p *Problem) Error() string   { return p.Text }
func (p *Problem) Unwrap() error   { return p.Err }
func (p *Problem) FaultKind() Kind { return p.Kind }

// Explain returns a Problem of kind k with text, wrapping cause (may be nil).
func Explain(k Kind, cause error, text string) error {
	return &Problem{Kind: k, Text: text, Err: cause}
}

// Message returns the person-facing text of the first Problem in err's chain,
// and whether there was one.
func Message(err error) (string, bool) {
	var p *Problem
	if errors.As(err, &p) {
		return p.Text, true
	}
	return "", false
}

// Text is what a person is told about err: its Problem's text, else the
// error itself.
func Text(err error) string {
	if msg, ok := Message(err); ok {
		return msg
	}
	return err.Error()
}
