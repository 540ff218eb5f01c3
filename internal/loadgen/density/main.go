// Command density measures how many concurrent recorded 1:1 interviews one
// host carries: for each step it starts a fresh `interviewdesk serve` on
// loopback, runs package loadgen's interviews against it for the measured
// window, and prints one table row per step — the host's CPU and memory,
// forwarding loss per interview, whether the recordings are intact — and the
// knee: the first step with any loss or a saturated CPU.
//
//	density -bin build/bin/interviewdesk -steps "10 25 50 75" -seconds 30 [-media bench/out/media]
//	        [-rows FILE] [-json FILE] [-perf DIR] [-cpuprofile FILE]
//
// -perf records the host with `perf record -g` during each window, for
// `perf report` (Go binaries carry frame pointers and symbols); -cpuprofile
// profiles the load generator itself.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/loadgen"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "density:", err)
		os.Exit(1)
	}
}

type options struct {
	bin, mediaDir, rows, jsonOut, perfDir string
	steps                                 []int
	window                                time.Duration
	log                                   *slog.Logger
}

func run() error {
	var o options
	steps := flag.String("steps", envOr("DENSITY_STEPS", "10 25 50 75"), "interviews at each step")
	seconds := flag.Int("seconds", envInt("DENSITY_SECONDS", 30), "measured seconds per step")
	flag.StringVar(&o.bin, "bin", "build/bin/interviewdesk", "the interviewdesk binary to serve")
	flag.StringVar(&o.mediaDir, "media", "bench/out/media", "where the encoded media is cached")
	flag.StringVar(&o.rows, "rows", "", "append the table to this file too")
	flag.StringVar(&o.jsonOut, "json", "", "write every figure of every step to this file")
	flag.StringVar(&o.perfDir, "perf", "", "record the host with perf during each window into this folder")
	verbose := flag.Bool("v", false, "log the load generator's warnings")
	cpuProfile := flag.String("cpuprofile", "", "write the load generator's own CPU profile to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	for _, f := range strings.Fields(*steps) {
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return fmt.Errorf("step %q: want a positive number of interviews", f)
		}
		o.steps = append(o.steps, n)
	}
	o.window = time.Duration(*seconds) * time.Second
	level := slog.LevelError
	if *verbose {
		level = slog.LevelWarn
	}
	o.log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m, err := loadgen.MakeMedia(ctx, "", o.mediaDir, loadgen.MediaSpec{})
	if err != nil {
		return err
	}
	var results []step
	for _, n := range o.steps {
		fmt.Fprintf(os.Stderr, "density: %d interviews for %v…\n", n, o.window)
		res, err := runStep(ctx, o, m, n)
		if err != nil {
			return fmt.Errorf("%d interviews: %w", n, err)
		}
		results = append(results, step{N: n, Result: res})
		describe(os.Stderr, n, res)
	}
	return report(o, results)
}

type step struct {
	N      int            `json:"interviews"`
	Result loadgen.Result `json:"result"`
}

// runStep serves a fresh data folder and runs n interviews against it.
func runStep(ctx context.Context, o options, m loadgen.Media, n int) (loadgen.Result, error) {
	h, err := startHost(ctx, o.bin)
	if err != nil {
		return loadgen.Result{}, err
	}
	defer h.stop()
	cfg := loadgen.Config{URL: h.url, Key: h.key, Interviews: n, Duration: o.window, Media: m, HostPID: h.cmd.Process.Pid, Log: o.log}
	if o.perfDir != "" {
		cfg.OnWindow = func() func() { return perfRecord(o.perfDir, n, h.cmd.Process.Pid) }
	}
	res, err := loadgen.Run(ctx, cfg)
	if err != nil {
		return res, fmt.Errorf("%w\nhost log (tail):\n%s", err, h.tail())
	}
	return res, nil
}

// host is a running `interviewdesk serve`.
type host struct {
	cmd      *exec.Cmd
	data     string
	url, key string
	logFile  string
}

var serving = regexp.MustCompile(`serving on (https?://\S+) \(console: (\S+)\)`)

func startHost(ctx context.Context, bin string) (*host, error) {
	data, err := os.MkdirTemp("", "interviewdesk-density-")
	if err != nil {
		return nil, err
	}
	h := &host{data: data, logFile: filepath.Join(data, "serve.log")}
	logf, err := os.Create(h.logFile)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	h.cmd = exec.Command(bin, "serve", "--data", filepath.Join(data, "host"), "--listen", "127.0.0.1:0")
	h.cmd.Stderr = logf
	out, err := h.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := h.cmd.Start(); err != nil {
		_ = os.RemoveAll(data)
		return nil, fmt.Errorf("start %s serve: %w", bin, err)
	}
	found := make(chan []string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := serving.FindStringSubmatch(sc.Text()); m != nil {
				found <- m
			}
		}
		close(found)
	}()
	select {
	case m, ok := <-found:
		if !ok {
			h.stop()
			return nil, fmt.Errorf("%s serve stopped before serving:\n%s", bin, h.tail())
		}
		u, err := url.Parse(m[2])
		if err != nil {
			h.stop()
			return nil, fmt.Errorf("console link %q: %w", m[2], err)
		}
		h.url, h.key = m[1], u.Query().Get("key")
		return h, nil
	case <-time.After(20 * time.Second):
		h.stop()
		return nil, fmt.Errorf("%s serve printed no URL in 20 s:\n%s", bin, h.tail())
	case <-ctx.Done():
		h.stop()
		return nil, ctx.Err()
	}
}

