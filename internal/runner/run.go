package runner

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Limits of a run.
const (
	DefaultTimeout = 10 * time.Second
	MaxTimeout     = 60 * time.Second
	// CompileTimeout bounds the compile stage of compiled languages.
	CompileTimeout = 10 * time.Second
	// MaxOutput bounds Stdout and Stderr together, in bytes.
	MaxOutput = 64 << 10
	// answerGrace is how long past its time limits a run's answer may take
	// (queueing on the runner, the network).
	answerGrace = 20 * time.Second
)

// Request is one run.
type Request struct {
	// Language is an editor language ID of Languages (go, java, cpp, …).
	Language string
	Code     string
	Stdin    string
	// Timeout limits the run stage (wall clock): 0 means DefaultTimeout,
	// more than MaxTimeout means MaxTimeout.
	Timeout time.Duration
}

// Status is how a run ended.
type Status string

// Statuses.
const (
	StatusOK           Status = "ok"            // exit code 0
	StatusError        Status = "error"         // non-zero exit or a signal
	StatusTimeout      Status = "timeout"       // killed at the time limit (compile or run)
	StatusCompileError Status = "compile_error" // the compiler refused the code; nothing ran
)

// Result is what a run did.
type Result struct {
	Status Status
	// Stdout and Stderr are the program's output (empty after a compile
	// error), at most MaxOutput bytes together.
	Stdout, Stderr string
	// ExitCode is the program's (the compiler's for StatusCompileError), or
	// -1 when a signal ended it.
	ExitCode int
	// Signal names the signal that ended it, e.g. "SIGKILL"; "" otherwise.
	Signal string
	// CompileOutput is what the compiler printed (stdout and stderr in
	// order), at most MaxOutput bytes; "" for interpreted languages.
	CompileOutput string
	// Message is the runner's own note, e.g. "Time limit exceeded".
	Message string
	// Duration is the stage's wall time as the runner measured it, else the
	// request's round trip.
	Duration time.Duration
	// TimeLimit is the run stage's limit that applied (lower than asked
	// when the runner allows less).
	TimeLimit time.Duration
	// Truncated says output was cut, here or by the runner.
	Truncated bool
	// Language and Version name the runtime that ran it, e.g. "go", "1.16.2".
	Language, Version string
}

// Run runs req.Code on the runner. A run that fails, times out or does not
// compile is a Result, not an error; errors mean the run did not happen (or
// its answer was lost): ErrUnknownLanguage, ErrNoRuntime, ErrUnreachable,
// ErrRefused, ErrBadAnswer, or the ctx's error when it ended first (a stop).
func (c *Client) Run(ctx context.Context, req Request) (Result, error) {
	lang, ok := languages[req.Language]
	if !ok {
		return Result{}, fault.Explain(fault.Invalid, ErrUnknownLanguage,
			fmt.Sprintf("There is no code runner runtime for %q; choose a programming language in the editor first.", req.Language))
	}
	in := executeRequest{Language: lang.piston[0], Version: "*",
		Files: []pistonFile{{Name: lang.file, Content: req.Code}}, Stdin: req.Stdin,
		RunTimeout: clampTimeout(req.Timeout).Milliseconds(), CompileTimeout: CompileTimeout.Milliseconds()}
	start := c.now()
	var out executeAnswer
	err := c.execute(ctx, &in, &out)
	if err != nil {
		return Result{}, c.explain(ctx, req.Language, err)
	}
	if out.Run == nil {
		return Result{}, c.explain(ctx, req.Language, &badAnswer{errors.New("the answer has no run stage")})
	}
	res := resultOf(out)
	res.TimeLimit = time.Duration(in.RunTimeout) * time.Millisecond
	if res.Duration == 0 {
		res.Duration = c.now().Sub(start)
	}
	return res, nil
}

func clampTimeout(d time.Duration) time.Duration {
	switch {
	case d <= 0:
		return DefaultTimeout
	case d > MaxTimeout:
		return MaxTimeout
	}
	return d
}

