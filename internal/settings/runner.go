package settings

import (
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/runner"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// CodeRunner is the optional remote code runner, a Piston-compatible service
// that runs the languages no browser can (package runner). An empty URL
// means none.
type CodeRunner struct {
	URL   string `json:"url"`
	Token string `json:"token,omitempty"`
}

// Configured reports whether a runner address is set.
func (c CodeRunner) Configured() bool { return c.URL != "" }

// Config is c as runner.New takes it.
func (c CodeRunner) Config() runner.Config { return runner.Config{URL: c.URL, Token: c.Token} }

// CodeRunnerView is the code runner setting as the console sees it: the
// token never leaves the host, only whether one is stored.
type CodeRunnerView struct {
	URL        string `json:"url"`
	HasToken   bool   `json:"hasToken"`
	Configured bool   `json:"configured"`
}

// View is c without its token.
func (c CodeRunner) View() CodeRunnerView {
	return CodeRunnerView{URL: c.URL, HasToken: c.Token != "", Configured: c.Configured()}
}

// CodeRunnerUpdate changes the code runner setting. An empty Token keeps
// the stored one unless ClearToken is set.
type CodeRunnerUpdate struct {
	URL        string `json:"url"`
	Token      string `json:"token,omitempty"`
	ClearToken bool   `json:"clearToken,omitempty"`
}

// MaxRunnerToken bounds a runner token, in characters.
const MaxRunnerToken = 1000

// CodeRunner returns the code runner setting (none when never set).
func (s *Service) CodeRunner() (CodeRunner, error) {
	var c CodeRunner
	if err := s.read(store.KeyRunnerSettings, &c); err != nil {
		return CodeRunner{}, fmt.Errorf("read code runner settings: %w", err)
	}
	return c, nil
}

// PutCodeRunner validates and stores the code runner setting; an empty URL
// turns the runner off (and forgets its token). Field names: url, token.
func (s *Service) PutCodeRunner(u CodeRunnerUpdate) (CodeRunner, error) {
	current, err := s.CodeRunner()
	if err != nil {
		return CodeRunner{}, err
	}
	next, err := u.apply(current)
	if err != nil {
		return CodeRunner{}, err
	}
	if err := s.write(store.KeyRunnerSettings, next); err != nil {
		return CodeRunner{}, fmt.Errorf("save code runner settings: %w", err)
	}
	return next, nil
}

// apply returns current changed by u, or field errors.
func (u CodeRunnerUpdate) apply(current CodeRunner) (CodeRunner, error) {
	e := validation.Errors{}
	next := CodeRunner{Token: strings.TrimSpace(u.Token)}
	switch {
	case u.ClearToken:
		next.Token = ""
	case next.Token == "":
		next.Token = current.Token
	default:
		checkSecret(e, "token", next.Token, "token", MaxRunnerToken)
	}
	if strings.TrimSpace(u.URL) == "" {
		return CodeRunner{}, e.Err()
	}
	url, err := runner.CheckURL(u.URL)
	if err != nil {
		msg, _ := fault.Message(err)
		e.Add("url", msg)
	}
	next.URL = url
	return next, e.Err()
}

// checkSecret records at field what is wrong with a token or key sent as an
// HTTP bearer token: too long, or with spaces or control characters.
func checkSecret(e validation.Errors, field, value, label string, max int) {
	if strings.IndexFunc(value, func(r rune) bool { return r < 0x21 || r == 0x7f }) >= 0 {
		e.Add(field, fmt.Sprintf("The %s cannot contain spaces, line breaks or control characters.", label))
	}
	e.Line(field, value, label, 0, max)
}
