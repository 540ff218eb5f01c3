//go:build unix

package testmain

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Child is a process this test binary started that still runs.
type Child struct {
	Name string // the program's name as the kernel keeps it, at most 15 bytes
	Nice int
}

// Children lists the processes this test binary started that still run
// (from /proc, on Linux; none elsewhere).
func Children(tb testing.TB) []Child {
	tb.Helper()
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var out []Child
	for _, st := range stats {
		b, err := os.ReadFile(st)
		if err != nil {
			continue // ended meanwhile
		}
		// pid (comm) state ppid … nice is the 19th field; comm may hold spaces.
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open {
			continue
		}
		f := strings.Fields(s[end+1:]) // state ppid …: nice is f[16]
		if len(f) < 17 || f[1] != strconv.Itoa(os.Getpid()) {
			continue
		}
		nice, _ := strconv.Atoi(f[16])
		out = append(out, Child{Name: s[open+1 : end], Nice: nice})
	}
	return out
}

// ChildCPU is the user and system time of this test binary's finished
// child processes, for benchmarks of work done by other programs.
func ChildCPU(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
