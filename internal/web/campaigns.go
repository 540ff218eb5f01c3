package web

import (
	"errors"
	"io/fs"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
)

// The campaigns' routes: the recruiter's (console API, contract.go) and the
// shared link's public ones (publicCampaignRoutes), which take only a
// campaign or candidate token and answer nothing about anyone else.

// CampaignList is every campaign, newest first, each with its shared link.
type CampaignList struct {
	Campaigns []CampaignSummary `json:"campaigns"`
}

// CampaignSummary is a campaign in the list.
type CampaignSummary struct {
	campaigns.Summary
	Link string `json:"link"`
}

// CampaignView is a campaign with its shared link and registrations.
type CampaignView struct {
	Campaign      campaigns.Campaign `json:"campaign"`
	Link          string             `json:"link"`
	State         campaigns.State    `json:"state"`
	Registrations []RegistrationView `json:"registrations"`
}

// RegistrationView is one registration with its interview's state.
type RegistrationView struct {
	campaigns.Registration
	InterviewStatus interviews.Status `json:"interviewStatus"`
	CandidateID     string            `json:"candidateId,omitempty"`
	// Score is the final score (0–5) once the analysis is done.
	Score *float64 `json:"score,omitempty"`
}

// SlotPreview is what a campaign's slot rules and list make.
type SlotPreview struct {
	Slots []campaigns.Slot `json:"slots"`
}

func (s *Server) campaignLink(token string) string {
	return links.NewURLs(s.cfg.PublicURL).For(links.Campaign, token)
}

func (s *Server) listCampaigns(w http.ResponseWriter, _ *http.Request) error {
	list, err := s.svc.Campaigns.List()
	if err != nil {
		return err
	}
	out := CampaignList{Campaigns: make([]CampaignSummary, 0, len(list))}
	for _, c := range list {
		out.Campaigns = append(out.Campaigns, CampaignSummary{Summary: c, Link: s.campaignLink(c.Token)})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) createCampaign(w http.ResponseWriter, r *http.Request) error {
	var in campaigns.Input
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := s.svc.Campaigns.Create(in)
	return s.answerCampaign(w, http.StatusCreated, c, err)
}

func (s *Server) previewCampaign(w http.ResponseWriter, r *http.Request) error {
	var in campaigns.Input
	if err := decode(r, &in); err != nil {
		return err
	}
	slots, err := s.svc.Campaigns.Preview(in)
	if err != nil {
		return err
	}
	if slots == nil {
		slots = []campaigns.Slot{}
	}
	writeJSON(w, http.StatusOK, SlotPreview{Slots: slots})
	return nil
}

func (s *Server) getCampaign(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Campaigns.Get(r.PathValue("id"))
	return s.answerCampaign(w, http.StatusOK, c, err)
}

func (s *Server) updateCampaign(w http.ResponseWriter, r *http.Request) error {
	var in campaigns.Input
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := s.svc.Campaigns.Update(r.PathValue("id"), in)
	return s.answerCampaign(w, http.StatusOK, c, err)
}

func (s *Server) closeCampaign(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Campaigns.SetStatus(r.PathValue("id"), campaigns.Closed)
	return s.answerCampaign(w, http.StatusOK, c, err)
}

func (s *Server) reopenCampaign(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Campaigns.SetStatus(r.PathValue("id"), campaigns.Open)
	return s.answerCampaign(w, http.StatusOK, c, err)
}

func (s *Server) answerCampaign(w http.ResponseWriter, status int, c campaigns.Campaign, err error) error {
	if err != nil {
		return err
	}
	regs, err := s.svc.Campaigns.Registrations(c.ID)
	if err != nil {
		return err
	}
	v := CampaignView{Campaign: c, Link: s.campaignLink(c.Token), State: c.StateAt(s.now()),
		Registrations: make([]RegistrationView, 0, len(regs))}
	for _, reg := range regs {
		v.Registrations = append(v.Registrations, s.registrationView(reg))
	}
	writeJSON(w, status, v)
	return nil
}

// registrationView adds the interview's state, the candidate and the score.
func (s *Server) registrationView(reg campaigns.Registration) RegistrationView {
	v := RegistrationView{Registration: reg}
	if iv, err := s.svc.Interviews.Get(reg.InterviewID); err == nil {
		v.InterviewStatus = iv.Status
	}
	if s.svc.Candidates != nil {
		if c, err := s.svc.Candidates.Get(reg.Email); err == nil {
			v.CandidateID = c.ID
		}
	}
	if s.svc.Analysis != nil {
		if a, err := s.svc.Analysis.Get(reg.InterviewID); err == nil {
			v.Score = finalScore(a)
		}
	}
	return v
}

// ---- the shared link's public routes ----

// Registered is what the shared link's page shows after registering. A
// repeat registration gets no link: the address's owner has it by email.
type Registered struct {
	Existing        bool      `json:"existing"`
	Position        string    `json:"position"`
	StartsAt        time.Time `json:"startsAt,omitzero"`
	DurationMinutes int       `json:"durationMinutes"`
	CandidateLink   string    `json:"candidateLink,omitempty"`
	Message         string    `json:"message"`
}

// BookingChange is a candidate's new time.
type BookingChange struct {
	StartsAt string `json:"startsAt"`
}

func (s *Server) publicCampaignRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /apply/{token}", s.campaignPage)
	m.Handle("GET /apply/{token}/info", s.public(s.campaignInfo))
	m.Handle("POST /apply/{token}/register", s.public(s.register))
	m.Handle("GET /join/{token}/booking", s.public(s.candidateBooking))
	m.Handle("POST /join/{token}/booking", s.public(s.rescheduleBooking))
	m.Handle("DELETE /join/{token}/booking", s.public(s.cancelBooking))
}

