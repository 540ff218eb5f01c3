//go:build !unix

package main

import "os"

// reportSignals ask for the counters: none here, only the last report.
var reportSignals []os.Signal
