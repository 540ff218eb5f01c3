package instance

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var quiet = slog.New(slog.DiscardHandler)

// dataDir is a short temporary folder: t.TempDir's paths can pass the
// socket's length limit.
func dataDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "iv-inst-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

func TestASecondLaunchAsksTheFirstToShowItself(t *testing.T) {
	dir := dataDir(t)
	if err := Ask(context.Background(), dir); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Ask with nobody listening = %v, want ErrNotRunning", err)
	}
	shown := make(chan struct{}, 4)
	l, err := Listen(dir, func() { shown <- struct{}{} }, quiet)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, SocketFile))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("socket %v, %v; want mode 0600", info, err)
	}
	for range 2 {
		if err := Ask(context.Background(), dir); err != nil {
			t.Fatalf("Ask: %v", err)
		}
		<-shown
	}
	if err := l.Close(); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, SocketFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket outlived Close: %v", err)
	}
	if err := Ask(context.Background(), dir); !errors.Is(err, ErrNotRunning) {
		t.Errorf("Ask after Close = %v, want ErrNotRunning", err)
	}
}

func TestOnlyTheShowRequestIsAnswered(t *testing.T) {
	dir := dataDir(t)
	shown := make(chan struct{}, 4)
	l, err := Listen(dir, func() { shown <- struct{}{} }, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	conn, err := net.Dial("unix", filepath.Join(dir, SocketFile))
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.WriteString(conn, "quit\n")
	if b, _ := io.ReadAll(conn); len(b) != 0 {
		t.Errorf("an unknown request got %q", b)
	}
	conn.Close()
	if err := Ask(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	<-shown
	if len(shown) != 0 {
		t.Error("the unknown request showed the window")
	}
}

func TestASocketLeftByACrashIsReplaced(t *testing.T) {
	dir := dataDir(t)
	path := filepath.Join(dir, SocketFile)
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close() // the file stays, as after a crash
	if err := Ask(context.Background(), dir); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Ask on a dead socket = %v, want ErrNotRunning", err)
	}
	l, err := Listen(dir, func() {}, quiet)
	if err != nil {
		t.Fatalf("Listen over a dead socket: %v", err)
	}
	defer l.Close()
	if err := Ask(context.Background(), dir); err != nil {
		t.Error(err)
	}
}

func TestADeepDataFolderHasNoSocket(t *testing.T) {
	deep := filepath.Join(dataDir(t), strings.Repeat("d", 120))
	if _, err := Listen(deep, func() {}, quiet); !errors.Is(err, ErrPathTooLong) {
		t.Errorf("Listen = %v, want ErrPathTooLong", err)
	}
	if err := Ask(context.Background(), deep); !errors.Is(err, ErrPathTooLong) {
		t.Errorf("Ask = %v, want ErrPathTooLong", err)
	}
}

// The first instance and the second launch as two processes: this test binary
// runs again as the first instance (TestHelperFirstInstance).
func TestTwoProcesses(t *testing.T) {
	dir := dataDir(t)
	first := exec.Command(os.Args[0], "-test.run=^TestHelperFirstInstance$")
	first.Env = append(os.Environ(), "INSTANCE_HELPER_DIR="+dir)
	out, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = first.Process.Kill()
		_ = first.Wait()
	}()
	lines := bufio.NewScanner(out)
	expect := func(want string) {
		t.Helper()
		if !lines.Scan() || lines.Text() != want {
			t.Fatalf("first instance said %q (%v), want %q", lines.Text(), lines.Err(), want)
		}
	}
	expect("listening")
	if err := Ask(context.Background(), dir); err != nil {
		t.Fatalf("the second launch's Ask: %v", err)
	}
	expect("shown")

	// The first instance dies without cleaning up: the next launch takes over.
	_ = first.Process.Kill()
	_ = first.Wait()
	if err := Ask(context.Background(), dir); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Ask after the first instance died = %v, want ErrNotRunning", err)
	}
	l, err := Listen(dir, func() {}, quiet)
	if err != nil {
		t.Fatalf("Listen after a crash: %v", err)
	}
	l.Close()
}

// TestHelperFirstInstance is the first instance of TestTwoProcesses; it does
// nothing in a normal run.
func TestHelperFirstInstance(t *testing.T) {
	dir := os.Getenv("INSTANCE_HELPER_DIR")
	if dir == "" {
		return
	}
	shown := make(chan struct{})
	l, err := Listen(dir, func() { close(shown) }, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	fmt.Println("listening")
	<-shown
	fmt.Println("shown")
	select {} // until killed, as a running app would be
}
