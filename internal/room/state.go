package room

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Limits on what events may carry.
const (
	MaxNoteChars    = 50000
	MaxCommentChars = 2000
	MaxTopicTitle   = 120
	MaxExtraTopics  = 50
)

// Phase is the stage of the interview.
type Phase string

// Phases, in their usual order.
const (
	PhaseWaiting   Phase = "waiting"   // before "Start interview"
	PhasePlan      Phase = "plan"      // interview plan (the candidate sees "Introduction")
	PhaseTechnical Phase = "technical" // questions one by one
	PhaseFinish    Phase = "finish"    // candidate's questions, wrap-up
	PhaseEnded     Phase = "ended"
)

// Topic is a plan topic, from the template or added live.
type Topic struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Added bool   `json:"added,omitempty"`
	// Hint is the template's guidance for the interviewer. The state never
	// holds it; ForInterviewer adds it from the interview's plan.
	Hint string `json:"hint,omitempty"`
}

// Window is the time a question was on screen.
type Window struct {
	Index int       `json:"index"`
	From  time.Time `json:"from"`
	To    time.Time `json:"to,omitzero"`
	// Skipped: the interviewer moved on without an answer.
	Skipped bool `json:"skipped,omitempty"`
}

// Note is an interviewer's current notes.
type Note struct {
	Author  Actor     `json:"author"`
	Text    string    `json:"text"`
	SavedAt time.Time `json:"savedAt,omitzero"`
}

// Plan is what an interview's state is checked against: its topics and the
// number of technical questions.
type Plan struct {
	Topics    []Topic
	Questions int
}

// State is the live state of one interview, derived from its log.
type State struct {
	Phase     Phase     `json:"phase"`
	ConsentAt time.Time `json:"consentAt,omitzero"`
	// Consent is what the candidate agreed to last; AIAnalysis may be false
	// (no AI analysis of their answers is made then), and so may
	// RecordingNotice (the call is not recorded then).
	Consent   *ConsentData    `json:"consent,omitempty"`
	Locked    bool            `json:"locked"`
	StartedAt time.Time       `json:"startedAt,omitzero"`
	EndedAt   time.Time       `json:"endedAt,omitzero"`
	Topics    []Topic         `json:"topics"`
	Done      map[string]bool `json:"done"`
	Questions int             `json:"questions"`
	Question  int             `json:"question"` // current index; -1 before the technical part
	Windows   []Window        `json:"windows"`
	Rephrased map[int]bool    `json:"rephrased"`
	Ratings   map[int]int     `json:"ratings"`
	Comments  map[int]string  `json:"comments"`
	Notes     map[string]Note `json:"notes"` // by interviewer email
	// Activity is what the candidate's browser reported: pastes into the
	// editor and time away from the interview tab. Interviewers only.
	Activity []Activity `json:"activity"`
	// Assessments are the preliminary AI assessments by question index.
	// Interviewers only.
	Assessments map[int]AssessmentData `json:"assessments"`
	LastSeq     uint64                 `json:"lastSeq"`
	LastEventAt time.Time              `json:"lastEventAt,omitzero"`
}

// Activity is one signal from the candidate's browser.
type Activity struct {
	Kind string    `json:"kind"` // "paste", "left" (the tab or window), "returned"
	At   time.Time `json:"at"`
	// Paste: the document, the pasted length and whether it came from outside.
	Doc      string `json:"doc,omitempty"`
	Length   int    `json:"length,omitempty"`
	External bool   `json:"external,omitempty"`
	// Returned: how long the candidate was away.
	AwayMS int64 `json:"awayMs,omitempty"`
}

// MaxActivity is how many activity entries the live state keeps (the log
// keeps them all).
const MaxActivity = 500

// NewState is the state before any event.
func NewState(p Plan) State {
	return State{Phase: PhaseWaiting, Topics: append([]Topic(nil), p.Topics...), Done: map[string]bool{},
		Questions: p.Questions, Question: -1, Rephrased: map[int]bool{}, Ratings: map[int]int{},
		Comments: map[int]string{}, Notes: map[string]Note{}, Assessments: map[int]AssessmentData{}}
}

