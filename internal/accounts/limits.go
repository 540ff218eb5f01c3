package accounts

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Limits bound tries in fixed windows. The zero value takes DefaultLimits.
type Limits struct {
	// SignInsPerAddress failed sign-ins from one address, and
	// SignInsPerAccount on one account, within SignInWindow; more are
	// refused until the window ends, even with the right password.
	SignInsPerAddress int
	SignInsPerAccount int
	SignInWindow      time.Duration
	// ResetsPerAddress reset requests from one address and ResetsPerAccount
	// reset mails to one account within ResetWindow.
	ResetsPerAddress int
	ResetsPerAccount int
	ResetWindow      time.Duration
}

// DefaultLimits let a person mistype a lot and an attacker try few passwords.
var DefaultLimits = Limits{SignInsPerAddress: 30, SignInsPerAccount: 10, SignInWindow: 15 * time.Minute,
	ResetsPerAddress: 10, ResetsPerAccount: 3, ResetWindow: time.Hour}

func (l Limits) orDefault() Limits {
	if l.SignInWindow <= 0 || l.ResetWindow <= 0 {
		return DefaultLimits
	}
	return l
}

// LimitError says that a limit refused a try, and for how long.
type LimitError struct {
	RetryAfter time.Duration
	// Message says what happened and what to do.
	Message string
}

func (e *LimitError) Error() string   { return e.Message }
func (e *LimitError) Is(t error) bool { return t == ErrTooMany }

// FaultKind makes a refusal unavailable for now.
func (e *LimitError) FaultKind() fault.Kind { return fault.Unavailable }

// RetryAfter is how long err (a *LimitError) asks to wait; 0 for other errors.
func RetryAfter(err error) time.Duration {
	var le *LimitError
	if errors.As(err, &le) {
		return le.RetryAfter
	}
	return 0
}

// maxCounted bounds the keys one counter remembers; a flood of new ones
// starts it afresh.
const maxCounted = 10000

// counter counts tries per key in fixed windows of per.
type counter struct {
	now func() time.Time
	max int
	per time.Duration

	mu   sync.Mutex
	hits map[string]*window
}

type window struct {
	since time.Time
	n     int
}

func newCounter(now func() time.Time, max int, per time.Duration) *counter {
	return &counter{now: now, max: max, per: per, hits: map[string]*window{}}
}

// current is key's window, started afresh when the last one ended; c.mu is held.
func (c *counter) current(key string) *window {
	now := c.now()
	w := c.hits[key]
	if w == nil || now.Sub(w.since) >= c.per {
		if len(c.hits) >= maxCounted {
			clear(c.hits)
		}
		w = &window{since: now}
		c.hits[key] = w
	}
	return w
}

// wait is how long key is refused; 0 when it is not.
func (c *counter) wait(key string) time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	w := c.current(key)
	if w.n < c.max {
		return 0
	}
	return max(w.since.Add(c.per).Sub(c.now()), time.Second)
}

// add counts one try for key.
func (c *counter) add(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.current(key).n++
}

// forget drops key's count (a sign-in that worked).
func (c *counter) forget(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.hits, key)
}

// limiter holds the counters of Limits.
type limiter struct {
	signInAddr, signInAccount, resetAddr, resetAccount *counter
}

func newLimiter(l Limits, now func() time.Time) *limiter {
	l = l.orDefault()
	return &limiter{
		signInAddr: newCounter(now, l.SignInsPerAddress, l.SignInWindow), signInAccount: newCounter(now, l.SignInsPerAccount, l.SignInWindow),
		resetAddr: newCounter(now, l.ResetsPerAddress, l.ResetWindow), resetAccount: newCounter(now, l.ResetsPerAccount, l.ResetWindow),
	}
}

// minutes says d for a person: "1 minute", "12 minutes".
func minutes(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	if m <= 1 {
		return "a minute"
	}
	return fmt.Sprintf("%d minutes", m)
}
