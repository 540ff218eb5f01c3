package notify

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// program is how a command shows a note.
type program struct {
	// args and env are the program's arguments and extra environment for n.
	args func(n Note) []string
	env  func(n Note) []string
	// clicked says whether the program's output means the note was clicked;
	// nil for programs that never say.
	clicked func(stdout string) bool
	attrs   func(*exec.Cmd) // platform settings (e.g. no console window)
}

// command shows each note by running a program, and reads from its standard
// output whether the note was clicked (notify-send prints the invoked
// action's name). The programs of unclicked notes end on Close.
type command struct {
	path string
	program
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

var _ Notifier = (*command)(nil)

func newCommand(name string, p program) (*command, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %s not found", ErrUnavailable, name)
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &command{path: path, program: p, ctx: ctx, cancel: cancel}, nil
}

// Notify starts the program for n and returns; a click is reported later.
func (c *command) Notify(ctx context.Context, n Note) error {
	if c.ctx.Err() != nil {
		return fmt.Errorf("show a notification: %w", c.ctx.Err())
	}
	cmd := exec.CommandContext(c.ctx, c.path, c.args(n)...)
	if c.env != nil {
		cmd.Env = append(os.Environ(), c.env(n)...)
	}
	if c.attrs != nil {
		c.attrs(cmd)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("show a notification with %s: %w", c.path, err)
	}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		err := cmd.Wait()
		if err == nil && n.OnClick != nil && c.clicked != nil && c.clicked(strings.TrimSpace(out.String())) {
			n.OnClick()
		}
	}()
	return nil
}

// Close ends the programs of notes still waiting for a click.
func (c *command) Close() error {
	c.cancel()
	c.wg.Wait()
	return nil
}

// NotifySend shows notes with libnotify's notify-send (0.8 or newer, for
// --action), talking to the D-Bus at busAddress ("" for the session's).
func NotifySend(busAddress string) (Notifier, error) {
	p := program{
		args: func(n Note) []string {
			args := []string{"--app-name=" + AppName, "--icon=" + Icon, "--hint=string:desktop-entry:" + DesktopEntry}
			if n.OnClick != nil {
				args = append(args, "--action="+actionDefault+"=Open interview")
			}
			return append(args, "--", n.Title, n.Body)
		},
		clicked: func(stdout string) bool { return stdout == actionDefault },
	}
	if busAddress != "" {
		p.env = func(Note) []string { return []string{"DBUS_SESSION_BUS_ADDRESS=" + busAddress} }
	}
	c, err := newCommand("notify-send", p)
	if err != nil {
		return nil, err
	}
	return c, nil
}