// Clone returns a deep copy, which its holder may change freely.
func (s State) Clone() State {
	c := s
	c.Topics = append([]Topic(nil), s.Topics...)
	c.Windows = append([]Window(nil), s.Windows...)
	c.Done = cloneMap(s.Done)
	c.Rephrased = cloneMap(s.Rephrased)
	c.Ratings = cloneMap(s.Ratings)
	c.Comments = cloneMap(s.Comments)
	c.Notes = cloneMap(s.Notes)
	c.Activity = append([]Activity(nil), s.Activity...)
	c.Assessments = cloneMap(s.Assessments)
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// reject is an ErrRejected whose text says why, for the person who tried.
func reject(format string, args ...any) error {
	return fault.Explain(fault.Conflict, ErrRejected, fmt.Sprintf(format, args...))
}

// forbid is an ErrForbidden naming what was tried by whom.
func forbid(format string, args ...any) error {
	return fault.Explain(fault.Permission, ErrForbidden, fmt.Sprintf(format, args...)+": "+ErrForbidden.Error())
}

// Apply returns the state after e, or an error (wrapping ErrRejected or
// ErrForbidden) and s unchanged when e does not fit.
//
// States are values that never change once made: the new state shares s's
// maps and slices except the ones e changes, which apply copies before
// writing (copy on write). So s, and any state a caller still holds, stays as
// it was whether e is accepted or not, and an event costs a copy of what it
// touches rather than of the whole state.
func Apply(s State, e Event) (State, error) {
	if e.Seq != s.LastSeq+1 {
		return s, reject("event %d out of order (expected %d)", e.Seq, s.LastSeq+1)
	}
	if !s.LastEventAt.IsZero() && e.At.Before(s.LastEventAt) {
		return s, reject("event %d is timed before the previous one", e.Seq)
	}
	if err := s.mayWrite(e); err != nil {
		return s, err
	}
	n := s
	if err := n.apply(e); err != nil {
		return s, err
	}
	n.LastSeq, n.LastEventAt = e.Seq, e.At
	return n, nil
}

// mayWrite checks that e's actor may write an event of its type now.
func (s State) mayWrite(e Event) error {
	role := e.Actor.Role
	switch e.Type {
	case TypeConsented, TypePasted, TypeFocusLeft, TypeFocusReturned:
		if role != RoleCandidate {
			return forbid("%s by a %s", e.Type, role)
		}
	case TypeJoined, TypeLeft:
	case TypeCodeChanged, TypeCodeLanguage, TypeBoardChanged:
		if role == RoleCandidate && !s.CandidateAdmitted() {
			return reject("the workspace opens once the interviewer lets you in")
		}
	case TypeCodeRun, TypeAssessed:
		if role != RoleHost {
			return forbid("%s by a %s", e.Type, role)
		}
	default:
		if role != RoleInterviewer && role != RoleHost {
			return forbid("%s by a %s", e.Type, role)
		}
	}
	if s.Phase == PhaseEnded && e.Type != TypeNoteSaved && e.Type != TypeLeft && e.Type != TypeJoined &&
		e.Type != TypeAssessed {
		return reject("the interview has ended")
	}
	return nil
}

// apply changes s by e. s shares its maps and slices with the state it was
// copied from: replace one (cloneMap, slices.Clone, append to slices.Clip)
// before changing it, never write into it.
func (s *State) apply(e Event) error {
	switch e.Type {
	case TypeJoined, TypeLeft:
		return nil // presence is live, not replayed
	case TypeConsented:
		var d ConsentData
		if err := decodeData(e.Data, &d); err != nil {
			return err
		}
		if !d.PersonalData {
			return reject("joining needs consent to the processing of personal data")
		}
		s.ConsentAt, s.Consent = e.At, &d
	case TypeLocked, TypeUnlocked:
		s.Locked = e.Type == TypeLocked
	case TypeStarted:
		if s.Phase != PhaseWaiting {
			return reject("the interview has already started")
		}
		s.Phase, s.StartedAt = PhasePlan, e.At
	case TypeTopicChecked:
		return s.checkTopic(e.Data)
	case TypeTopicAdded:
		return s.addTopic(e.Data)
	case TypeTechnicalStarted:
		if s.Phase != PhasePlan {
			return reject("the technical part starts from the interview plan, not from %s", s.Phase)
		}
		if s.Questions == 0 {
			return reject("this interview has no technical questions")
		}
		s.Phase = PhaseTechnical
		s.show(0, e.At)
	case TypeQuestionShown:
		i, err := s.questionIndex(e.Data, PhaseTechnical)
		if err != nil {
			return err
		}
		var d QuestionData
		_ = json.Unmarshal(e.Data, &d) // questionIndex decoded it already
		if n := len(s.Windows); d.Skipped && n > 0 {
			s.Windows = slices.Clone(s.Windows)
			s.Windows[n-1].Skipped = true
		}
		s.show(i, e.At)
	case TypeRephraseShown:
		i, err := s.questionIndex(e.Data, PhaseTechnical)
		if err != nil {
			return err
		}
		if i != s.Question {
			return reject("only the question on screen can be rephrased")
		}
		s.Rephrased = cloneMap(s.Rephrased)
		s.Rephrased[i] = true
	case TypeRated:
		return s.rate(e.Data)
	case TypeCommented:
		return s.comment(e.Data)
	case TypeNoteSaved:
		return s.saveNote(e)
	case TypeFinishStarted:
		if s.Phase != PhasePlan && s.Phase != PhaseTechnical {
			return reject("the finish stage follows the plan or the technical part, not %s", s.Phase)
		}
		s.closeWindow(e.At)
		s.Phase = PhaseFinish
	case TypeEnded:
		s.closeWindow(e.At)
		s.Phase, s.EndedAt = PhaseEnded, e.At
	case TypeCodeChanged, TypeCodeLanguage, TypeBoardChanged, TypeCodeRun:
		return nil // the workspace feature checked and keeps their content
	case TypePasted, TypeFocusLeft, TypeFocusReturned:
		return s.addActivity(e)
	case TypeAssessed:
		var d AssessmentData
		if err := decodeData(e.Data, &d); err != nil {
			return err
		}
		if d.Index < 0 || d.Index >= s.Questions {
			return reject("question %d does not exist", d.Index+1)
		}
		s.Assessments = cloneMap(s.Assessments)
		s.Assessments[d.Index] = d
	default:
		return reject("unknown event type %q", e.Type)
	}
	return nil
}

func decodeData(raw json.RawMessage, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return reject("event data: %v", err)
	}
	return nil
}

