package room

import (
	"encoding/json"
	"time"
)

// Type names an event.
type Type string

// Event types. Append new types; never change the meaning of a released one.
const (
	TypeJoined           Type = "joined"            // JoinData
	TypeLeft             Type = "left"              // JoinData
	TypeLocked           Type = "locked"            // no data
	TypeUnlocked         Type = "unlocked"          // no data
	TypeStarted          Type = "started"           // no data: "Start interview"
	TypeTopicChecked     Type = "topic_checked"     // TopicCheckData
	TypeTopicAdded       Type = "topic_added"       // TopicAddData
	TypeTechnicalStarted Type = "technical_started" // no data: "Start technical part"
	TypeQuestionShown    Type = "question_shown"    // QuestionData
	TypeRephraseShown    Type = "rephrase_shown"    // QuestionData
	TypeRated            Type = "rated"             // RatingData
	TypeCommented        Type = "commented"         // CommentData
	TypeNoteSaved        Type = "note_saved"        // NoteData
	TypeFinishStarted    Type = "finish_started"    // no data: "Finish interview" stage
	TypeEnded            Type = "ended"             // no data: red phone
	TypeConsented        Type = "consented"         // ConsentData, by the candidate

	// The technical workspace (Live Code, whiteboard, runs): carried out by
	// the workspace feature, which checks their content; the room only checks
	// who may write them and when.
	TypeCodeChanged   Type = "code_changed"   // CodeChangeData
	TypeCodeLanguage  Type = "code_language"  // CodeLanguageData
	TypeBoardChanged  Type = "board_changed"  // BoardData
	TypeCodeRun       Type = "code_run"       // RunData, by the host
	TypePasted        Type = "pasted"         // PasteData, by the candidate
	TypeFocusLeft     Type = "focus_left"     // no data, by the candidate
	TypeFocusReturned Type = "focus_returned" // FocusData, by the candidate

	// TypeAssessed is the host's preliminary AI assessment of an answer, as
	// its question's window closed (AssessmentData). Interviewers only.
	TypeAssessed Type = "assessed"
)

// Workspace reports whether t is written by the workspace feature rather than
// through an interviewer's "action".
func (t Type) Workspace() bool {
	switch t {
	case TypeCodeChanged, TypeCodeLanguage, TypeBoardChanged, TypeCodeRun, TypePasted, TypeFocusLeft,
		TypeFocusReturned:
		return true
	}
	return false
}

// Quiet reports whether t comes at typing speed: such events skip the
// listeners and the console's timeline push.
func (t Type) Quiet() bool {
	return t == TypeCodeChanged || t == TypeBoardChanged
}

// CurrentVersion is the data-shape version new events are written with.
const CurrentVersion = 1

// Role is who acts.
type Role string

// Roles.
const (
	RoleCandidate   Role = "candidate"
	RoleInterviewer Role = "interviewer"
	RoleHost        Role = "host"
)

// Actor is who caused an event.
type Actor struct {
	Role  Role   `json:"role"`
	Email string `json:"email,omitempty"`
	Name  string `json:"name,omitempty"`
}

// Event is one entry of an interview's log.
type Event struct {
	Seq     uint64          `json:"seq"`
	At      time.Time       `json:"at"`
	Version int             `json:"v"`
	Type    Type            `json:"type"`
	Actor   Actor           `json:"actor"`
	Data    json.RawMessage `json:"data,omitempty"`
}

// JoinData describes a connection that joined or left.
type JoinData struct {
	Connection string `json:"connection"`
}

// TopicCheckData checks or unchecks a plan topic.
type TopicCheckData struct {
	TopicID string `json:"topicId"`
	Done    bool   `json:"done"`
}

// TopicAddData adds a topic on the fly.
type TopicAddData struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// QuestionData names a question by its 0-based index. With question_shown,
// Skipped says the question left was skipped (moved on without an answer).
type QuestionData struct {
	Index   int  `json:"index"`
	Skipped bool `json:"skipped,omitempty"`
}

// RatingData rates an answer 1–5.
type RatingData struct {
	Index  int `json:"index"`
	Rating int `json:"rating"`
}

// CommentData is an interviewer's short comment on an answer.
type CommentData struct {
	Index   int    `json:"index"`
	Comment string `json:"comment"`
}

