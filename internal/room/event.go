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
)

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
	PersonalData    bool `json:"personalData"`    // processing of personal data
	AIAnalysis      bool `json:"aiAnalysis"`      // AI analysis of answers
	RecordingNotice bool `json:"recordingNotice"` // told the interview is recorded
}
