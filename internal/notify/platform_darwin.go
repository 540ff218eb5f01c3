package notify

import (
	"context"
	"log/slog"
)

// Default shows notifications through osascript (the title and body are
// arguments of the script, never part of its text); a click on one does not
// reach the app.
func Default(ctx context.Context, log *slog.Logger) Notifier {
	n, err := newCommand("osascript", program{
		args: func(n Note) []string {
			return []string{"-e", "on run argv", "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
				"-e", "end run", n.Title, n.Body}
		},
	})
	if err != nil {
		log.Info("no desktop notifications", "err", err)
		return None{}
	}
	return n
}