// NoteData is an interviewer's notes (Markdown) as saved, with what was on
// screen when it was written.
type NoteData struct {
	Text          string `json:"text"`
	TopicID       string `json:"topicId,omitempty"`
	QuestionIndex *int   `json:"questionIndex,omitempty"`
}

// ConsentData records what a candidate agreed to before joining.
type ConsentData struct {
	PersonalData bool `json:"personalData"` // processing of personal data
	AIAnalysis   bool `json:"aiAnalysis"`   // AI analysis of answers
	// RecordingNotice is the consent to recording the interview: false means
	// the candidate declined recording (nothing of the call is kept). Its
	// name is from when it was a required notice; stored events keep it.
	RecordingNotice bool `json:"recordingNotice"`
	// TextsVersion names the consent texts the candidate's page showed
	// (consent.Texts.Version); "" in events stored before it was recorded.
	TextsVersion string `json:"textsVersion,omitempty"`
}

// Recorded reports whether the call is recorded under consent c: until the
// candidate has answered (nil) it is, as the interviewers who wait are;
// after, only if the candidate agreed.
func (c *ConsentData) Recorded() bool { return c == nil || c.RecordingNotice }

// CodeUpdate is one step of a code document: CodeMirror's ChangeSet JSON by
// the client that made it.
type CodeUpdate struct {
	ClientID string          `json:"clientID"`
	Changes  json.RawMessage `json:"changes"`
}

// CodeChangeData is a push of updates accepted into document Doc, Version
// being the document's version before the first of them. Question is set when
// the interviewer loaded a question's starter code; Takehome (the task's
// 0-based index) when they opened a take-home task's code.
type CodeChangeData struct {
	Doc      string       `json:"doc"`
	Version  int          `json:"version"`
	Updates  []CodeUpdate `json:"updates"`
	Question *int         `json:"question,omitempty"`
	Takehome *int         `json:"takehome,omitempty"`
}

// CodeLanguageData sets a document's language.
type CodeLanguageData struct {
	Doc      string `json:"doc"`
	Language string `json:"language"`
}

// BoardData holds whiteboard elements accepted by the host (Excalidraw JSON).
type BoardData struct {
	Elements []json.RawMessage `json:"elements"`
}

// RunData is one finished run of a document's code.
type RunData struct {
	ID        string    `json:"id"`
	Doc       string    `json:"doc"`
	Language  string    `json:"language"`
	Version   int       `json:"version"` // the document version that ran
	By        Actor     `json:"by"`      // who pressed Run
	Runner    string    `json:"runner"`  // "interviewer", "candidate" or "remote"
	StartedAt time.Time `json:"startedAt"`
	// BegunAt: when a browser runner had its language's runtime loaded and
	// the code began (its time limit counts from here); nil before that, and
	// for the remote runner.
	BegunAt    *time.Time  `json:"begunAt,omitempty"`
	Status     string      `json:"status"` // ok, error, timeout, stopped, memory, crashed
	ExitCode   int         `json:"exitCode"`
	DurationMS int64       `json:"durationMs"`
	Error      string      `json:"error,omitempty"`
	Output     []RunOutput `json:"output"`
	Truncated  bool        `json:"truncated,omitempty"`
}

// RunOutput is a piece of a run's output.
type RunOutput struct {
	Stream string `json:"stream"` // stdout or stderr
	Text   string `json:"text"`
}

// PasteData describes a paste into a code document.
type PasteData struct {
	Doc    string `json:"doc"`
	Length int    `json:"length"`
	// External: the text was not copied or cut inside the room's editor.
	External bool `json:"external"`
}

// FocusData ends an absence from the interview tab.
type FocusData struct {
	AwayMS int64 `json:"awayMs"`
}

// AssessmentData is a preliminary AI assessment of the answer to question
// Index (0-based), made from the candidate's words while it was on screen.
type AssessmentData struct {
	Index   int      `json:"index"`
	Score   float64  `json:"score"` // 0..5
	Covered []string `json:"covered"`
	Missed  []string `json:"missed"`
	Comment string   `json:"comment,omitempty"`
	Heard   string   `json:"heard"` // the words recognised
}
