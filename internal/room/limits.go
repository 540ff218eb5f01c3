package room

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// What one member can write to an interview's log (docs/room-protocol.md,
// "Limits"). Each connection may store ChangeRate events a second, in bursts
// of ChangeBurst: several times what fast typing, drawing and note taking
// make together. A change past the limit is refused with an ack error and
// stored nowhere. Joins (and their leaves) of one participant are logged at
// most JoinLogBurst at once and then one per JoinLogEvery: a reconnect storm
// still connects, but the timeline records only the budget.
const (
	ChangeRate   rate.Limit = 60
	ChangeBurst             = 600
	JoinLogBurst            = 10
	JoinLogEvery            = time.Minute
)

// joinBudget is the join-logging budget of each participant of each
// interview.
type joinBudget struct {
	mu sync.Mutex
	m  map[string]*rate.Limiter
}

// joinBudgetPrune is how many participants the budget tracks before it
// forgets those whose budget is full again.
const joinBudgetPrune = 1024

// allow spends one logged join of m's participant at now, if there is one.
func (b *joinBudget) allow(m *Member, now time.Time) bool {
	key := m.InterviewID + "/" + string(m.Participant)
	b.mu.Lock()
	defer b.mu.Unlock()
	l, ok := b.m[key]
	if !ok {
		if len(b.m) >= joinBudgetPrune {
			b.prune(now)
		}
		l = rate.NewLimiter(rate.Every(JoinLogEvery), JoinLogBurst)
		b.m[key] = l
	}
	return l.AllowN(now, 1)
}

// prune forgets participants whose budget has refilled: a new limiter is the
// same. Called with b.mu held.
func (b *joinBudget) prune(now time.Time) {
	for k, l := range b.m {
		if l.TokensAt(now) >= JoinLogBurst {
			delete(b.m, k)
		}
	}
}
