package notify

import (
	"context"
	"fmt"
	"sync"

	"github.com/godbus/dbus/v5"
)

// The freedesktop notification service's names.
const (
	busName       = "org.freedesktop.Notifications"
	busPath       = dbus.ObjectPath("/org/freedesktop/Notifications")
	busInterface  = "org.freedesktop.Notifications"
	actionDefault = "default" // the action a click on the note's body invokes
)

// DBus shows notes through the freedesktop notification service.
type DBus struct {
	conn    *dbus.Conn
	signals chan *dbus.Signal
	done    chan struct{}

	mu      sync.Mutex
	clicks  map[uint32]func() // note ID → its OnClick, until clicked or closed
	closing bool
}

var _ Notifier = (*DBus)(nil)

// DialDBus connects to the D-Bus at address ("" for the session bus) and
// listens for clicks on the notes it shows.
func DialDBus(ctx context.Context, address string) (*DBus, error) {
	var conn *dbus.Conn
	var err error
	if address == "" {
		conn, err = dbus.ConnectSessionBus(dbus.WithContext(ctx))
	} else {
		conn, err = dbus.Connect(address, dbus.WithContext(ctx))
	}
	if err != nil {
		return nil, fmt.Errorf("connect to the session bus: %w", err)
	}
	if err := conn.AddMatchSignalContext(ctx, dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(busInterface)); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("listen for notification clicks: %w", err)
	}
	d := &DBus{conn: conn, signals: make(chan *dbus.Signal, 16), done: make(chan struct{}), clicks: map[uint32]func(){}}
	conn.Signal(d.signals)
	go d.listen()
	return d, nil
}

// Notify shows n; the service's answer says it took it, not that anyone saw it.
func (d *DBus) Notify(ctx context.Context, n Note) error {
	actions := []string{}
	if n.OnClick != nil {
		actions = []string{actionDefault, "Open interview"}
	}
	hints := map[string]dbus.Variant{
		"desktop-entry": dbus.MakeVariant(DesktopEntry),
		"urgency":       dbus.MakeVariant(byte(1)), // normal
	}
	// Holding the lock across the call: a click signal for this ID waits for
	// the ID to be known.
	d.mu.Lock()
	defer d.mu.Unlock()
	var id uint32
	err := d.conn.Object(busName, busPath).CallWithContext(ctx, busInterface+".Notify", 0,
		AppName, uint32(0), Icon, n.Title, n.Body, actions, hints, int32(-1)).Store(&id)
	if err != nil {
		return fmt.Errorf("show a notification: %w", err)
	}
	if n.OnClick != nil {
		d.clicks[id] = n.OnClick
	}
	return nil
}

// listen runs each clicked note's OnClick and forgets closed notes, until
// the connection closes.
func (d *DBus) listen() {
	defer close(d.done)
	for s := range d.signals {
		if s.Path != busPath || len(s.Body) < 2 {
			continue
		}
		id, ok := s.Body[0].(uint32)
		if !ok {
			continue
		}
		switch s.Name {
		case busInterface + ".ActionInvoked":
			if action, _ := s.Body[1].(string); action == actionDefault {
				if click := d.take(id); click != nil {
					click()
				}
			}
		case busInterface + ".NotificationClosed":
			d.take(id)
		}
	}
}

func (d *DBus) take(id uint32) func() {
	d.mu.Lock()
	defer d.mu.Unlock()
	click := d.clicks[id]
	delete(d.clicks, id)
	return click
}

// Close disconnects; notes still shown stay, but clicks no longer reach the app.
func (d *DBus) Close() error {
	d.mu.Lock()
	if d.closing {
		d.mu.Unlock()
		return nil
	}
	d.closing = true
	d.mu.Unlock()
	err := d.conn.Close() // closes the signal channel
	<-d.done
	return err
}
