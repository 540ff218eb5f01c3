package relay

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// The UDP listener a caller hands in gets the buffers the relay asks for, as
// far as the kernel lets this process have them (net.core.rmem_max, lifted
// with CAP_NET_ADMIN), and a smaller grant is logged.
func TestCallersUDPListenerGetsLargeBuffers(t *testing.T) {
	srv, logs := startServer(t, nil)
	raw, err := srv.udp.fast.out.conn.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var reported int
	if err := raw.Control(func(fd uintptr) {
		reported, err = unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUF)
	}); err != nil || reported == 0 {
		t.Fatalf("SO_RCVBUF: %d, %v", reported, err)
	}
	granted := reported / 2 // the kernel reports twice what it grants
	capped := listenSocketBuffer
	if b, err := os.ReadFile("/proc/sys/net/core/rmem_max"); err == nil {
		if limit, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && limit < capped {
			capped = limit
		}
	}
	if granted < capped {
		t.Errorf("listener's receive buffer %d bytes, want at least %d", granted, capped)
	}
	if logged := strings.Contains(logs.String(), "UDP receive buffer is smaller"); logged != (granted < listenSocketBuffer) {
		t.Errorf("logged a small buffer: %v, granted %d of %d", logged, granted, listenSocketBuffer)
	}
}
