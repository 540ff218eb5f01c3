package web

import (
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/backup"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// Config describes the host.
type Config struct {
	// PublicURL is the base of every link sent to people, e.g. https://interviews.example.com.
	PublicURL string
	// ConsoleKey authenticates console clients.
	ConsoleKey string
	// Console holds the built console (index.html and assets); nil or empty shows a notice.
	Console fs.FS
	Version string
	DataDir string
	// BodyTimeout bounds how long a request body may take to arrive; zero
	// is DefaultBodyTimeout.
	BodyTimeout time.Duration
}

// Services are the domain services the API exposes.
type Services struct {
	Templates  *templates.Service
	Interviews *interviews.Service
	Settings   *settings.Service
	// Rooms is the interviews' event logs; Sessions runs the room channel.
	Rooms    *room.Service
	Sessions *room.Sessions
	// Invitations answers the invitation and email routes; nil gives one
	// without email (invitation text and calendar files only).
	Invitations *invitation.Service
	// Recordings lists and finds an interview's recordings; nil on a host
	// without media.
	Recordings Recordings
	// Push carries live changes to console clients (GET /api/stream); nil: none.
	Push *push.Bus
	// Analysis keeps and runs interviews' analyses; nil: a host without.
	Analysis *analysis.Service
	// Candidates keeps the candidates, the pipeline and take-home results.
	Candidates *candidates.Service
	// Campaigns keeps the campaigns and books registrations through their links.
	Campaigns *campaigns.Service
	// Privacy deletes, retains, exports and erases interview data; Backups
	// makes backups; Audit is the log of who did what.
	Privacy *privacy.Service
	Backups *backup.Service
	Audit   *audit.Log
	// Accounts are the team host's accounts; nil: only the console key
	// signs in.
	Accounts *accounts.Service
}

// Recordings is the part of the media backend the console API reads.
type Recordings interface {
	Recordings(interviewID string) ([]media.Recording, error)
}

// Server routes requests; it is an http.Handler.
type Server struct {
	cfg     Config
	svc     Services
	log     *slog.Logger
	now     func() time.Time
	mux     *http.ServeMux
	trusted bool
	// sockets counts the room channels being served, for Drain.
	sockets *sync.WaitGroup
	// crossOrigin refuses state changes from other origins' pages (auth.go).
	crossOrigin *http.CrossOriginProtection
	// guesses limits failed token and key lookups per address (limits.go);
	// open counts room channels per link and per address.
	guesses *guessLimiter
	open    *socketCounts
	// registrations limits campaign registrations per address (campaigns.go).
	registrations *registrationLimiter
}

// New builds the host's handler.
func New(cfg Config, svc Services, log *slog.Logger, now func() time.Time) *Server {
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	if cfg.BodyTimeout <= 0 {
		cfg.BodyTimeout = DefaultBodyTimeout
	}
	s := &Server{cfg: cfg, svc: svc, log: log, now: now, mux: http.NewServeMux(), sockets: &sync.WaitGroup{},
		guesses: newGuessLimiter(log, now), open: newSocketCounts(), registrations: newRegistrationLimiter(now)}
	s.crossOrigin = s.sameOrigin()
	if s.svc.Invitations == nil {
		s.svc.Invitations = invitation.NewService(invitation.Config{Interviews: svc.Interviews,
			Settings: svc.Settings, Links: s.links()}, log, now)
	}
	s.routes()
	return s
}

// Trusted returns a handler that treats every request as the console's own: for
// the desktop webview, whose requests never cross a network.
func (s *Server) Trusted() http.Handler {
	t := *s
	t.trusted = true
	t.mux = http.NewServeMux()
	t.routes()
	return &t
}

// ServeHTTP adds the security headers every answer carries and routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if r.Body == nil { // a request handed over in-process (the CLI without a host)
		r.Body = http.NoBody
	}
	readDeadlines(w, r, s.cfg.BodyTimeout)
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", v)
			writeJSON(w, http.StatusInternalServerError, errorBody("internal",
				"Something went wrong inside InterviewDesk. Try again; if it keeps happening, the host log has the details.", nil))
		}
	}()
	s.mux.ServeHTTP(w, r)
}