// execute posts in. When the runner refuses a time limit as longer than it
// allows, execute lowers that limit to the runner's and tries again (once
// per stage).
func (c *Client) execute(ctx context.Context, in *executeRequest, out *executeAnswer) error {
	for attempt := 1; ; attempt++ {
		timeout := time.Duration(in.RunTimeout+in.CompileTimeout)*time.Millisecond + answerGrace
		callCtx, cancel := context.WithTimeout(ctx, timeout)
		err := c.call(callCtx, "POST", "/api/v2/execute", in, out)
		cancel()
		if attempt == 3 || !c.lowerLimit(err, in) {
			return err
		}
	}
}

// overLimit matches Piston's refusal of a limit above its configuration.
var overLimit = regexp.MustCompile(`(run|compile)_timeout cannot exceed the configured limit of (\d+)`)

// lowerLimit sets the limit err refuses to the runner's own, and reports
// whether it did.
func (c *Client) lowerLimit(err error, in *executeRequest) bool {
	var se *statusError
	if !errors.As(err, &se) {
		return false
	}
	m := overLimit.FindStringSubmatch(se.message)
	if m == nil {
		return false
	}
	limit, _ := strconv.ParseInt(m[2], 10, 64)
	field := &in.RunTimeout
	if m[1] == "compile" {
		field = &in.CompileTimeout
	}
	if limit <= 0 || limit >= *field {
		return false
	}
	c.log.Info("the code runner allows a shorter time limit", "runner", c.base, "stage", m[1], "limitMs", limit)
	*field = limit
	return true
}

// resultOf reads Piston's answer. A failed compile stage is the result
// (Piston then repeats it as the run stage); else the run stage is.
func resultOf(a executeAnswer) Result {
	res := Result{Language: a.Language, Version: a.Version}
	if a.Compile != nil {
		res.CompileOutput, res.Truncated = capText(a.Compile.Output, MaxOutput)
		res.Truncated = res.Truncated || overflowed(a.Compile)
	}
	if a.Compile != nil && failed(a.Compile) {
		res.fill(a.Compile, StatusCompileError)
		return res
	}
	var cut bool
	res.Stdout, res.Stderr, cut = capOutput(a.Run.Stdout, a.Run.Stderr, MaxOutput)
	res.Truncated = res.Truncated || cut || overflowed(a.Run)
	status := StatusError
	if exitedZero(a.Run) {
		status = StatusOK
	}
	res.fill(a.Run, status)
	return res
}

// fill takes st's exit, signal, message and time; a stage killed at its
// time limit makes the status StatusTimeout.
func (res *Result) fill(st *stage, status Status) {
	res.Status, res.ExitCode = status, -1
	if st.Code != nil {
		res.ExitCode = *st.Code
	}
	res.Signal, res.Message = deref(st.Signal), deref(st.Message)
	if st.WallTime != nil && *st.WallTime > 0 {
		res.Duration = time.Duration(*st.WallTime * float64(time.Millisecond))
	}
	if timedOut(st) {
		res.Status = StatusTimeout
	}
}

func failed(st *stage) bool { return (st.Code != nil && *st.Code != 0) || deref(st.Signal) != "" }

func exitedZero(st *stage) bool { return st.Code != nil && *st.Code == 0 && deref(st.Signal) == "" }

// timedOut: isolate's status "TO"; older Piston, without statuses, kills
// with SIGKILL only at the time limit.
func timedOut(st *stage) bool {
	status := deref(st.Status)
	return status == "TO" || (status == "" && deref(st.Signal) == "SIGKILL")
}

// overflowed: Piston stopped the stage for printing more than it allows.
func overflowed(st *stage) bool { s := deref(st.Status); return s == "OL" || s == "EL" }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// capOutput cuts stdout and stderr to max bytes together. When both are
// long each keeps at least half, so an error message is never crowded out.
func capOutput(stdout, stderr string, max int) (string, string, bool) {
	if len(stdout)+len(stderr) <= max {
		return stdout, stderr, false
	}
	errBudget := max - min(len(stdout), max/2)
	stderr, _ = capText(stderr, errBudget)
	stdout, _ = capText(stdout, max-len(stderr))
	return stdout, stderr, true
}

// capText cuts s to at most max bytes on a character boundary.
func capText(s string, max int) (string, bool) {
	if len(s) <= max {
		return s, false
	}
	return truncate(s, max), true
}

// truncate cuts s to at most n bytes without splitting a UTF-8 sequence.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
