package notify

import (
	"bufio"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"
)

// startBus runs a private D-Bus daemon (Debian's dbus-daemon, the one a
// desktop session runs) for the test and returns its address.
func startBus(t *testing.T) string {
	t.Helper()
	daemon, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Fatal("dbus-daemon is needed (apt-get install dbus-daemon; scripts/deps.sh test installs it)")
	}
	cmd := exec.Command(daemon, "--session", "--nofork", "--nopidfile", "--print-address=1",
		"--address=unix:path="+filepath.Join(t.TempDir(), "bus"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dbus-daemon: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	return strings.TrimSpace(line)
}

// shown is a Notify call the fake notification service received.
type shown struct {
	ID      uint32
	App     string
	Icon    string
	Summary string
	Body    string
	Actions []string
	Hints   map[string]dbus.Variant
}

// fakeServer plays the desktop's notification service (what GNOME Shell,
// KDE Plasma or dunst provide) on a bus: it records each note and can click
// or close one, as a user would.
type fakeServer struct {
	conn  *dbus.Conn
	notes chan shown
	mu    sync.Mutex
	next  uint32
}

func startServer(t *testing.T, address string) *fakeServer {
	t.Helper()
	conn, err := dbus.Connect(address)
	if err != nil {
		t.Fatalf("fake server: connect: %v", err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	s := &fakeServer{conn: conn, notes: make(chan shown, 8), next: 40}
	if err := conn.Export(s, busPath, busInterface); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName(busName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("fake server: own %s: %v %v", busName, reply, err)
	}
	return s
}

// Notify is the service's method (the specification's signature).
func (s *fakeServer) Notify(app string, replaces uint32, icon, summary, body string, actions []string,
	hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	s.mu.Lock()
	s.next++
	id := s.next
	s.mu.Unlock()
	s.notes <- shown{ID: id, App: app, Icon: icon, Summary: summary, Body: body, Actions: actions, Hints: hints}
	return id, nil
}

// GetCapabilities says the service shows actions (notify-send asks).
func (s *fakeServer) GetCapabilities() ([]string, *dbus.Error) {
	return []string{"actions", "body"}, nil
}

// GetServerInformation names the fake.
func (s *fakeServer) GetServerInformation() (string, string, string, string, *dbus.Error) {
	return "fake", "InterviewDesk tests", "1", "1.2", nil
}

// CloseNotification closes a note.
func (s *fakeServer) CloseNotification(id uint32) *dbus.Error {
	s.close(id)
	return nil
}

func (s *fakeServer) click(t *testing.T, id uint32) {
	t.Helper()
	if err := s.conn.Emit(busPath, busInterface+".ActionInvoked", id, actionDefault); err != nil {
		t.Fatal(err)
	}
	s.close(id) // a service closes the note it was clicked on
}

func (s *fakeServer) close(id uint32) {
	_ = s.conn.Emit(busPath, busInterface+".NotificationClosed", id, uint32(2))
}