func (s *State) checkTopic(raw json.RawMessage) error {
	var d TopicCheckData
	if err := decodeData(raw, &d); err != nil {
		return err
	}
	if s.Phase == PhaseWaiting {
		return reject("start the interview before checking topics")
	}
	for _, t := range s.Topics {
		if t.ID == d.TopicID {
			s.Done = cloneMap(s.Done)
			if d.Done {
				s.Done[d.TopicID] = true
			} else {
				delete(s.Done, d.TopicID)
			}
			return nil
		}
	}
	return reject("no topic %q in this interview's plan", d.TopicID)
}

func (s *State) addTopic(raw json.RawMessage) error {
	var d TopicAddData
	if err := decodeData(raw, &d); err != nil {
		return err
	}
	d.Title = strings.TrimSpace(d.Title)
	added := 0
	for _, t := range s.Topics {
		if t.ID == d.ID {
			return reject("topic %q exists already", d.ID)
		}
		if t.Added {
			added++
		}
	}
	switch {
	case d.ID == "" || len(d.ID) > 64:
		return reject("a topic needs an ID of 1 to 64 characters")
	case d.Title == "" || utf8.RuneCountInString(d.Title) > MaxTopicTitle:
		return reject("a topic title has 1 to %d characters", MaxTopicTitle)
	case added >= MaxExtraTopics:
		return reject("at most %d topics can be added during an interview", MaxExtraTopics)
	}
	s.Topics = append(slices.Clip(s.Topics), Topic{ID: d.ID, Title: d.Title, Added: true})
	return nil
}

