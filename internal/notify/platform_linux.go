package notify

import (
	"context"
	"log/slog"
)

// Default is the desktop's notification service: the session D-Bus, else
// notify-send, else None.
func Default(ctx context.Context, log *slog.Logger) Notifier {
	d, err := DialDBus(ctx, "")
	if err == nil {
		return d
	}
	n, sendErr := NotifySend("")
	if sendErr == nil {
		log.Info("notifications through notify-send", "dbus", err)
		return n
	}
	log.Info("no desktop notifications", "dbus", err, "notify-send", sendErr)
	return None{}
}
