package web

import (
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

//go:embed static/*.css static/*.js static/*.svg
var static embed.FS

//go:embed pages.html
var pagesHTML string

var pages = template.Must(template.New("pages").Parse(pagesHTML))

func staticFS() fs.FS {
	sub, _ := fs.Sub(static, "static")
	return sub
}

// staticFiles serves the link pages' files; a name no file can have (not
// UTF-8, or not a valid path) is simply not found.
func staticFiles() http.Handler {
	files := http.FileServerFS(staticFS())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if !utf8.ValidString(name) || (name != "" && !fs.ValidPath(name)) {
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// consoleFiles serves the console's single-page app.
func (s *Server) consoleFiles(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	if s.cfg.Console == nil {
		s.consoleMissing(w)
		return
	}
	if _, err := fs.Stat(s.cfg.Console, name); err != nil {
		if _, err := fs.Stat(s.cfg.Console, "index.html"); err != nil {
			s.consoleMissing(w)
			return
		}
		if strings.Contains(path.Base(name), ".") {
			http.NotFound(w, r)
			return
		}
		name = "index.html" // client-side route
	}
	assetHeaders(w.Header(), r, name)
	if name == "index.html" {
		w.Header().Set("Content-Security-Policy", framingRooms(consolePolicy, s.cfg.PublicURL))
		if !s.trusted { // the desktop's webview: in process, no network to get ahead of
			w.Header().Set("Link", firstScreenLinks)
		}
	}
	http.ServeFileFS(w, r, s.cfg.Console, name)
}

// firstListPage is how many interviews the list's first page asks for: a
// screenful, so it paints sooner (later pages ask for more).
const firstListPage = 25

// firstScreenPreloads are the GETs the console's first screen, the interview
// list on its default tab, starts with (the console checks its own against
// this list). The console page names them in its Link header, so the browser
// asks for them with the page, before the console's script has loaded.
var firstScreenPreloads = []string{"/api/account", "/api/settings",
	"/api/interviews?tense=upcoming&limit=" + strconv.Itoa(firstListPage)}

var firstScreenLinks = preloadLinks(firstScreenPreloads)

// preloadLinks is a Link header value that preloads each path as a same-origin fetch.
func preloadLinks(paths []string) string {
	links := make([]string, len(paths))
	for i, p := range paths {
		links[i] = "<" + p + ">; rel=preload; as=fetch; crossorigin=anonymous"
	}
	return strings.Join(links, ", ")
}

// framingRooms is the console policy that also lets the page frame the room
// pages at publicURL: the desktop app's console (on the webview's own origin)
// holds the interviewer room inside the window where the webview has WebRTC.
func framingRooms(policy, publicURL string) string {
	u, err := url.Parse(publicURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(u.Host, " ;,'") {
		return policy
	}
	return strings.Replace(policy, "frame-src 'self';", "frame-src 'self' "+u.Scheme+"://"+u.Host+";", 1)
}

// hashedAsset is a built file whose name carries its content hash (Vite's
// "name-HASH.ext"), or one under a versioned runtime folder: it never changes.
var hashedAsset = regexp.MustCompile(`^assets/(runtime/[^/]+-[0-9][0-9.]*/.+|[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+)$`)

// runWorker is a code-run worker's script (room/run): user code runs in it.
var runWorker = regexp.MustCompile(`^assets/[^/]+\.worker-[A-Za-z0-9_-]+\.js$`)

// assetHeaders sets caching, and for the code-run workers a policy of their
// own: they may load their runtime from the host's assets and nothing else,
// so code run in them cannot reach the host's API even if it got past the
// worker's own lockdown.
func assetHeaders(h http.Header, r *http.Request, name string) {
	switch {
	case name == "index.html":
		h.Set("Cache-Control", "no-cache")
		h.Set("Content-Security-Policy", consolePolicy)
	case hashedAsset.MatchString(name):
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	case strings.HasPrefix(name, "excalidraw/"):
		h.Set("Cache-Control", "public, max-age=86400")
	}
	if runWorker.MatchString(name) {
		assets := originOf(r) + "/assets/"
		h.Set("Content-Security-Policy", "default-src 'none'; script-src "+assets+" 'wasm-unsafe-eval'; connect-src "+assets)
	}
}

// consolePolicy is the console page's Content-Security-Policy: its own
// scripts only (no inline or injected script, no eval), its API and push
// stream on its own origin, styles inline too (React and CodeMirror set
// them), and no framing. The desktop webview serves the same page from its
// own origin, so 'self' holds there as well.
const consolePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; frame-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// originOf is the request's origin as the browser addressed it.
func originOf(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) consoleMissing(w http.ResponseWriter) {
	s.page(w, http.StatusServiceUnavailable, linkPage{Title: "Console not built",
		Message: "This InterviewDesk binary was built without its console. Build it with “make build” (or “make run”), which builds the frontend first."})
}

// linkPage is what the link pages template shows.
type linkPage struct {
	Title      string
	Message    string
	Kind       string // "candidate", "interviewer" or "" for a notice
	Position   string
	Candidate  string
	Organizer  string
	Others     []string
	StartsAt   string // RFC 3339, formatted in the viewer's zone by link.js
	EndsAt     string
	Fallback   string // the time in the interview's own zone, for no-JS viewers
	Zone       string
	Duration   int
	Tools      []string
	Technical  bool
	Questions  int
	ConsoleURL string
	// ResultsURL leads an interviewer from a finished interview's room link
	// to its results.
	ResultsURL string
}

func (s *Server) page(w http.ResponseWriter, status int, p linkPage) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, "page", p); err != nil {
		s.log.Error("render page", "title", p.Title, "err", err)
	}
}

// resolve finds the interview behind a link and answers the link's dead ends.
func (s *Server) resolve(w http.ResponseWriter, r *http.Request, role interviews.Role) (interviews.Interview, interviews.Link, bool) {
	if s.guesses.retryAfter(r) > 0 {
		s.tooManyGuesses(w, r)
		return interviews.Interview{}, interviews.Link{}, false
	}
	iv, l, err := s.svc.Interviews.ResolveLink(r.PathValue("token"))
	now := s.now()
	switch {
	case errors.Is(err, interviews.ErrNotFound) || (err == nil && l.Kind != role):
		s.guesses.failed(r, "link")
		s.page(w, http.StatusNotFound, linkPage{Title: "This link does not work",
			Message: "We could not find an interview for this link. Check that you copied the whole link from your invitation, or ask the person who invited you to send it again."})
	case err != nil:
		s.log.Error("resolve link", "err", err)
		s.page(w, http.StatusInternalServerError, linkPage{Title: "Something went wrong",
			Message: "The interview host could not open this link. Try again in a minute."})
	case iv.Status == interviews.Cancelled:
		s.page(w, http.StatusGone, linkPage{Title: "This interview was cancelled",
			Message: "The interview for " + iv.Position + " has been cancelled. If you expected it to happen, contact the person who invited you."})
	case iv.Status == interviews.Finished:
		p := linkPage{Title: "This interview has finished", Message: "The interview for " + iv.Position + " is over. Thank you for your time."}
		if role == interviews.RoleInterviewer {
			p.Message = "The interview with " + iv.Candidate.Name + " for " + iv.Position + " is over. Its results are ready for you to read."
			p.ResultsURL = "/room/" + url.PathEscape(r.PathValue("token")) + "/results"
		}
		s.page(w, http.StatusGone, p)
	case iv.Expired(now):
		s.page(w, http.StatusGone, linkPage{Title: "This link has expired",
			Message: "The interview for " + iv.Position + " was planned for " + iv.StartsAt.In(iv.Location()).Format("Monday 2 January 2006, 15:04 MST") + ". Ask the person who invited you for a new time."})
	default:
		return iv, l, true
	}
	return iv, l, false
}

func (s *Server) details(iv interviews.Interview, kind string) linkPage {
	p := linkPage{Kind: kind, Position: iv.Position, Candidate: iv.Candidate.Name,
		StartsAt: iv.StartsAt.Format(time.RFC3339), EndsAt: iv.EndsAt().Format(time.RFC3339),
		Fallback: iv.StartsAt.In(iv.Location()).Format("Monday 2 January 2006, 15:04 MST"),
		Zone:     iv.TimeZone, Duration: iv.DurationMinutes, Technical: iv.Template.Technical}
	if len(iv.Interviewers) > 0 {
		p.Organizer = iv.Interviewers[0].Name
	}
	if iv.Tools.LiveCode {
		p.Tools = append(p.Tools, "Live Code")
	}
	if iv.Tools.Whiteboard {
		p.Tools = append(p.Tools, "Whiteboard")
	}
	return p
}

// desktopOrigins are the desktop app's console pages (Wails' asset origins
// on macOS and Linux, and on Windows), which frame the interviewer room where
// the webview can hold the call. The room page checks the link either way.
const desktopOrigins = "wails://wails http://wails.localhost"

// roomApp serves the built room app for a valid link; it reports false when the
// console was built without it, and the server-rendered page stands in.
func (s *Server) roomApp(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Console == nil {
		return false
	}
	data, err := fs.ReadFile(s.cfg.Console, "room.html")
	if err != nil {
		return false
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ws: wss:; "+
		"media-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; "+
		"base-uri 'none'; frame-ancestors 'self' "+desktopOrigins)
	h.Set("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self)")
	h.Set("X-Frame-Options", "SAMEORIGIN") // the console may embed the room
	_, _ = w.Write(data)
	return true
}

// candidatePage is the candidate's landing page: only what a candidate may see.
func (s *Server) candidatePage(w http.ResponseWriter, r *http.Request) {
	iv, _, ok := s.resolve(w, r, interviews.RoleCandidate)
	if !ok || s.roomApp(w, r) {
		return
	}
	p := s.details(iv, "candidate")
	p.Title = "Your interview for " + iv.Position
	s.page(w, http.StatusOK, p)
}

// interviewerPage is an interviewer's landing page for the room.
func (s *Server) interviewerPage(w http.ResponseWriter, r *http.Request) {
	iv, l, ok := s.resolve(w, r, interviews.RoleInterviewer)
	if !ok || s.roomApp(w, r) {
		return
	}
	p := s.details(iv, "interviewer")
	p.Title = "Interview with " + iv.Candidate.Name
	p.Questions = iv.Template.QuestionCount
	for _, in := range iv.Interviewers {
		if !strings.EqualFold(in.Email, l.Email) {
			p.Others = append(p.Others, in.Name)
		}
	}
	if s.trusted || s.authorized(r) {
		p.ConsoleURL = "/#/interviews/" + url.PathEscape(iv.ID)
	}
	s.page(w, http.StatusOK, p)
}
