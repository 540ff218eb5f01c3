package loadgen

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// Config says what load to put on which host.
type Config struct {
	// URL is the host's base URL (e.g. http://127.0.0.1:7480); Key its
	// console key.
	URL, Key string
	// Interviews is how many 1:1 interviews run at once.
	Interviews int
	// Duration is the measured window, once every interview's media flows;
	// default 30 s. Warmup comes before it; default 2 s.
	Duration, Warmup time.Duration
	// Ramp is the pause between two interviews' starts; default 100 ms.
	Ramp time.Duration
	// Media is what each participant sends.
	Media Media
	// HostPID is the host's process, whose CPU and memory are measured.
	HostPID int
	// FFprobe checks the recordings; default "ffprobe".
	FFprobe string
	Log     *slog.Logger
	// OnWindow, if set, is called as the measured window starts, and the
	// function it returns as the window ends (e.g. to profile the host).
	OnWindow func() (end func())
}

// Result is one run's figures.
type Result struct {
	Interviews []Interview   `json:"interviews"`
	Window     time.Duration `json:"window"`
	Host       Usage         `json:"host"`
	Loader     Usage         `json:"loader"`
	// MachineBusy is the share (0..1) of all the machine's CPUs busy during
	// the window, whoever used them.
	MachineBusy float64 `json:"machineBusy"`
	CPUs        int     `json:"cpus"`
	// Forwarded is RTP packets per second the viewers received in the
	// window: Host.CPU / Forwarded is the host's CPU time per packet.
	Forwarded float64 `json:"forwarded"`
}

// deliveredPackets counts every RTP packet the viewers received so far.
func deliveredPackets(calls []*call) int64 {
	var n int64
	for _, c := range calls {
		for _, s := range []*receivedStream{&c.interviewer.recvVideo, &c.interviewer.recvAudio, &c.candidate.recvVideo, &c.candidate.recvAudio} {
			s.mu.Lock()
			n += s.packets
			s.mu.Unlock()
		}
	}
	return n
}

// Interview is one interview's figures.
type Interview struct {
	ID         string      `json:"id"`
	Streams    []Stream    `json:"streams"`
	Recordings []Recording `json:"recordings"`
	Errors     []string    `json:"errors,omitempty"`
}

// Loss is the share of packets its viewers never received (after NACK
// retransmission), over its four forwarded tracks.
func (iv Interview) Loss() float64 {
	var lost, expected int64
	for _, s := range iv.Streams {
		lost += s.Lost
		expected += s.Expected
	}
	if expected == 0 {
		return 1
	}
	return float64(lost) / float64(expected)
}

// Intact reports whether all four recordings are there, finalised, decode and
// last as long as the media sent.
func (iv Interview) Intact() bool {
	if len(iv.Recordings) != tracksPerInterview {
		return false
	}
	for _, r := range iv.Recordings {
		if r.Problem != "" {
			return false
		}
	}
	return true
}

// Losses summarises the interviews' loss: the worst, the mean and how many
// lost anything.
func (r Result) Losses() (worst, mean float64, lossy int) {
	for _, iv := range r.Interviews {
		l := iv.Loss()
		worst = max(worst, l)
		mean += l
		if l > 0 {
			lossy++
		}
	}
	if len(r.Interviews) > 0 {
		mean /= float64(len(r.Interviews))
	}
	return worst, mean, lossy
}

// Intact counts the interviews whose recordings are intact.
func (r Result) Intact() int {
	n := 0
	for _, iv := range r.Interviews {
		if iv.Intact() {
			n++
		}
	}
	return n
}

func (c *Config) defaults() error {
	if c.URL == "" || c.Key == "" {
		return errors.New("loadgen: the host's URL and console key are required")
	}
	if c.Interviews <= 0 {
		return fmt.Errorf("loadgen: %d interviews", c.Interviews)
	}
	if len(c.Media.Video) == 0 || len(c.Media.Audio) == 0 {
		return errors.New("loadgen: no media to send (MakeMedia)")
	}
	if c.Duration <= 0 {
		c.Duration = 30 * time.Second
	}
	if c.Warmup <= 0 {
		c.Warmup = 2 * time.Second
	}
	if c.Ramp <= 0 {
		c.Ramp = 100 * time.Millisecond
	}
	if c.FFprobe == "" {
		c.FFprobe = "ffprobe"
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.HostPID == 0 {
		c.HostPID = os.Getpid()
	}
	c.URL = strings.TrimRight(c.URL, "/")
	return nil
}

// call is one running interview: its two participants.
type call struct {
	id                     string
	interviewer, candidate *peer
	err                    error
}

// Run schedules cfg.Interviews interviews on the host, runs them at once,
// measures the host over the window, hangs up and checks every recording.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if err := cfg.defaults(); err != nil {
		return Result{}, err
	}
	api := client.Remote(cfg.URL, cfg.Key, client.TLSCheck{})
	links, err := schedule(ctx, api, cfg.URL, cfg.Interviews)
	if err != nil {
		return Result{}, err
	}
	calls := startCalls(ctx, cfg, links)
	defer func() {
		for _, c := range calls {
			c.hangUp()
		}
	}()
	if err := waitFlowing(ctx, calls, 30*time.Second+time.Duration(len(calls))*cfg.Ramp); err != nil {
		return Result{}, err
	}
	res := Result{CPUs: runtime.NumCPU()}
	if err := measure(ctx, cfg, calls, &res); err != nil {
		return Result{}, err
	}
	for _, c := range calls {
		c.stopSending()
	}
	time.Sleep(1500 * time.Millisecond) // the last packets and their retransmissions arrive
	for _, c := range calls {
		res.Interviews = append(res.Interviews, c.figures())
	}
	for _, c := range calls {
		c.hangUp()
	}
	checkAll(ctx, cfg, api, calls, res.Interviews)
	return res, nil
}

