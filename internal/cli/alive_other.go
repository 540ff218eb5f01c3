//go:build !unix

package cli

import "os"

// processAlive reports whether a process with ID pid exists (it may be
// another program that got the ID since: the host's proof tells).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid) // on Windows this opens the process: it fails for none
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
