package web

import (
	"crypto/subtle"
	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/media"
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
}

// New builds the host's handler.
func New(cfg Config, svc Services, log *slog.Logger, now func() time.Time) *Server {
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	s := &Server{cfg: cfg, svc: svc, log: log, now: now, mux: http.NewServeMux(), sockets: &sync.WaitGroup{}}
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
	api := func(pattern string, h func(w http.ResponseWriter, r *http.Request) error) {
		m.Handle(pattern, s.console(h))
	}
	for _, e := range endpoints { // contract.go
		api(e.method+" "+e.path, func(w http.ResponseWriter, r *http.Request) error { return e.handle(s, w, r) })
	}

	m.HandleFunc("GET /console/login", s.login)
	m.HandleFunc("GET /join/{token}", s.candidatePage)
	m.HandleFunc("GET /room/{token}", s.interviewerPage)
	m.HandleFunc("GET /ws/{token}", s.roomSocket)
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(staticFS())))
	m.HandleFunc("/", s.fallback)
}

// cookieName holds the console key in a browser.
const cookieName = "interviewdesk_console"

// signInHelp tells a person without a valid sign-in how to get one.
const signInHelp = "For a new sign-in link, run “interviewdesk console link” on the machine that runs the host (add --data DIR if it uses another data folder)."

// authorized reports whether r carries the console key.
func (s *Server) authorized(r *http.Request) bool {
	if s.trusted {
		return true
	}
	key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if c, err := r.Cookie(cookieName); key == "" && err == nil {
		key = c.Value
	}
	return key != "" && s.cfg.ConsoleKey != "" &&
		subtle.ConstantTimeCompare([]byte(key), []byte(s.cfg.ConsoleKey)) == 1
}

// console wraps an API handler: authentication, JSON-only mutations, body limit,
// and one place that turns errors into answers.
func (s *Server) console(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if !s.authorized(r) {
			s.log.Warn("console API refused: no valid console key", "method", r.Method, "path", r.URL.Path, "remote", r.RemoteAddr)
			writeJSON(w, http.StatusUnauthorized, errorBody("unauthorized",
				"This console is not signed in. "+signInHelp, nil))
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodDelete && r.ContentLength != 0 &&
			!strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			writeJSON(w, http.StatusUnsupportedMediaType, errorBody("bad_request", "Send the request body as application/json.", nil))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// fallback answers what no other route took: unknown API paths (after the key
// check, so probing reveals nothing), and the console's files.
func (s *Server) fallback(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/api/"):
		s.console(func(http.ResponseWriter, *http.Request) error { return errNoRoute }).ServeHTTP(w, r)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	default:
		s.consoleFiles(w, r)
	}
}
