// Package notify shows the desktop's own notifications: "Candidate NAME is
// ready and waiting" when a candidate has passed the device check and waits in
// an interview's room, which opens that interview when clicked.
//
// # Basics
//
// A Notifier shows one Note. On Linux it speaks the freedesktop notification
// protocol over the session D-Bus (org.freedesktop.Notifications, see
// https://specifications.freedesktop.org/notification-spec/latest/): Notify
// with a "default" action, and ActionInvoked back when the note is clicked.
// Where no session bus answers, it runs libnotify's notify-send, which says on
// its standard output which action was invoked. On Windows it shows a toast
// through PowerShell, on macOS a notification through osascript; there a click
// does not reach the app.
//
// Ready watches the host's bus of live changes (package push) and turns a
// waiting candidate into one Note per arrival.
//
// # Caveats
//
// A note is best effort: the desktop may have no notification service, or
// the user may have turned notifications off. The console's room status says
// the same thing in the window.
package notify
