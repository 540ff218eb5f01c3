package relay

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/pion/logging"
)

// pionLogger adapts slog to pion's LeveledLogger. pion logs every relayed
// packet at Debug and every stray datagram at Info, so its Debug and Info both
// map to slog Debug (Trace below it), and nothing is formatted unless that
// level is enabled: the relay's hot path stays free of fmt work.
type pionLogger struct {
	log *slog.Logger
}

// levelTrace is below slog.LevelDebug, for pion's per-packet tracing.
const levelTrace = slog.LevelDebug - 4

func (l pionLogger) NewLogger(scope string) logging.LeveledLogger {
	return pionLogger{log: l.log.With("pion", scope)}
}

func (l pionLogger) emit(level slog.Level, msg string) {
	l.log.Log(context.Background(), level, msg)
}

func (l pionLogger) emitf(level slog.Level, format string, args ...any) {
	if l.log.Enabled(context.Background(), level) {
		l.log.Log(context.Background(), level, fmt.Sprintf(format, args...))
	}
}

func (l pionLogger) Trace(msg string)                  { l.emit(levelTrace, msg) }
func (l pionLogger) Tracef(format string, args ...any) { l.emitf(levelTrace, format, args...) }
func (l pionLogger) Debug(msg string)                  { l.emit(slog.LevelDebug, msg) }
func (l pionLogger) Debugf(format string, args ...any) { l.emitf(slog.LevelDebug, format, args...) }
func (l pionLogger) Info(msg string)                   { l.emit(slog.LevelDebug, msg) }
func (l pionLogger) Infof(format string, args ...any)  { l.emitf(slog.LevelDebug, format, args...) }
func (l pionLogger) Warn(msg string)                   { l.emit(slog.LevelWarn, msg) }
func (l pionLogger) Warnf(format string, args ...any)  { l.emitf(slog.LevelWarn, format, args...) }
func (l pionLogger) Error(msg string)                  { l.emit(slog.LevelError, msg) }
func (l pionLogger) Errorf(format string, args ...any) { l.emitf(slog.LevelError, format, args...) }

var (
	_ logging.LoggerFactory = pionLogger{}
	_ logging.LeveledLogger = pionLogger{}
)
