//go:build !linux && !windows && !darwin

package notify

import (
	"context"
	"log/slog"
)

// Default is None where no notification service is known.
func Default(ctx context.Context, log *slog.Logger) Notifier { return None{} }
