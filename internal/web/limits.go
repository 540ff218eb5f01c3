package web

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"
)

// Limits that keep one caller from wearing the host down: failed lookups of
// link tokens and console keys per address, room channels per link and per
// address, and how long a request body may take to arrive.

const (
	// maxGuesses failed lookups from one address within guessWindow, and
	// that address is refused token and key lookups until the window ends.
	maxGuesses  = 30
	guessWindow = time.Minute
	// maxGuessAddrs bounds the addresses remembered (a flood of them resets).
	maxGuessAddrs = 10000

	// RequestReadTimeout bounds reading a request, headers and body; the
	// handler lifts it for room channels and push streams, which stay open.
	RequestReadTimeout = 2 * time.Minute
	// DefaultBodyTimeout is how long a request body may take to arrive.
	DefaultBodyTimeout = 30 * time.Second

	// maxSocketsPerLink and maxSocketsPerAddr bound open room channels: a
	// few tabs and reconnects per person, a small office behind one address.
	maxSocketsPerLink = 8
	maxSocketsPerAddr = 64
)

// guessLimiter counts failed lookups per address in fixed windows.
type guessLimiter struct {
	log *slog.Logger
	now func() time.Time

	mu     sync.Mutex
	byAddr map[netip.Prefix]*guessCount
}

type guessCount struct {
	since  time.Time // the window's start
	failed int
}

func newGuessLimiter(log *slog.Logger, now func() time.Time) *guessLimiter {
	return &guessLimiter{log: log, now: now, byAddr: map[netip.Prefix]*guessCount{}}
}

// source is who a request counts against: its address, an IPv6 one by its
// /64 (one machine can have all of those).
func source(r *http.Request) netip.Prefix {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Prefix{}
	}
	a = a.Unmap()
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, _ := a.Prefix(bits)
	return p
}

// count returns r's source's window, started afresh when the last ended.
func (g *guessLimiter) count(r *http.Request) (*guessCount, netip.Prefix) {
	src, now := source(r), g.now()
	c := g.byAddr[src]
	if c == nil || now.Sub(c.since) >= guessWindow {
		if len(g.byAddr) >= maxGuessAddrs {
			clear(g.byAddr)
		}
		c = &guessCount{since: now}
		g.byAddr[src] = c
	}
	return c, src
}

// retryAfter is how long r's source is refused lookups; 0: not refused.
func (g *guessLimiter) retryAfter(r *http.Request) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	c, _ := g.count(r)
	if c.failed < maxGuesses {
		return 0
	}
	return c.since.Add(guessWindow).Sub(g.now())
}

// failed records a failed lookup of what (a link, a sign-in key) and reports
// whether r's source is now over the limit. The limit's first refusal in a
// window is logged once, with the count, instead of every guess.
func (g *guessLimiter) failed(r *http.Request, what string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	c, src := g.count(r)
	c.failed++
	if c.failed == maxGuesses {
		g.log.Warn("refusing lookups from an address that keeps trying unknown links or keys",
			"source", src.String(), "failed", c.failed, "last", what, "window", guessWindow,
			"until", c.since.Add(guessWindow).UTC().Format(time.RFC3339))
	}
	return c.failed > maxGuesses
}

// tooManyGuesses answers 429 with Retry-After to a source over the limit.
func (s *Server) tooManyGuesses(w http.ResponseWriter, r *http.Request) {
	wait := max(s.guesses.retryAfter(r), time.Second)
	w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
	const msg = "Too many links or sign-in keys from this address did not work. Wait a minute, then check that you copied the whole link."
	if len(r.URL.Path) > 5 && r.URL.Path[:5] == "/api/" {
		writeJSON(w, http.StatusTooManyRequests, errorBody(codeTooMany, msg, nil))
		return
	}
	s.page(w, http.StatusTooManyRequests, linkPage{Title: "Too many tries", Message: msg})
}

// guarded runs lookup for a link route unless r's source is over the limit;
// lookup reports whether the token was unknown.
func (s *Server) guarded(w http.ResponseWriter, r *http.Request, what string, lookup func() (unknown bool)) {
	if s.guesses.retryAfter(r) > 0 {
		s.tooManyGuesses(w, r)
		return
	}
	if lookup() {
		s.guesses.failed(r, what)
	}
}

// socketCounts counts open room channels by link token and by source.
type socketCounts struct {
	mu     sync.Mutex
	byLink map[string]int
	byAddr map[netip.Prefix]int
}

func newSocketCounts() *socketCounts {
	return &socketCounts{byLink: map[string]int{}, byAddr: map[netip.Prefix]int{}}
}

// errTooManySockets' messages are the close reasons a browser shows.
var (
	errTooManyOnLink = errors.New("this link is open in too many tabs or windows; close the others and reload")
	errTooManyOnAddr = errors.New("too many room connections from this network; close some tabs and reload")
)

// acquire counts one more channel for token from r's source, or says why not;
// release undoes it.
func (c *socketCounts) acquire(token string, r *http.Request) (release func(), err error) {
	src := source(r)
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.byLink[token] >= maxSocketsPerLink:
		return nil, errTooManyOnLink
	case c.byAddr[src] >= maxSocketsPerAddr:
		return nil, errTooManyOnAddr
	}
	c.byLink[token]++
	c.byAddr[src]++
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.byLink[token]--; c.byLink[token] <= 0 {
			delete(c.byLink, token)
		}
		if c.byAddr[src]--; c.byAddr[src] <= 0 {
			delete(c.byAddr, src)
		}
	}, nil
}

// readDeadlines gives a request body d to arrive, and lifts the
// read deadline once it has (or at once for a request without a body): a
// deadline left on the connection would end the request's context while a
// long answer (a push stream, a report) is still being made.
func readDeadlines(w http.ResponseWriter, r *http.Request, d time.Duration) {
	rc := http.NewResponseController(w)
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		_ = rc.SetReadDeadline(time.Time{})
		return
	}
	_ = rc.SetReadDeadline(time.Now().Add(d))
	r.Body = &deadlineBody{ReadCloser: r.Body, lift: func() { _ = rc.SetReadDeadline(time.Time{}) }}
}

// deadlineBody lifts the read deadline when the whole body has been read. A
// body that failed keeps it: the server still drains what is left before it
// answers, and must not wait for that forever.
type deadlineBody struct {
	io.ReadCloser
	lift func()
	once sync.Once
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if errors.Is(err, io.EOF) {
		b.once.Do(b.lift)
	}
	return n, err
}