// schedule creates n interviews for now from the starter library's first
// template without a technical part, and returns their links.
func schedule(ctx context.Context, api *client.Client, base string, n int) ([]scheduled, error) {
	if err := api.Do(ctx, http.MethodPut, "/api/settings",
		map[string]any{"organizer": map[string]string{"name": "Load Organizer", "email": "organizer@example.com"}}, nil); err != nil {
		return nil, fmt.Errorf("set the organizer: %w", err)
	}
	tpls, err := api.Templates(ctx)
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	tpl, ok := pickTemplate(tpls)
	if !ok {
		return nil, errors.New("the host has no template")
	}
	out := make([]scheduled, 0, n)
	loopback := false
	if u, err := url.Parse(base); err == nil {
		ip := net.ParseIP(u.Hostname())
		loopback = ip != nil && ip.IsLoopback()
	}
	for i := range n {
		iv, err := api.CreateInterview(ctx, interviews.NewInterview{TemplateID: tpl, Position: "Load test",
			CandidateName: fmt.Sprintf("Candidate %03d", i), CandidateEmail: fmt.Sprintf("candidate%03d@example.com", i),
			When: interviews.Now})
		if err != nil {
			return nil, fmt.Errorf("schedule interview %d: %w", i, err)
		}
		out = append(out, scheduled{id: iv.ID, interviewer: iv.InterviewerLink, candidate: iv.CandidateLink, n: i, loopback: loopback})
	}
	return out, nil
}

type scheduled struct {
	id, interviewer, candidate string
	n                          int  // the interview's number in the run
	loopback                   bool // the host listens on a loopback address
}

// from is where participant side (1: interviewer, 2: candidate) of the
// interview connects from: on a loopback host, an address of its own in
// 127.0.0.0/8, as if every person were on a network of their own (the host
// bounds room connections per address).
func (s scheduled) from(side int) net.IP {
	if !s.loopback {
		return nil
	}
	return net.IPv4(127, byte(side), byte(s.n/250), byte(1+s.n%250))
}

func pickTemplate(ts []templates.Summary) (string, bool) {
	for _, t := range ts {
		if !t.Technical {
			return t.ID, true
		}
	}
	if len(ts) > 0 {
		return ts[0].ID, true
	}
	return "", false
}

// startCalls starts every interview, cfg.Ramp apart, each on its own.
func startCalls(ctx context.Context, cfg Config, ss []scheduled) []*call {
	calls := make([]*call, len(ss))
	var wg sync.WaitGroup
	for i, s := range ss {
		calls[i] = &call{id: s.id}
		wg.Add(1)
		go func() {
			defer wg.Done()
			calls[i].start(ctx, cfg, s)
		}()
		select {
		case <-time.After(cfg.Ramp):
		case <-ctx.Done():
		}
	}
	wg.Wait()
	return calls
}

// start joins both participants the way the room app does: the interviewer
// joins the call, the candidate gives consent (recording yes, AI analysis
// no: the run measures calls, not analyses), the interviewer starts the
// interview, which lets the candidate into the call.
func (c *call) start(ctx context.Context, cfg Config, s scheduled) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	log := cfg.Log.With("interview", s.id)
	if c.interviewer, c.err = dialPeer(ctx, cfg.URL, s.interviewer, "interviewer", s.from(1), &cfg.Media, log); c.err != nil {
		return
	}
	if c.err = c.interviewer.request(ctx, map[string]any{"type": "call"}); c.err != nil {
		return
	}
	if c.candidate, c.err = dialPeer(ctx, cfg.URL, s.candidate, "candidate", s.from(2), &cfg.Media, log); c.err != nil {
		return
	}
	consent := map[string]any{"personalData": true, "aiAnalysis": false, "recordingNotice": true,
		"textsVersion": c.candidate.consentTexts}
	if c.err = c.candidate.request(ctx, map[string]any{"type": "ready", "consent": consent}); c.err != nil {
		return
	}
	if c.err = c.interviewer.request(ctx, map[string]any{"type": "action", "action": "started"}); c.err != nil {
		return
	}
	c.err = c.candidate.request(ctx, map[string]any{"type": "call"})
}

