//go:build unix

package cli

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with ID pid exists (it may be
// another program that got the ID since: the host's proof tells).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
