package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// InterviewList is one list tab's interviews and how many there are in all.
type InterviewList struct {
	Interviews []interviews.Summary `json:"interviews"`
	Total      int                  `json:"total"`
}

func (s *Server) listInterviews(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	offset := 0
	if v := q.Get("offset"); v != "" {
		var err error
		if offset, err = strconv.Atoi(v); err != nil {
			return validation.Errors{"offset": "Give the offset as a whole number, like 50."}
		}
	}
	list, total, err := s.svc.Interviews.List(interviews.ListQuery{
		Tense: interviews.Tense(q.Get("tense")), Text: q.Get("q"), Limit: limit, CampaignID: q.Get("campaign"),
		Offset:      offset,
		Interviewer: onlyOwn(callerOf(r))})
	if err != nil {
		return err
	}
	if list == nil {
		list = []interviews.Summary{}
	}
	writeJSON(w, http.StatusOK, InterviewList{Interviews: list, Total: total})
	return nil
}

func (s *Server) getInterview(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.Get(r.PathValue("id"))
	if err != nil {
		return err
	}
	v := s.view(iv)
	if email := onlyOwn(callerOf(r)); email != "" {
		v = ownView(v, email)
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// ownView is v as one of its interviewers sees it: their own room link,
// and no one else's link, nor the candidate's.
func ownView(v Interview, email string) Interview {
	v.CandidateLink, v.InterviewerLink = "", ""
	people := make([]Interviewer, 0, len(v.Interviewers))
	for _, in := range v.Interviewers {
		if strings.EqualFold(in.Email, email) {
			v.InterviewerLink = in.Link
		} else {
			in.Link = ""
		}
		people = append(people, in)
	}
	v.Interviewers = people
	return v
}

func (s *Server) createInterview(w http.ResponseWriter, r *http.Request) error {
	var in interviews.NewInterview
	if err := decode(r, &in); err != nil {
		return err
	}
	if c := callerOf(r); c.how == userSession {
		in.Organizer = interviews.Person{Name: c.user.Name, Email: c.user.Email}
	}
	iv, err := s.svc.Interviews.Create(in)
	return s.answerInterview(w, http.StatusCreated, iv, err)
}

// Reschedule moves an interview.
type Reschedule struct {
	// StartsAt is a wall time in TimeZone, or RFC 3339.
	StartsAt string `json:"startsAt"`
	// TimeZone is empty to keep the interview's.
	TimeZone string `json:"timeZone,omitempty"`
}

func (s *Server) rescheduleInterview(w http.ResponseWriter, r *http.Request) error {
	var in Reschedule
	if err := decode(r, &in); err != nil {
		return err
	}
	iv, err := s.svc.Interviews.Reschedule(r.PathValue("id"), in.StartsAt, in.TimeZone)
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) addInterviewer(w http.ResponseWriter, r *http.Request) error {
	var p interviews.Person
	if err := decode(r, &p); err != nil {
		return err
	}
	iv, err := s.svc.Interviews.AddInterviewer(r.PathValue("id"), p)
	return s.answerInterview(w, http.StatusCreated, iv, err)
}

func (s *Server) removeInterviewer(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.RemoveInterviewer(r.PathValue("id"), r.PathValue("email"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) setTools(w http.ResponseWriter, r *http.Request) error {
	var t interviews.Tools
	if err := decode(r, &t); err != nil {
		return err
	}
	iv, err := s.svc.Interviews.SetTools(r.PathValue("id"), t)
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) cancelInterview(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.Cancel(r.PathValue("id"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func (s *Server) restoreInterview(w http.ResponseWriter, r *http.Request) error {
	iv, err := s.svc.Interviews.Restore(r.PathValue("id"))
	return s.answerInterview(w, http.StatusOK, iv, err)
}

func answer(w http.ResponseWriter, status int, v any, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, status, v)
	return nil
}

// Interview is an interview as the console sees it: links instead of tokens,
// and without the plan and question copy (the room serves those).
type Interview struct {
	ID              string                 `json:"id"`
	Position        string                 `json:"position"`
	Candidate       interviews.Person      `json:"candidate"`
	Campaign        string                 `json:"campaign"`
	CampaignID      string                 `json:"campaignId,omitempty"`
	StartsAt        time.Time              `json:"startsAt"`
	TimeZone        string                 `json:"timeZone"`
	DurationMinutes int                    `json:"durationMinutes"`
	EndsAt          time.Time              `json:"endsAt"`
	Status          interviews.Status      `json:"status"`
	Tense           interviews.Tense       `json:"tense"`
	Template        interviews.TemplateRef `json:"template"`
	Tools           interviews.Tools       `json:"tools"`
	// Interviewers come organizer first.
	Interviewers []Interviewer `json:"interviewers"`
	// CandidateLink is the candidate's join link; InterviewerLink the
	// organizer's room link.
	CandidateLink   string    `json:"candidateLink"`
	InterviewerLink string    `json:"interviewerLink"`
	CreatedAt       time.Time `json:"createdAt"`
	UpdatedAt       time.Time `json:"updatedAt"`
	Sequence        int       `json:"sequence"`
	// TakehomeID is the take-home result the interviewers review in the room.
	TakehomeID string `json:"takehomeId,omitempty"`
	// ResultsClosed: the interviewers' results links were revoked.
	ResultsClosed bool `json:"resultsClosed"`
}

// Interviewer is a person with their own room link.
type Interviewer struct {
	interviews.Person
	Link string `json:"link"`
}

// Links makes the URLs of link tokens on a host whose public URL is Base.
type Links struct{ Base func() string }

// CandidateLink is the candidate's URL for token.
func (l Links) CandidateLink(token string) string {
	return strings.TrimRight(l.Base(), "/") + "/join/" + token
}

// InterviewerLink is an interviewer's URL for token.
func (l Links) InterviewerLink(token string) string {
	return strings.TrimRight(l.Base(), "/") + "/room/" + token
}

func (s *Server) links() Links { return Links{Base: func() string { return s.cfg.PublicURL }} }

func (s *Server) view(iv interviews.Interview) Interview {
	v := Interview{
		ID: iv.ID, Position: iv.Position, Candidate: iv.Candidate, Campaign: iv.Campaign, CampaignID: iv.CampaignID,
		StartsAt: iv.StartsAt, TimeZone: iv.TimeZone, DurationMinutes: iv.DurationMinutes,
		EndsAt: iv.EndsAt(), Status: iv.Status, Tense: iv.TenseAt(s.now()), Template: iv.Template,
		Tools: iv.Tools, CandidateLink: s.links().CandidateLink(iv.CandidateToken),
		CreatedAt: iv.CreatedAt, UpdatedAt: iv.UpdatedAt, Sequence: iv.Sequence, ResultsClosed: iv.ResultsClosed,
		Interviewers: []Interviewer{}, TakehomeID: iv.TakehomeID,
	}
	for _, in := range iv.Interviewers {
		v.Interviewers = append(v.Interviewers, Interviewer{in.Person, s.links().InterviewerLink(in.Token)})
	}
	if len(v.Interviewers) > 0 {
		v.InterviewerLink = v.Interviewers[0].Link
	}
	return v
}

func (s *Server) answerInterview(w http.ResponseWriter, status int, iv interviews.Interview, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, status, s.view(iv))
	return nil
}
