package runner

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Config says where the runner is.
type Config struct {
	// URL is the service's base address, e.g. http://localhost:2000 (the API
	// is under URL/api/v2; a URL ending in /api/v2 is taken as its base).
	URL string
	// Token, when set, goes with every request as "Authorization: Bearer TOKEN".
	Token string
	// HTTPClient makes the requests; nil means one on http.DefaultTransport.
	// Deadlines come from the ctx of each call, not from the client.
	HTTPClient *http.Client
	// Now is the clock of the runtime cache and of durations; nil: time.Now.
	Now func() time.Time
}

// Client talks to one runner. It is safe for concurrent use.
type Client struct {
	base  string // normalised URL, without a trailing slash
	token string
	http  *http.Client
	now   func() time.Time
	log   *slog.Logger

	mu       sync.Mutex
	runtimes []Runtime // cached answer of GET /api/v2/runtimes
	fetched  time.Time
}

// New returns a Client for the runner at cfg.URL (log may be nil). An empty URL is
// ErrNotConfigured; an address CheckURL refuses is ErrBadURL.
func New(cfg Config, log *slog.Logger) (*Client, error) {
	if strings.TrimSpace(cfg.URL) == "" {
		return nil, fault.Explain(fault.Conflict, ErrNotConfigured,
			"No code runner is set up. Enter its address in Settings → Code runner.")
	}
	base, err := CheckURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	c := &Client{base: base, token: strings.TrimSpace(cfg.Token), http: cfg.HTTPClient, now: cfg.Now, log: log}
	if c.http == nil {
		c.http = &http.Client{}
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	return c, nil
}

// URL is the runner's normalised base address.
func (c *Client) URL() string { return c.base }

// MaxURL is the longest address CheckURL accepts, in bytes.
const MaxURL = 2000

// CheckURL returns raw as the runner's base address: trimmed, without a
// trailing slash or /api/v2. It must be an absolute http or https URL
// without credentials, query or fragment. Its errors are ErrBadURL with a
// message a person can act on.
func CheckURL(raw string) (string, error) {
	bad := func(msg string) (string, error) { return "", fault.Explain(fault.Invalid, ErrBadURL, msg) }
	s := strings.TrimSpace(raw)
	if len(s) > MaxURL {
		return bad(fmt.Sprintf("The address can be at most %d characters.", MaxURL))
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" || u.Opaque != "" {
		return bad("Enter the runner's address starting with http:// or https://, like http://localhost:2000.")
	}
	if u.User != nil {
		return bad("Leave the user name and password out of the address; put a token in the Token field instead.")
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return bad("Enter the address without a ?query or #fragment, like http://localhost:2000.")
	}
	u.Path = strings.TrimSuffix(strings.TrimRight(u.Path, "/"), "/api/v2")
	u.RawPath = ""
	return strings.TrimRight(u.String(), "/"), nil
}

// languages maps the editor's language IDs to the names Piston knows them
// by (its language name first, then aliases), and to how people call them.
var languages = map[string]struct {
	piston []string
	file   string
	name   string
}{
	"go":         {[]string{"go", "golang"}, "main.go", "Go"},
	"java":       {[]string{"java"}, "Main.java", "Java"},
	"cpp":        {[]string{"c++", "cpp", "g++"}, "main.cpp", "C++"},
	"python":     {[]string{"python", "python3", "py"}, "main.py", "Python"},
	"javascript": {[]string{"javascript", "js", "node-javascript"}, "main.js", "JavaScript"},
	"typescript": {[]string{"typescript", "ts"}, "main.ts", "TypeScript"},
	"sql":        {[]string{"sqlite3", "sqlite", "sql"}, "main.sql", "SQL"},
}

// Languages are the editor's language IDs a runner can be asked to run, in
// the order pickers show them.
var Languages = []string{"go", "python", "javascript", "typescript", "java", "cpp", "sql"}
