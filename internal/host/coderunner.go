package host

import (
	"context"
	"log/slog"
	"sync"

	"github.com/interviewdesk/interviewdesk/internal/runner"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/workspace"
)

// codeRunner is the remote runner of Settings → Code runner as the
// workspace's Remote; it follows changes of the setting.
type codeRunner struct {
	settings *settings.Service
	log      *slog.Logger

	mu     sync.Mutex
	url    string // the setting client was made for
	token  string
	client *runner.Client
}

var _ workspace.Remote = (*codeRunner)(nil)

// current is the client for the stored setting, or nil when none is set.
func (c *codeRunner) current() (*runner.Client, error) {
	s, err := c.settings.CodeRunner()
	if err != nil || !s.Configured() {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.client == nil || c.url != s.URL || c.token != s.Token {
		client, err := runner.New(s.Config(), c.log)
		if err != nil {
			return nil, err
		}
		c.client, c.url, c.token = client, s.URL, s.Token
	}
	return c.client, nil
}

// CanRun reports whether a runner is configured; whether it has the
// language, its own answer to the run says.
func (c *codeRunner) CanRun(_ context.Context, _ string) bool {
	client, err := c.current()
	return err == nil && client != nil
}

func (c *codeRunner) Run(ctx context.Context, req workspace.RemoteRequest) (workspace.RemoteResult, error) {
	client, err := c.current()
	if err != nil {
		return workspace.RemoteResult{}, err
	}
	if client == nil {
		return workspace.RemoteResult{}, runner.ErrNotConfigured
	}
	res, err := client.Run(ctx, runner.Request{Language: req.Language, Code: req.Code, Stdin: req.Stdin, Timeout: req.Timeout})
	if err != nil {
		return workspace.RemoteResult{}, err
	}
	out := workspace.RemoteResult{Status: string(res.Status), ExitCode: res.ExitCode, Stdout: res.Stdout,
		Stderr: res.Stderr, Error: res.Message}
	if res.Status == runner.StatusCompileError {
		out.Status, out.Stderr = "error", res.CompileOutput
		out.Error = "The code did not compile."
	}
	return out, nil
}