// stop ends the host (SIGTERM, then SIGKILL after 15 s) and deletes its data.
func (h *host) stop() {
	_ = h.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = h.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = h.cmd.Process.Kill()
		<-done
	}
	_ = os.RemoveAll(h.data)
}

func (h *host) tail() string {
	b, _ := os.ReadFile(h.logFile)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// perfRecord samples the host's stacks until the returned function is called.
func perfRecord(dir string, n, pid int) func() {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		fmt.Fprintln(os.Stderr, "density: perf:", err)
		return func() {}
	}
	out := filepath.Join(dir, fmt.Sprintf("host-%d.perf.data", n))
	cmd := exec.Command("perf", "record", "-g", "-F", "499", "-p", strconv.Itoa(pid), "-o", out)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "density: perf:", err)
		return func() {}
	}
	return func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
		fmt.Fprintf(os.Stderr, "density: host profile in %s (perf report -i %s)\n", out, out)
	}
}

// describe prints a step's details: every interview with loss or a
// recording problem, and the errors seen.
func describe(w io.Writer, n int, r loadgen.Result) {
	for _, iv := range r.Interviews {
		if iv.Loss() == 0 && iv.Intact() && len(iv.Errors) == 0 {
			continue
		}
		fmt.Fprintf(w, "  interview %s: loss %.3f %%", iv.ID, 100*iv.Loss())
		for _, s := range iv.Streams {
			if s.Lost > 0 {
				fmt.Fprintf(w, "; %s %s lost %d of %d", s.From, s.Kind, s.Lost, s.Expected)
			}
		}
		for _, rec := range iv.Recordings {
			if rec.Problem != "" {
				fmt.Fprintf(w, "; %s: %s", rec.Name, rec.Problem)
			}
		}
		if len(iv.Recordings) != 4 {
			fmt.Fprintf(w, "; %d recordings", len(iv.Recordings))
		}
		for _, e := range iv.Errors {
			fmt.Fprintf(w, "; %s", e)
		}
		fmt.Fprintln(w)
	}
	worst, _, lossy := r.Losses()
	fmt.Fprintf(w, "density: %d interviews: host %.2f cores (%.1f µs per forwarded packet), %d MB; loss worst %.3f %% (%d lossy); recordings intact %d/%d; machine %.0f %% busy\n",
		n, r.Host.CPU, perPacket(r), r.Host.RSS>>20, 100*worst, lossy, r.Intact(), n, 100*r.MachineBusy)
}

// perPacket is the host's CPU time per forwarded packet, in microseconds.
func perPacket(r loadgen.Result) float64 {
	if r.Forwarded == 0 {
		return 0
	}
	return r.Host.CPU / r.Forwarded * 1e6
}

// saturated: the host and the load generator together kept the machine's
// CPUs busy (what others ran beside them shows in "machine busy" only).
func saturated(r loadgen.Result) bool {
	return r.Host.CPU+r.Loader.CPU >= 0.9*float64(r.CPUs)
}

func report(o options, steps []step) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nDensity: concurrent recorded 1:1 interviews, each way VP8 640x480 ~1 Mbit/s + Opus; %v measured per step; a fresh `serve` per step; the pion load generator shares the machine's %d CPUs:\n\n",
		o.window, steps[0].Result.CPUs)
	b.WriteString("| interviews | host CPU (cores) | host CPU per forwarded packet | host RSS | loss per interview (worst / mean) | interviews with loss | recordings intact | load generator CPU | machine busy |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	knee := ""
	for _, s := range steps {
		r := s.Result
		worst, mean, lossy := r.Losses()
		fmt.Fprintf(&b, "| %d | %.2f | %.1f µs | %d MB | %.3f %% / %.3f %% | %d/%d | %d/%d | %.2f | %.0f %% |\n",
			s.N, r.Host.CPU, perPacket(r), r.Host.RSS>>20, 100*worst, 100*mean, lossy, s.N, r.Intact(), s.N, r.Loader.CPU, 100*r.MachineBusy)
		if knee != "" {
			continue
		}
		var why []string
		if lossy > 0 {
			why = append(why, "forwarding loss")
		}
		if saturated(r) {
			why = append(why, "CPU saturated")
		}
		if r.Intact() < s.N {
			why = append(why, "recordings not intact")
		}
		if len(why) > 0 {
			knee = fmt.Sprintf("%d interviews (%s)", s.N, strings.Join(why, ", "))
		}
	}
	if knee == "" {
		knee = fmt.Sprintf("not reached up to %d interviews", steps[len(steps)-1].N)
	}
	fmt.Fprintf(&b, "\nKnee: %s.\n", knee)
	fmt.Print(b.String())
	if o.rows != "" {
		f, err := os.OpenFile(o.rows, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		_, err = f.WriteString(b.String())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	if o.jsonOut != "" {
		raw, err := json.MarshalIndent(steps, "", "  ")
		if err != nil {
			return err
		}
		return os.WriteFile(o.jsonOut, raw, 0o644)
	}
	return nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
