package room

import (
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// CandidateQuestion is the question on screen, as the candidate sees it.
type CandidateQuestion struct {
	Number    int    `json:"number"` // 1-based
	Total     int    `json:"total"`
	Text      string `json:"text"`
	Rephrased string `json:"rephrased,omitempty"` // only once the interviewer showed it
}

// CandidateView is everything a candidate connection may receive about the
// interview's state. Build it only with ForCandidate.
type CandidateView struct {
	Phase     Phase `json:"phase"`
	Locked    bool  `json:"locked"`
	Consented bool  `json:"consented"` // consent was given (e.g. before a reload)
	// Recorded says whether the call is recorded: false once the candidate
	// declined recording. Every participant sees it.
	Recorded bool               `json:"recorded"`
	Question *CandidateQuestion `json:"question,omitempty"`
}

// ForCandidate projects st for the candidate: the phase, the lock, and in the
// technical part the current question's text (and its rephrasing once shown).
// Never the plan, other questions, expected answers, ratings, comments or notes.
func ForCandidate(st State, iv interviews.Interview) CandidateView {
	v := CandidateView{Phase: st.Phase, Locked: st.Locked, Consented: !st.ConsentAt.IsZero(), Recorded: st.Consent.Recorded()}
	if st.Phase == PhaseTechnical && st.Question >= 0 && st.Question < len(iv.Questions) {
		q := iv.Questions[st.Question]
		v.Question = &CandidateQuestion{Number: st.Question + 1, Total: len(iv.Questions), Text: q.Text}
		if st.Rephrased[st.Question] {
			v.Question.Rephrased = q.Alternative
		}
	}
	return v
}

// InterviewerView is the state as one interviewer sees it: everything, except
// that other interviewers' notes stay private until the interview has ended.
type InterviewerView struct {
	State
	Plan      []Topic              `json:"plan"`
	Questions []templates.Question `json:"questionsContent"`
	// Recorded says whether the call is recorded (as CandidateView.Recorded).
	Recorded bool `json:"recorded"`
}

// ForInterviewer projects st for the interviewer with email, with each plan
// topic's hint.
func ForInterviewer(st State, iv interviews.Interview, email string) InterviewerView {
	v := InterviewerView{State: st.Clone(), Recorded: st.Consent.Recorded()}
	v.Topics = withHints(v.Topics, iv.Plan)
	v.Plan = v.Topics
	if st.Phase != PhaseEnded {
		for k, n := range v.Notes {
			if !strings.EqualFold(n.Author.Email, email) {
				delete(v.Notes, k)
			}
		}
	}
	v.Questions = iv.Questions
	return v
}

// withHints sets each topic's hint from the interview's plan (topics added
// live have none). It changes topics in place.
func withHints(topics []Topic, plan []templates.Topic) []Topic {
	hints := make(map[string]string, len(plan))
	for _, t := range plan {
		hints[t.ID] = t.Hint
	}
	for i := range topics {
		topics[i].Hint = hints[topics[i].ID]
	}
	return topics
}

// Welcome tells a connection who it is and what the interview is.
type Welcome struct {
	Type       string `json:"type"` // "welcome"
	Role       Role   `json:"role"`
	Connection string `json:"connection"`
	// Participant names this person in the call (track-info's participantId).
	Participant links.ParticipantID `json:"participant"`
	You         string              `json:"you"`
	// Email and InterviewID are sent to interviewers only.
	Email       string          `json:"email,omitempty"`
	InterviewID string          `json:"interviewId,omitempty"`
	Interview   PublicInterview `json:"interview"`
	ICEServers  []ICEServer     `json:"iceServers"`
	// Media names the call's backend: "embedded" (signal with the host) or
	// "livekit" (the call's config carries a LiveKit address and token).
	Media string `json:"media,omitempty"`
	// Consent is the consent step's texts, sent to the candidate only, when
	// the host offers them: the candidate's ready names their version.
	Consent *consent.Texts `json:"consent,omitempty"`
}

// PublicInterview is what any participant, the candidate included, may know
// about the interview.
type PublicInterview struct {
	Position        string           `json:"position"`
	Candidate       string           `json:"candidate"`
	Interviewers    []string         `json:"interviewers"`
	StartsAt        time.Time        `json:"startsAt"`
	DurationMinutes int              `json:"durationMinutes"`
	Technical       bool             `json:"technical"`
	QuestionCount   int              `json:"questionCount"`
	Tools           interviews.Tools `json:"tools"`
}

// WelcomeFor is member m's welcome to iv, with its STUN/TURN servers.
func WelcomeFor(iv interviews.Interview, m *Member, ice []ICEServer) Welcome {
	pub := PublicInterview{Position: iv.Position, Candidate: iv.Candidate.Name, StartsAt: iv.StartsAt,
		DurationMinutes: iv.DurationMinutes, Technical: iv.Template.Technical,
		QuestionCount: iv.Template.QuestionCount, Tools: iv.Tools}
	for _, in := range iv.Interviewers {
		if in.Name != "" { // an organizer who has not entered their details yet
			pub.Interviewers = append(pub.Interviewers, in.Name)
		}
	}
	if ice == nil {
		ice = []ICEServer{}
	}
	w := Welcome{Type: "welcome", Role: m.Role, Connection: m.ID, Participant: m.Participant, You: m.Name,
		Interview: pub, ICEServers: ice}
	if m.Role == RoleInterviewer {
		w.Email, w.InterviewID = m.Email, iv.ID
	}
	return w
}