func (s *Server) routes() {
	m := s.mux
	for _, e := range endpoints { // contract.go
		bodyless := e.request == nil && !e.raw && e.method != http.MethodGet
		pattern := e.method + " " + e.path
		h := s.audited(pattern, func(w http.ResponseWriter, r *http.Request) error {
			if bodyless {
				if err := decodeNone(r); err != nil {
					return err
				}
			}
			return e.handle(s, w, r)
		})
		if publicRoutes[pattern] {
			m.Handle(pattern, s.anyone(h))
		} else {
			m.Handle(pattern, s.console(pattern, h))
		}
	}

	m.HandleFunc("GET /console/login", s.login)
	m.HandleFunc("GET /join/{token}", s.candidatePage)
	m.HandleFunc("GET /room/{token}", s.interviewerPage)
	m.HandleFunc("GET /room/{token}/results", s.resultsFor)
	m.HandleFunc("GET /results/{token}", s.resultsPage)
	m.HandleFunc("GET /ws/{token}", s.roomSocket)
	s.publicCampaignRoutes(m)
	m.Handle("GET /static/", http.StripPrefix("/static/", staticFiles()))
	m.HandleFunc("/", s.fallback)
}

// console wraps the API handler of the route pattern: authentication, the
// caller's right to the route (rights.go), the cross-origin check, JSON-only
// mutations, body limit and deadline, and one place that turns errors into
// answers.
func (s *Server) console(pattern string, h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		c := s.identify(r)
		if c.how == noCredential {
			if s.guesses.failed(r, "console API") {
				s.tooManyGuesses(w, r)
				return
			}
			writeJSON(w, http.StatusUnauthorized, errorBody("unauthorized", s.signInMessage(), nil))
			return
		}
		if !s.admissible(w, r, c.how) {
			return
		}
		if c.session.Refreshed {
			http.SetCookie(w, consoleCookie(c.session.Token, s.now(), r.TLS != nil))
		}
		r = s.withActor(withCaller(r, c))
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		err := s.check(c, pattern, r)
		if err == nil {
			err = h(w, r)
		}
		if err != nil {
			s.writeError(w, r, err)
		}
	})
}

// anyone wraps an API handler that needs no sign-in (signing in, password
// links): the same checks as console but the first.
func (s *Server) anyone(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		how := userSession // answers that set cookies must come from the console's own pages
		if s.trusted {
			how = trustedDoor
		}
		if !s.admissible(w, r, how) {
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		r = s.withActor(r)
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// admissible refuses, with its answer, a request a browser sent from another
// origin's page, and a mutation whose body is not JSON.
func (s *Server) admissible(w http.ResponseWriter, r *http.Request, how credential) bool {
	if err := s.crossOrigin.Check(r); how != trustedDoor && err != nil {
		s.log.Warn("console API refused a cross-origin request", "method", r.Method, "path", r.URL.Path,
			"origin", r.Header.Get("Origin"), "fetchSite", r.Header.Get("Sec-Fetch-Site"))
		writeJSON(w, http.StatusForbidden, crossOriginRefusal(r))
		return false
	}
	if mutating(r) && (how != bearerKey || r.ContentLength != 0) &&
		!strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		writeJSON(w, http.StatusUnsupportedMediaType, errorBody("bad_request", "Send the request body as application/json.", nil))
		return false
	}
	return true
}

// mutating reports whether r may change something (every method but GET,
// HEAD and OPTIONS).
func mutating(r *http.Request) bool {
	return r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions
}

// fallback answers what no other route took: unknown API paths (after the key
// check, so probing reveals nothing), and the console's files.
func (s *Server) fallback(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/api/"):
		s.console("", func(http.ResponseWriter, *http.Request) error { return errNoRoute }).ServeHTTP(w, r)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	default:
		s.consoleFiles(w, r)
	}
}
