package notify

import (
	"context"
	"errors"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Note is one notification. OnClick, when set, runs once if the user clicks
// it (on desktops that report clicks).
type Note struct {
	Title   string
	Body    string
	OnClick func()
}

// Notifier shows notes until Close.
type Notifier interface {
	Notify(ctx context.Context, n Note) error
	Close() error
}

// ErrUnavailable means the desktop has no notification service this package
// can reach.
var ErrUnavailable = fault.New(fault.Unavailable, "no desktop notification service")

// AppName and Icon name the app to the notification service; Icon is the
// icon's name in the desktop's icon theme (the .deb installs it in hicolor),
// DesktopEntry the menu entry's file name without ".desktop".
const (
	AppName      = "InterviewDesk"
	Icon         = "interviewdesk"
	DesktopEntry = "interviewdesk"
)

// None is the Notifier of a desktop without notifications: every Notify
// returns ErrUnavailable.
type None struct{}

var _ Notifier = None{}

// Notify returns ErrUnavailable.
func (None) Notify(context.Context, Note) error { return ErrUnavailable }

// Close does nothing.
func (None) Close() error { return nil }

// IsUnavailable reports whether err says there is no notification service.
func IsUnavailable(err error) bool { return errors.Is(err, ErrUnavailable) }
