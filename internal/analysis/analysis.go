package analysis

import "time"

// Status is where an interview's analysis is.
type Status string

// Statuses.
const (
	StatusQueued   Status = "queued"
	StatusRunning  Status = "running"
	StatusDone     Status = "done"
	StatusFailed   Status = "failed"
	StatusDeclined Status = "declined" // the candidate declined AI analysis
)

// Scale is the range of every score.
const Scale = 5.0

// Analysis is one interview's analysis as stored and shown.
type Analysis struct {
	InterviewID string    `json:"interviewId"`
	Status      Status    `json:"status"`
	Step        string    `json:"step"`     // what runs now, for people: "Transcribing Olivia Diaz"
	Progress    float64   `json:"progress"` // 0..1
	Error       string    `json:"error,omitempty"`
	StartedAt   time.Time `json:"startedAt,omitzero"`
	FinishedAt  time.Time `json:"finishedAt,omitzero"`
	Engines     Engines   `json:"engines"`
	Transcript  []Line    `json:"transcript"`
	TalkTime    []Talk    `json:"talkTime"`
	Answers     []Answer  `json:"answers"`
	Overall     Overall   `json:"overall"`
	// Voice is when each speaker's microphone carried speech (voice
	// activity, whatever the words), for showing who speaks when.
	Voice []Voice `json:"voice"`
	// Recording is the one combined recording of the call, when built.
	Recording *Combined `json:"recording,omitempty"`
}

// Combined is the call's tracks made into one recording (everyone in sync).
type Combined struct {
	Start      time.Time `json:"start"` // the wall-clock time of its 0 s
	DurationMs int64     `json:"durationMs"`
	Width      int       `json:"width"`
	Height     int       `json:"height"`
	// Layouts are the recording's layouts: the one built with the analysis
	// (picture-in-picture) first, then the others as they are asked for.
	// An analysis from before layouts has none listed: its file is
	// picture-in-picture.
	Layouts []Layout `json:"layouts"`
}

// LayoutName is how the participants share the combined recording's frame.
type LayoutName string

// Layouts of the combined recording (package mixdown draws them).
const (
	LayoutPIP  LayoutName = "pip"  // the candidate large, the others in small boxes
	LayoutGrid LayoutName = "grid" // everyone the same size
)

// LayoutStatus is where one layout's file is.
type LayoutStatus string

// Layout statuses.
const (
	LayoutReady    LayoutStatus = "ready"
	LayoutBuilding LayoutStatus = "building"
	LayoutFailed   LayoutStatus = "failed"
)

// Layout is one layout of the combined recording and how far its file is.
type Layout struct {
	Name     LayoutName   `json:"name"`
	Status   LayoutStatus `json:"status"`
	Progress float64      `json:"progress"` // 0..1 while building
	Error    string       `json:"error,omitempty"`
}

// Voice is one speaker's spoken stretches over the interview.
type Voice struct {
	Participant string  `json:"participant"`
	Speaker     string  `json:"speaker"`
	Role        string  `json:"role"`
	Spans       []Spoke `json:"spans"`
}

// Spoke is a stretch of speech, in milliseconds from the interview's start
// (negative before it: the call may begin earlier).
type Spoke struct {
	FromMs int64 `json:"fromMs"`
	ToMs   int64 `json:"toMs"`
}

// Engines names what produced the analysis and what it is worth.
type Engines struct {
	Transcription string `json:"transcription"`
	// TranscriptionQuality is an honest sentence about the transcript.
	TranscriptionQuality string `json:"transcriptionQuality"`
	Scoring              string `json:"scoring"`
}

// Line is one stretch of speech by one person.
type Line struct {
	At       time.Time `json:"at"`
	OffsetMs int64     `json:"offsetMs"` // from the interview's start
	EndMs    int64     `json:"endMs"`
	Speaker  string    `json:"speaker"`
	Role     string    `json:"role"` // candidate or interviewer
	Text     string    `json:"text"`
	// Question is the 0-based question on screen then, if any.
	Question *int `json:"question,omitempty"`
}

// Talk is how long someone spoke, in the whole interview or one question.
type Talk struct {
	Speaker  string `json:"speaker"`
	Role     string `json:"role"`
	Question *int   `json:"question,omitempty"`
	Ms       int64  `json:"ms"`
}

// Point is a key point of an answer, with the words that covered it.
type Point struct {
	Text     string `json:"text"`
	Evidence string `json:"evidence,omitempty"`
}

// Answer is the analysis of the candidate's answer to one question.
type Answer struct {
	Index    int     `json:"index"`
	Question string  `json:"question"`
	Answer   string  `json:"answer"` // the candidate's words in the question's window
	Score    float64 `json:"score"`  // 0..Scale, by the engine
	Covered  []Point `json:"covered"`
	Missed   []Point `json:"missed"`
	Comment  string  `json:"comment"`
	// Rating is the interviewers' own 1–5, when given.
	Rating   int       `json:"rating,omitempty"`
	Override *Override `json:"override,omitempty"`
}

// Final is the score that counts: the override, else the engine's.
func (a Answer) Final() float64 {
	if a.Override != nil {
		return a.Override.Score
	}
	return a.Score
}

// Override is an interviewer's correction of a score.
type Override struct {
	Score  float64   `json:"score"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason,omitempty"`
}

// Overall sums the answers up.
type Overall struct {
	Score     float64  `json:"score"`            // mean of the answers' final scores
	Rating    float64  `json:"rating,omitempty"` // mean of the interviewers' ratings
	Answered  int      `json:"answered"`
	Strengths []string `json:"strengths"`
	Concerns  []string `json:"concerns"`
}
