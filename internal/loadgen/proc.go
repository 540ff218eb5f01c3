package loadgen

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTick is the unit of /proc's CPU times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// procSample is a process's CPU time (user + system, all threads) and
// resident memory at one moment.
type procSample struct {
	cpu time.Duration
	rss int64 // bytes
}

// readProc reads /proc/PID/stat.
func readProc(pid int) (procSample, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procSample{}, fmt.Errorf("process %d: %w", pid, err)
	}
	// The command name, in parentheses, may hold spaces: fields count from
	// the last ')'. After it: state (3), …, utime (14), stime (15), …, rss (24).
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return procSample{}, fmt.Errorf("process %d: unreadable stat", pid)
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 22 {
		return procSample{}, fmt.Errorf("process %d: short stat", pid)
	}
	field := func(n int) int64 {
		v, _ := strconv.ParseInt(f[n-3], 10, 64)
		return v
	}
	return procSample{
		cpu: time.Duration(field(14)+field(15)) * clockTick,
		rss: field(24) * int64(os.Getpagesize()),
	}, nil
}

// machineSample is the whole machine's CPU time, busy and in all, from
// /proc/stat, in clock ticks summed over every CPU.
type machineSample struct {
	busy, total int64
}

func readMachine() (machineSample, error) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return machineSample{}, fmt.Errorf("machine CPU: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 5 || f[0] != "cpu" {
		return machineSample{}, fmt.Errorf("machine CPU: unreadable /proc/stat")
	}
	var s machineSample
	for i, v := range f[1:] {
		n, _ := strconv.ParseInt(v, 10, 64)
		if i >= 8 { // guest times are already in user and nice
			break
		}
		s.total += n
		if i != 3 && i != 4 { // idle, iowait
			s.busy += n
		}
	}
	return s, nil
}

// Usage is a process's use of the machine over a measured window.
type Usage struct {
	// CPU is CPU time per second of wall time: 1 is one core fully busy.
	CPU float64 `json:"cpu"`
	// RSS is the largest resident memory seen, sampled once a second.
	RSS int64 `json:"rss"`
}

// meter measures one process (and the machine) over a window.
type meter struct {
	pid     int
	start   time.Time
	first   procSample
	machine machineSample
	peak    int64
	err     error
}

func startMeter(pid int) *meter {
	m := &meter{pid: pid, start: time.Now()}
	m.first, m.err = readProc(pid)
	m.peak = m.first.rss
	if m.err == nil {
		m.machine, m.err = readMachine()
	}
	return m
}

// sample notes the resident memory now.
func (m *meter) sample() {
	if s, err := readProc(m.pid); err == nil && s.rss > m.peak {
		m.peak = s.rss
	}
}

// stop ends the window: the process's usage and the machine's busy share
// (0..1 of all its CPUs).
func (m *meter) stop() (Usage, float64, error) {
	if m.err != nil {
		return Usage{}, 0, m.err
	}
	wall := time.Since(m.start)
	last, err := readProc(m.pid)
	if err != nil {
		return Usage{}, 0, err
	}
	mach, err := readMachine()
	if err != nil {
		return Usage{}, 0, err
	}
	u := Usage{CPU: (last.cpu - m.first.cpu).Seconds() / wall.Seconds(), RSS: max(m.peak, last.rss)}
	busy := 0.0
	if d := mach.total - m.machine.total; d > 0 {
		busy = float64(mach.busy-m.machine.busy) / float64(d)
	}
	return u, busy, nil
}
