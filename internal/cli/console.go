package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// consoleLink prints the sign-in link of the host running on the data folder,
// for a browser that lost its sign-in (e.g. the console of a `serve` host).
func consoleLink(ctx context.Context, e Env, args []string) error {
	f := newFlags("console link")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	dir, err := f.dataDir()
	if err != nil {
		return err
	}
	_, link, err := runningHost(ctx, dir)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no InterviewDesk host runs on %s: start one with “interviewdesk serve --data %s”, which prints the link too", dir, dir)
	}
	if err != nil {
		return err
	}
	return printLink(e, *f.json, link)
}