// public wraps a token route: the guess limit, same-origin changes, a
// small JSON body and one place that answers errors. An unknown token
// counts as a guess.
func (s *Server) public(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if s.guesses.retryAfter(r) > 0 {
			s.tooManyGuesses(w, r)
			return
		}
		if mutating(r) {
			if err := s.crossOrigin.Check(r); err != nil {
				writeJSON(w, http.StatusForbidden, crossOriginRefusal(r))
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		err := h(w, r)
		if errors.Is(err, campaigns.ErrNotFound) || errors.Is(err, interviews.ErrNotFound) {
			s.guesses.failed(r, "campaign link")
			writeJSON(w, http.StatusNotFound, errorBody(codeNotFound,
				"This link does not work. Check that you copied the whole link, or ask the company that shared it.", nil))
			return
		}
		if err != nil {
			s.writeError(w, r, err)
		}
	})
}

func (s *Server) campaignInfo(w http.ResponseWriter, r *http.Request) error {
	p, err := s.svc.Campaigns.Public(r.PathValue("token"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *Server) register(w http.ResponseWriter, r *http.Request) error {
	var in campaigns.Registrant
	if err := decode(r, &in); err != nil {
		return err
	}
	if wait := s.registrations.take(r); wait > 0 {
		tooMany(w, wait, "Too many registrations came from this address. Wait a few minutes, then try again.")
		return nil
	}
	res, err := s.svc.Campaigns.Register(r.PathValue("token"), in)
	if err != nil {
		return err
	}
	iv := res.Interview
	out := Registered{Existing: res.Existing, Position: iv.Position, DurationMinutes: iv.DurationMinutes}
	if res.Existing {
		out.Message = "This email address is already registered for this interview. Your personal link is in the invitation email we sent to it."
	} else {
		out.StartsAt, out.CandidateLink = iv.StartsAt, s.links().CandidateLink(iv.CandidateToken)
		out.Message = "You are registered. We have sent your personal link and a calendar invitation to your email."
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) candidateBooking(w http.ResponseWriter, r *http.Request) error {
	b, err := s.svc.Campaigns.Booking(r.PathValue("token"))
	return answerBooking(w, b, err)
}

func (s *Server) rescheduleBooking(w http.ResponseWriter, r *http.Request) error {
	var in BookingChange
	if err := decode(r, &in); err != nil {
		return err
	}
	b, err := s.svc.Campaigns.Reschedule(r.PathValue("token"), in.StartsAt)
	return answerBooking(w, b, err)
}

func (s *Server) cancelBooking(w http.ResponseWriter, r *http.Request) error {
	b, err := s.svc.Campaigns.Cancel(r.PathValue("token"))
	return answerBooking(w, b, err)
}

func answerBooking(w http.ResponseWriter, b campaigns.CandidateBooking, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, b)
	return nil
}

// campaignPage serves the registration app for an open campaign, and a
// clear page for an unknown, closed, full or expired one.
func (s *Server) campaignPage(w http.ResponseWriter, r *http.Request) {
	if s.guesses.retryAfter(r) > 0 {
		s.tooManyGuesses(w, r)
		return
	}
	c, err := s.svc.Campaigns.ByToken(r.PathValue("token"))
	switch {
	case errors.Is(err, campaigns.ErrNotFound):
		s.guesses.failed(r, "campaign link")
		s.page(w, http.StatusNotFound, linkPage{Title: "This link does not work",
			Message: "We could not find interviews for this link. Check that you copied the whole link, or ask the company that shared it."})
		return
	case err != nil:
		s.log.Error("campaign link", "err", err)
		s.page(w, http.StatusInternalServerError, linkPage{Title: "Something went wrong", Message: "The interview host could not open this link. Try again in a minute."})
		return
	}
	switch c.StateAt(s.now()) {
	case campaigns.Shut:
		s.page(w, http.StatusGone, linkPage{Title: "Registration is closed",
			Message: "Registration for the " + c.Position + " interviews is closed. If you expected it to be open, contact the company that shared this link."})
	case campaigns.Filled:
		s.page(w, http.StatusGone, linkPage{Title: "Every interview time is taken",
			Message: "All interview times for " + c.Position + " are booked. Contact the company that shared this link to ask about new times."})
	case campaigns.Expired:
		s.page(w, http.StatusGone, linkPage{Title: "Registration has ended",
			Message: "Registration for the " + c.Position + " interviews has ended."})
	default:
		if !s.linkApp(w, "campaign.html") {
			s.page(w, http.StatusOK, linkPage{Title: "Interviews for " + c.Position,
				Message: "This InterviewDesk host was built without its registration page. Build it with “make build”."})
		}
	}
}

// linkApp serves a built page of the frontend for a link; false: not built.
func (s *Server) linkApp(w http.ResponseWriter, name string) bool {
	if s.cfg.Console == nil {
		return false
	}
	data, err := fs.ReadFile(s.cfg.Console, name)
	if err != nil {
		return false
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "+
		"style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	_, _ = w.Write(data)
	return true
}

// ---- registrations per address ----

const (
	// maxRegistrations registrations from one address within
	// registrationWindow: a few people sharing an office, not a script.
	maxRegistrations   = 20
	registrationWindow = 10 * time.Minute
)

// registrationLimiter counts registrations per source in fixed windows.
type registrationLimiter struct {
	now    func() time.Time
	mu     sync.Mutex
	byAddr map[netip.Prefix]*guessCount
}

func newRegistrationLimiter(now func() time.Time) *registrationLimiter {
	return &registrationLimiter{now: now, byAddr: map[netip.Prefix]*guessCount{}}
}

// take counts one registration from r's source; over the limit it returns
// how long to wait instead.
func (l *registrationLimiter) take(r *http.Request) time.Duration {
	src, now := source(r), l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.byAddr[src]
	if c == nil || now.Sub(c.since) >= registrationWindow {
		if len(l.byAddr) >= maxGuessAddrs {
			clear(l.byAddr)
		}
		c = &guessCount{since: now}
		l.byAddr[src] = c
	}
	if c.failed >= maxRegistrations {
		return c.since.Add(registrationWindow).Sub(now)
	}
	c.failed++
	return 0
}

func tooMany(w http.ResponseWriter, wait time.Duration, msg string) {
	w.Header().Set("Retry-After", strconv.Itoa(int((max(wait, time.Second)+time.Second-1)/time.Second)))
	writeJSON(w, http.StatusTooManyRequests, errorBody(codeTooMany, msg, nil))
}

// finalScore is the analysis' overall score (0–5) once it is done.
func finalScore(a analysis.Analysis) *float64 {
	if a.Status != analysis.StatusDone || len(a.Answers) == 0 {
		return nil
	}
	s := a.Overall.Score
	return &s
}
