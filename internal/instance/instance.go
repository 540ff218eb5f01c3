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
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// SocketFile is the socket's name in the data folder.
const SocketFile = "desktop.sock"

// maxSocketPath is the longest socket path every platform takes (macOS: 104
// bytes with the terminating NUL).
const maxSocketPath = 103

// exchangeTimeout bounds one request or answer on the socket.
const exchangeTimeout = 3 * time.Second

const (
	request = "show"
	answer  = "ok"
)

// Errors.
var (
	// ErrNotRunning means no instance listens on the data folder.
	ErrNotRunning = fault.New(fault.NotFound, "no InterviewDesk window is open on this data folder")
	// ErrPathTooLong means the data folder's path is too long for a socket.
	ErrPathTooLong = fault.New(fault.Invalid, "the data folder's path is too long for the single-instance socket")
)

// socketPath is the socket's path in dir.
func socketPath(dir string) (string, error) {
	p := filepath.Join(dir, SocketFile)
	if len(p) > maxSocketPath {
		return "", fmt.Errorf("%s: %w", p, ErrPathTooLong)
	}
	return p, nil
}

// Ask asks the instance running on dir to show its window. It returns nil
// once that instance has said it will, and ErrNotRunning when none listens.
func Ask(ctx context.Context, dir string) error {
	path, err := socketPath(dir)
	if err != nil {
		return err
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrNotRunning, err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(deadline(ctx))
	if _, err := io.WriteString(conn, request+"\n"); err != nil {
		return fmt.Errorf("ask the running InterviewDesk to show itself: %w", err)
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != answer {
		return fmt.Errorf("the running InterviewDesk did not answer: %q %w", line, err)
	}
	return nil
}

func deadline(ctx context.Context) time.Time {
	if d, ok := ctx.Deadline(); ok {
		return d
	}
	return time.Now().Add(exchangeTimeout)
}

// Listener is the running instance's end of the socket.
type Listener struct {
	ln   net.Listener
	show func()
	log  *slog.Logger
	wg   sync.WaitGroup
}

// Listen listens on dir's socket and calls show for each later launch, until
// Close. Call it only while holding the data folder (its store's lock): a
// socket file already there is then a crashed instance's, and is replaced.
func Listen(dir string, show func(), log *slog.Logger) (*Listener, error) {
	path, err := socketPath(dir)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("remove the old single-instance socket: %w", err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("listen on the single-instance socket: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		_ = ln.Close()
		return nil, fmt.Errorf("make the single-instance socket private: %w", err)
	}
	l := &Listener{ln: ln, show: show, log: log}
	l.wg.Add(1)
	go l.serve()
	return l, nil
}

func (l *Listener) serve() {
	defer l.wg.Done()
	for {
		conn, err := l.ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				l.log.Warn("single-instance socket stopped", "err", err)
			}
			return
		}
		l.answer(conn)
	}
}

// answer handles one launch's request; anything but "show" is dropped.
func (l *Listener) answer(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(exchangeTimeout))
	line, err := bufio.NewReader(io.LimitReader(conn, 64)).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != request {
		return
	}
	l.show()
	_, _ = io.WriteString(conn, answer+"\n")
}

// Close stops listening, removes the socket and waits for a request being
// answered.
func (l *Listener) Close() error {
	err := l.ln.Close() // a Unix listener removes its socket file
	l.wg.Wait()
	return err
}
