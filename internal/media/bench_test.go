package media

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// BenchmarkForward measures the host's cost per forwarded participant with
// N simultaneous 1:1 rooms: each of the 2N participants publishes VP8
// (320x240, 20 fps, ~300 kbit/s) and Opus (20 ms) in real time, and the host
// forwards every track to the other participant and records it. The
// participants run in a child process (TestBenchClients), so the host's
// CPU and memory are measured alone.
//
// One op is one RTP packet received and forwarded: ns/op is wall time per
// forwarded packet (it shrinks as rooms add packets), B/op and allocs/op are
// the host's allocations per forwarded packet. Custom metrics:
// cpu-ms/s/participant is host CPU time per second of call per participant,
// heap-KB/participant the live heap per participant, pkts/s the packets
// forwarded per second.
func BenchmarkForward(b *testing.B) {
	for _, rooms := range []int{1, 5, 10} {
		// testing calls the function below several times with a growing
		// b.N: set the rooms up once and measure each time.
		var env *benchEnv
		b.Run(fmt.Sprintf("rooms=%d", rooms), func(b *testing.B) {
			if env == nil {
				env = startBenchEnv(b, rooms)
			}
			env.measure(b)
		})
		if env != nil {
			env.close()
		}
	}
}

type benchEnv struct {
	host      *testHost
	cmd       *exec.Cmd
	toChild   io.WriteCloser
	wmu       sync.Mutex
	sessions  []Session
	heapSetup uint64
	done      chan struct{}
	peers     int
}

type benchLine struct {
	Peer int           `json:"peer"`
	Msg  SignalMessage `json:"msg"`
}

func startBenchEnv(b *testing.B, rooms int) *benchEnv {
	b.Helper()
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heapBefore := ms.HeapAlloc

	env := &benchEnv{host: newBenchHost(b), peers: 2 * rooms, done: make(chan struct{})}
	hostR, childW, err := os.Pipe() // child → host
	if err != nil {
		b.Fatal(err)
	}
	childR, hostW, err := os.Pipe() // host → child
	if err != nil {
		b.Fatal(err)
	}
	env.toChild = hostW
	env.cmd = exec.Command(os.Args[0], "-test.run=^TestBenchClients$", "-test.count=1")
	env.cmd.Env = append(os.Environ(), benchClientEnv+"="+strconv.Itoa(env.peers))
	env.cmd.ExtraFiles = []*os.File{childR, childW} // fd 3, fd 4
	env.cmd.Stderr = os.Stderr
	if err := env.cmd.Start(); err != nil {
		b.Fatal(err)
	}
	childR.Close()
	childW.Close()

	for i := range env.peers {
		sig := benchSignal{env: env, peer: i}
		sess, err := env.host.sfu.Join(context.Background(), fmt.Sprintf("bench-%d", i/2),
			ParticipantInfo{ID: fmt.Sprintf("p%d", i)}, sig, JoinOptions{})
		if err != nil {
			b.Fatal(err)
		}
		env.sessions = append(env.sessions, sess)
	}
	go func() {
		defer close(env.done)
		sc := bufio.NewScanner(hostR)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var l benchLine
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				continue
			}
			_ = env.sessions[l.Peer].HandleSignal(l.Msg)
		}
	}()

	// Every track published, then settled: every track recording, with half a
	// second in its file (the index is updated about once a second).
	waitFor(b, 30*time.Second, "all tracks published", func() bool {
		return len(env.host.events.find(func(e Event) bool { return e.Type == EventTrackPublished })) == 2*env.peers
	})
	waitFor(b, 30*time.Second, "every track recording", func() bool {
		for room := range rooms {
			recs, _ := env.host.sfu.Recordings(fmt.Sprintf("bench-%d", room))
			if len(recs) != 4 { // two participants, camera and microphone
				return false
			}
			for _, r := range recs {
				if !r.Active || r.Duration < 500*time.Millisecond {
					return false
				}
			}
		}
		return true
	})
	runtime.GC()
	runtime.ReadMemStats(&ms)
	env.heapSetup = ms.HeapAlloc - min(heapBefore, ms.HeapAlloc)
	return env
}

type benchSignal struct {
	env  *benchEnv
	peer int
}

func (s benchSignal) Send(msg SignalMessage) error {
	line, err := json.Marshal(benchLine{Peer: s.peer, Msg: msg})
	if err != nil {
		return err
	}
	s.env.wmu.Lock()
	defer s.env.wmu.Unlock()
	_, err = s.env.toChild.Write(append(line, '\n'))
	return err
}

func (env *benchEnv) measure(b *testing.B) {
	cpu0 := cpuTime()
	start := time.Now()
	in0 := env.host.sfu.rtpIn.Load()
	b.ReportAllocs()
	b.ResetTimer()
	waitEvery(b, time.Millisecond, 10*time.Minute, fmt.Sprintf("%d packets forwarded", b.N), func() bool {
		return env.host.sfu.rtpIn.Load()-in0 >= uint64(b.N)
	})
	b.StopTimer()
	wall := time.Since(start)
	cpu := cpuTime() - cpu0
	pkts := env.host.sfu.rtpIn.Load() - in0
	b.ReportMetric(float64(cpu.Milliseconds())/wall.Seconds()/float64(env.peers), "cpu-ms/s/participant")
	b.ReportMetric(float64(pkts)/wall.Seconds(), "pkts/s")
	b.ReportMetric(float64(env.heapSetup)/1024/float64(env.peers), "heap-KB/participant")
}

func (env *benchEnv) close() {
	_ = env.toChild.Close() // the child's peers close and it exits
	_ = env.cmd.Wait()
	<-env.done
	_ = env.host.sfu.Close()
	_ = os.RemoveAll(env.host.dir)
}

// newBenchHost is newTestHost without test cleanups: the rooms outlive the
// first sub-benchmark call that sets them up.
func newBenchHost(b *testing.B) *testHost {
	dir, err := os.MkdirTemp("", "media-bench-")
	if err != nil {
		b.Fatal(err)
	}
	conn, err := new(netListenConfig).listenPacket("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	h := &testHost{dir: dir, events: &eventLog{}}
	s, err := New(Config{ICEConn: conn, IncludeLoopbackCandidate: true, RecordDir: dir, OnEvent: h.events.add}, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	h.sfu = s
	return h
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestBenchClients is BenchmarkForward's participants, run in a child
// process: it reads host messages on fd 3 and writes its own on fd 4.
func TestBenchClients(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(benchClientEnv))
	if n == 0 {
		t.Skip("child process of BenchmarkForward")
	}
	in, out := os.NewFile(3, "from-host"), os.NewFile(4, "to-host")
	var wmu sync.Mutex
	peers := make([]*testPeer, n)
	for i := range peers {
		p := newTestPeer(t, fmt.Sprintf("p%d", i))
		p.offerOnConfig = true
		p.deliver = func(m SignalMessage) {
			line, _ := json.Marshal(benchLine{Peer: i, Msg: m})
			wmu.Lock()
			_, _ = out.Write(append(line, '\n'))
			wmu.Unlock()
		}
		p.publishCamera(0)
		peers[i] = p
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l benchLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil || l.Peer < 0 || l.Peer >= n {
			continue
		}
		_ = peers[l.Peer].Send(l.Msg)
	}
	for _, p := range peers {
		p.close()
	}
	out.Close()
}
