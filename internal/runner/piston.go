package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Piston's API v2 on the wire (docs/api-v2.md; api/src/api/v2.js and
// api/src/job.js for the fields the docs leave out).

type pistonFile struct {
	Name    string `json:"name,omitempty"`
	Content string `json:"content"`
}

type executeRequest struct {
	Language string       `json:"language"`
	Version  string       `json:"version"`
	Files    []pistonFile `json:"files"`
	Stdin    string       `json:"stdin"`
	// RunTimeout and CompileTimeout are wall-clock limits in milliseconds.
	RunTimeout     int64 `json:"run_timeout"`
	CompileTimeout int64 `json:"compile_timeout"`
}

// stage is one stage's result. Code is null when a signal ended the
// process. Status (newer Piston, from isolate) is "TO" (time limit), "RE"
// (runtime error), "SG" (signal), "OL"/"EL" (stdout/stderr over Piston's
// limit), "XX" (internal error); older Piston sends none.
type stage struct {
	Stdout   string   `json:"stdout"`
	Stderr   string   `json:"stderr"`
	Output   string   `json:"output"`
	Code     *int     `json:"code"`
	Signal   *string  `json:"signal"`
	Message  *string  `json:"message"`
	Status   *string  `json:"status"`
	WallTime *float64 `json:"wall_time"`
}

type executeAnswer struct {
	Language string `json:"language"`
	Version  string `json:"version"`
	Run      *stage `json:"run"`
	Compile  *stage `json:"compile"`
}

// errorAnswer is the body of Piston's 4xx and 5xx answers.
type errorAnswer struct {
	Message string `json:"message"`
}

// maxAnswer bounds what a Client reads of one answer.
const maxAnswer = 16 << 20

// statusError is an answer with a status other than 200.
type statusError struct {
	status  int
	message string // Piston's message, or the start of the body
}

func (e *statusError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.status, http.StatusText(e.status), e.message)
}

// badAnswer is a 200 answer that is not the JSON expected.
type badAnswer struct{ err error }

func (e *badAnswer) Error() string { return e.err.Error() }

// call sends in (nil: no body) to path and decodes a 200 answer into out.
// Its errors are the ctx's, a transport error, *statusError or *badAnswer.
func (c *Client) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode %s request: %w", path, err)
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "InterviewDesk")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	limited := io.LimitReader(resp.Body, maxAnswer)
	if resp.StatusCode != http.StatusOK {
		return refusal(resp.StatusCode, limited)
	}
	if err := json.NewDecoder(limited).Decode(out); err != nil {
		return &badAnswer{fmt.Errorf("%s %s answered %s, not Piston's JSON: %v", method, path, resp.Header.Get("Content-Type"), err)}
	}
	return nil
}

// refusal reads an error answer's message.
func refusal(status int, body io.Reader) error {
	raw, _ := io.ReadAll(io.LimitReader(body, 4<<10))
	var a errorAnswer
	msg := strings.TrimSpace(string(raw))
	if json.Unmarshal(raw, &a) == nil && a.Message != "" {
		msg = a.Message
	}
	if len(msg) > 300 {
		msg = truncate(msg, 300) + "…"
	}
	return &statusError{status: status, message: msg}
}

// explain turns what call returned into an error a person can act on. ctx
// is the caller's: when it ended, its error is returned wrapped as it is.
func (c *Client) explain(ctx context.Context, lang string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("code runner at %s: %w", c.base, ctx.Err())
	}
	var (
		se  *statusError
		bad *badAnswer
	)
	switch {
	case errors.As(err, &bad):
		return fault.Explain(fault.Unavailable, fmt.Errorf("%w: %w", ErrBadAnswer, err), fmt.Sprintf(
			"The code runner at %s does not answer like a Piston runner (%v). Check Settings → Code runner: the address is the runner's base, like http://localhost:2000.", c.base, err))
	case !errors.As(err, &se):
		return fault.Explain(fault.Unavailable, fmt.Errorf("%w: %w", ErrUnreachable, err), fmt.Sprintf(
			"The code runner at %s did not answer: %s; check Settings → Code runner.", c.base, transportCause(err)))
	case se.status == http.StatusBadRequest && strings.Contains(se.message, "runtime is unknown"):
		return fault.Explain(fault.Unavailable, fmt.Errorf("%w: %w", ErrNoRuntime, err), fmt.Sprintf(
			"The code runner at %s cannot run %s (%s). Install the language's package on the runner.", c.base, languages[lang].name, se.message))
	case se.status == http.StatusUnauthorized || se.status == http.StatusForbidden:
		return fault.Explain(fault.Unavailable, fmt.Errorf("%w: %w", ErrRefused, err), fmt.Sprintf(
			"The code runner at %s refused the request (%v). Check the token in Settings → Code runner.", c.base, se))
	case se.status == http.StatusNotFound:
		return fault.Explain(fault.Unavailable, fmt.Errorf("%w: %w", ErrBadAnswer, err), fmt.Sprintf(
			"The code runner at %s has no Piston API at %s/api/v2 (404). Check the address in Settings → Code runner.", c.base, c.base))
	default:
		return fault.Explain(fault.Unavailable, fmt.Errorf("%w: %w", ErrRefused, err), fmt.Sprintf(
			"The code runner at %s refused the request (%v).", c.base, se))
	}
}

// transportCause is the part of a transport error that says what happened
// ("dial tcp 127.0.0.1:2000: connect: connection refused"), without the
// method and URL around it.
func transportCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if errors.Is(ue.Err, context.DeadlineExceeded) {
			return "no answer in time"
		}
		return ue.Err.Error()
	}
	return err.Error()
}