// questionIndex decodes a question index, checked against the question count,
// requiring phase.
func (s *State) questionIndex(raw json.RawMessage, phase Phase) (int, error) {
	var d QuestionData
	if err := decodeData(raw, &d); err != nil {
		return 0, err
	}
	if s.Phase != phase {
		return 0, reject("questions are shown in the technical part, the interview is in %s", s.Phase)
	}
	if d.Index < 0 || d.Index >= s.Questions {
		return 0, reject("question %d does not exist (this interview has %d)", d.Index+1, s.Questions)
	}
	return d.Index, nil
}

func (s *State) show(i int, at time.Time) {
	s.closeWindow(at)
	s.Question = i
	s.Windows = append(slices.Clip(s.Windows), Window{Index: i, From: at})
}

func (s *State) closeWindow(at time.Time) {
	if n := len(s.Windows); n > 0 && s.Windows[n-1].To.IsZero() {
		s.Windows = slices.Clone(s.Windows)
		s.Windows[n-1].To = at
	}
}

// asked reports whether question i has been on screen.
func (s *State) asked(i int) bool {
	for _, w := range s.Windows {
		if w.Index == i {
			return true
		}
	}
	return false
}

func (s *State) rate(raw json.RawMessage) error {
	var d RatingData
	if err := decodeData(raw, &d); err != nil {
		return err
	}
	if d.Index < 0 || d.Index >= s.Questions || !s.asked(d.Index) {
		return reject("question %d has not been asked", d.Index+1)
	}
	if d.Rating < 1 || d.Rating > 5 {
		return reject("a rating is 1 to 5, not %d", d.Rating)
	}
	s.Ratings = cloneMap(s.Ratings)
	s.Ratings[d.Index] = d.Rating
	return nil
}

func (s *State) comment(raw json.RawMessage) error {
	var d CommentData
	if err := decodeData(raw, &d); err != nil {
		return err
	}
	if d.Index < 0 || d.Index >= s.Questions || !s.asked(d.Index) {
		return reject("question %d has not been asked", d.Index+1)
	}
	if utf8.RuneCountInString(d.Comment) > MaxCommentChars {
		return reject("a comment has at most %d characters", MaxCommentChars)
	}
	s.Comments = cloneMap(s.Comments)
	if strings.TrimSpace(d.Comment) == "" {
		delete(s.Comments, d.Index)
	} else {
		s.Comments[d.Index] = d.Comment
	}
	return nil
}

func (s *State) saveNote(e Event) error {
	var d NoteData
	if err := decodeData(e.Data, &d); err != nil {
		return err
	}
	key := strings.ToLower(e.Actor.Email)
	if key == "" {
		key = "name:" + e.Actor.Name // the organizer may have no email yet
	}
	if key == "name:" {
		return reject("notes need an author")
	}
	if utf8.RuneCountInString(d.Text) > MaxNoteChars {
		return reject("notes have at most %d characters; split them or shorten them", MaxNoteChars)
	}
	s.Notes = cloneMap(s.Notes)
	s.Notes[key] = Note{Author: e.Actor, Text: d.Text, SavedAt: e.At}
	return nil
}

func (s *State) addActivity(e Event) error {
	a := Activity{At: e.At}
	switch e.Type {
	case TypePasted:
		var d PasteData
		if err := decodeData(e.Data, &d); err != nil {
			return err
		}
		if d.Length < 0 {
			return reject("a paste has a length of 0 or more characters")
		}
		a.Kind, a.Doc, a.Length, a.External = "paste", d.Doc, d.Length, d.External
	case TypeFocusLeft:
		a.Kind = "left"
	case TypeFocusReturned:
		var d FocusData
		if len(e.Data) > 0 {
			if err := decodeData(e.Data, &d); err != nil {
				return err
			}
		}
		a.Kind, a.AwayMS = "returned", max(d.AwayMS, 0)
	}
	keep := s.Activity
	if len(keep) >= MaxActivity {
		keep = keep[len(keep)-MaxActivity+1:]
	}
	s.Activity = append(slices.Clip(keep), a)
	return nil
}

// CandidateAdmitted reports whether a candidate may enter the call now: the
// interview has started, has not ended, and the room is not locked.
func (s State) CandidateAdmitted() bool {
	return s.Phase != PhaseWaiting && s.Phase != PhaseEnded && !s.Locked
}
