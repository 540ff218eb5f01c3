package timeline

import (
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Kind names what a row tells.
type Kind string

// Row kinds.
const (
	KindJoined           Kind = "joined"
	KindLeft             Kind = "left"
	KindReconnected      Kind = "reconnected" // a left soon followed by a joined: AwayMs
	KindConsented        Kind = "consented"   // Consent
	KindLocked           Kind = "locked"
	KindUnlocked         Kind = "unlocked"
	KindStarted          Kind = "started"
	KindTopicChecked     Kind = "topic-checked"   // Topic
	KindTopicUnchecked   Kind = "topic-unchecked" // Topic
	KindTopicAdded       Kind = "topic-added"     // Topic
	KindTechnicalStarted Kind = "technical-started"
	KindQuestion         Kind = "question"  // Question
	KindRephrased        Kind = "rephrased" // Rephrase
	KindNote             Kind = "note"      // Note
	KindFinishStarted    Kind = "finish-started"
	KindEnded            Kind = "ended"          // LastedMs when the start is known
	KindPasted           Kind = "pasted"         // Paste, by the candidate
	KindTabAway          Kind = "tab-away"       // the candidate left the interview tab: AwayMs once back
	KindRan              Kind = "ran"            // Run
	KindLanguage         Kind = "language"       // Language: the editor's language was set
	KindStarterLoaded    Kind = "starter-loaded" // Question (index, number): its starter code
)

// Person is someone in a row. Name is the person's name, or their email when
// they have no name, or empty when neither is known (faces then name the role:
// "the candidate").
type Person struct {
	Name string    `json:"name,omitempty"`
	Role room.Role `json:"role"`
}

func personOf(a room.Actor) Person {
	name := strings.TrimSpace(a.Name)
	if name == "" {
		name = strings.TrimSpace(a.Email)
	}
	return Person{Name: name, Role: a.Role}
}

// Row is one line of the timeline. Kind says which of the optional parts it
// carries.
type Row struct {
	// Key is unique within a timeline and stable across builds of a growing log.
	Key string `json:"key"`
	// At is the row's place in time.
	At   time.Time `json:"at"`
	Kind Kind      `json:"kind"`
	// Actor is who caused the event (absent on notes: see Note.Author).
	Actor Person `json:"actor,omitzero"`
	// AwayMs is how long a reconnected person was gone.
	AwayMs   int64       `json:"awayMs,omitempty"`
	Consent  *Consent    `json:"consent,omitempty"`
	Topic    *room.Topic `json:"topic,omitempty"`
	Question *Question   `json:"question,omitempty"`
	Rephrase *Rephrase   `json:"rephrase,omitempty"`
	Note     *Note       `json:"note,omitempty"`
	// LastedMs is the time from the start to the end of the interview.
	LastedMs *int64    `json:"lastedMs,omitempty"`
	Paste    *Paste    `json:"paste,omitempty"`
	Run      *Run      `json:"run,omitempty"`
	Language *Language `json:"language,omitempty"`
}

// Paste is text the candidate pasted into a code document.
type Paste struct {
	Doc    string `json:"doc"`
	Length int    `json:"length"`
	// External: the text did not come from the room's editor.
	External bool `json:"external"`
}

// Run is a finished run of a document's code.
type Run struct {
	Doc        string `json:"doc"`
	Language   string `json:"language"`
	Status     string `json:"status"`
	ExitCode   int    `json:"exitCode"`
	DurationMs int64  `json:"durationMs"`
	Runner     string `json:"runner"`
	By         Person `json:"by"`
}

// Language is the language a code document was set to.
type Language struct {
	Doc      string `json:"doc"`
	Language string `json:"language"`
}

// Consent is what the candidate agreed to before joining.
type Consent struct {
	room.ConsentData
	// Repeats counts the later consents with the same answers by the same
	// person (one per join), merged into this row.
	Repeats int `json:"repeats,omitempty"`
}

// Question is one time a question was on screen.
type Question struct {
	Index  int       `json:"index"`  // 0-based
	Number int       `json:"number"` // 1-based, for people
	Total  int       `json:"total"`  // 0 when unknown
	Text   string    `json:"text"`
	From   time.Time `json:"from"`
	// To and DurationMs are absent while the question is on screen.
	To         time.Time `json:"to,omitzero"`
	DurationMs *int64    `json:"durationMs,omitempty"`
	// Again: the question was shown before; this is a revisit.
	Again bool `json:"again"`
	// Rephrased: the alternative wording was shown (first visit only).
	Rephrased bool `json:"rephrased"`
	// Skipped: the interviewer moved on without an answer.
	Skipped bool `json:"skipped,omitempty"`
	// Rating (1–5) and Comment are on the first visit only.
	Rating  int    `json:"rating,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// Rephrase is the alternative wording of a question, shown to the candidate.
type Rephrase struct {
	Index       int    `json:"index"`
	Number      int    `json:"number"`
	Alternative string `json:"alternative,omitempty"`
}

// Note is an interviewer's latest notes (Markdown).
type Note struct {
	Author  Person    `json:"author"`
	Text    string    `json:"text"`
	SavedAt time.Time `json:"savedAt"`
}