// waitFlowing waits until every participant receives the other's video and
// audio.
func waitFlowing(ctx context.Context, calls []*call, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for _, c := range calls {
		if c.err != nil {
			return fmt.Errorf("interview %s: %w", c.id, c.err)
		}
		for _, p := range []*peer{c.interviewer, c.candidate} {
			select {
			case <-p.flowing():
			case <-ctx.Done():
				return fmt.Errorf("interview %s: the %s receives no media after %v (errors: %v)", c.id, p.role, limit, p.errors())
			}
		}
	}
	return nil
}

// measure waits out the warm-up, then measures the host, this process and
// the machine over the window.
func measure(ctx context.Context, cfg Config, calls []*call, res *Result) error {
	select {
	case <-time.After(cfg.Warmup):
	case <-ctx.Done():
		return ctx.Err()
	}
	if cfg.OnWindow != nil {
		end := cfg.OnWindow()
		defer end()
	}
	host, self := startMeter(cfg.HostPID), startMeter(os.Getpid())
	delivered := deliveredPackets(calls)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	end := time.After(cfg.Duration)
	start := time.Now()
loop:
	for {
		select {
		case <-tick.C:
			host.sample()
			self.sample()
		case <-end:
			break loop
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	res.Window = time.Since(start)
	res.Forwarded = float64(deliveredPackets(calls)-delivered) / res.Window.Seconds()
	var err error
	if res.Host, res.MachineBusy, err = host.stop(); err != nil {
		return fmt.Errorf("measure the host: %w", err)
	}
	if res.Loader, _, err = self.stop(); err != nil {
		return fmt.Errorf("measure the load generator: %w", err)
	}
	return nil
}

func (c *call) stopSending() {
	for _, p := range []*peer{c.interviewer, c.candidate} {
		if p != nil {
			p.stopSending()
		}
	}
}

func (c *call) hangUp() {
	for _, p := range []*peer{c.interviewer, c.candidate} {
		if p != nil {
			p.close()
		}
	}
}

// figures compares, for each direction and kind, what the publisher sent with
// what the viewer received.
func (c *call) figures() Interview {
	iv := Interview{ID: c.id}
	pairs := []struct {
		from, to *peer
	}{{c.interviewer, c.candidate}, {c.candidate, c.interviewer}}
	for _, pr := range pairs {
		video, audio := pr.from.mediaSent()
		for _, k := range []struct {
			kind string
			sent *sentStream
			got  *receivedStream
			time time.Duration
		}{{"video", &pr.from.sentVideo, &pr.to.recvVideo, video}, {"audio", &pr.from.sentAudio, &pr.to.recvAudio, audio}} {
			sent, _ := k.sent.snapshot()
			exp, got, lost := compare(k.sent, k.got)
			iv.Streams = append(iv.Streams, Stream{From: pr.from.role, Kind: k.kind, Sent: sent, Expected: exp,
				Received: got, Lost: lost, MediaTime: k.time})
		}
		iv.Errors = append(iv.Errors, pr.from.errors()...)
	}
	return iv
}

// checkAll waits for every interview's recordings to be finalised and checks
// each file, two ffprobes at a time.
func checkAll(ctx context.Context, cfg Config, api *client.Client, calls []*call, out []Interview) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute+time.Duration(len(calls))*time.Second)
	defer cancel()
	slots := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			recs, err := waitRecordings(ctx, api, c.id)
			if err != nil {
				out[i].Errors = append(out[i].Errors, err.Error())
			}
			expected := map[string]time.Duration{}
			for _, p := range []*peer{c.interviewer, c.candidate} {
				v, a := p.mediaSent()
				expected[p.role+"/video"], expected[p.role+"/audio"] = v, a
			}
			for _, r := range recs {
				slots <- struct{}{}
				from := "interviewer"
				if r.Participant == "candidate" {
					from = "candidate"
				}
				out[i].Recordings = append(out[i].Recordings,
					checkRecording(ctx, cfg.FFprobe, cfg.URL, cfg.Key, r, expected[from+"/"+r.Kind]))
				<-slots
			}
			sort.Slice(out[i].Recordings, func(a, b int) bool { return out[i].Recordings[a].Name < out[i].Recordings[b].Name })
		}()
	}
	wg.Wait()
}
