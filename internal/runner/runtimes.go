package runner

import (
	"context"
	"slices"
	"time"
)

// Runtime is one runtime a runner offers, as Piston lists it.
type Runtime struct {
	// Language is Piston's name, e.g. "c++" or "sqlite3".
	Language string   `json:"language"`
	Version  string   `json:"version"`
	Aliases  []string `json:"aliases"`
	// Runtime names the implementation where there are several, e.g. "node".
	Runtime string `json:"runtime,omitempty"`
}

// CacheFor is how long Runtimes keeps an answer.
const CacheFor = 5 * time.Minute

// runtimesTimeout bounds one GET /api/v2/runtimes.
const runtimesTimeout = 10 * time.Second

// Runtimes lists what the runner can run. An answer is kept for CacheFor;
// failures are not kept.
func (c *Client) Runtimes(ctx context.Context) ([]Runtime, error) {
	now := c.now()
	c.mu.Lock()
	if c.runtimes != nil && now.Sub(c.fetched) < CacheFor {
		out := slices.Clone(c.runtimes)
		c.mu.Unlock()
		return out, nil
	}
	c.mu.Unlock()

	callCtx, cancel := context.WithTimeout(ctx, runtimesTimeout)
	defer cancel()
	var list []Runtime
	if err := c.call(callCtx, "GET", "/api/v2/runtimes", nil, &list); err != nil {
		return nil, c.explain(ctx, "", err)
	}
	if list == nil {
		list = []Runtime{}
	}
	c.mu.Lock()
	c.runtimes, c.fetched = list, now
	c.mu.Unlock()
	return slices.Clone(list), nil
}

// Offered returns the editor's language IDs (of Languages, in its order)
// that runtimes can run.
func Offered(runtimes []Runtime) []string {
	var out []string
	for _, id := range Languages {
		if slices.ContainsFunc(runtimes, func(rt Runtime) bool { return runs(rt, id) }) {
			out = append(out, id)
		}
	}
	return out
}

// runs reports whether rt is a runtime for the editor's language id.
func runs(rt Runtime, id string) bool {
	for _, name := range languages[id].piston {
		if rt.Language == name || slices.Contains(rt.Aliases, name) {
			return true
		}
	}
	return false
}
