//go:build unix

package main

import (
	"os"
	"syscall"
)

// reportSignals ask for the counters.
var reportSignals = []os.Signal{syscall.SIGUSR1}
