package templates

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/collab"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Limits of the template format (docs/template-format.md).
const (
	MaxTopics    = 50
	MaxQuestions = 100
	MaxKeyPoints = 20
	// MinDuration and MaxDuration bound how long an interview may last, in
	// minutes; the console has them from the API contract.
	MinDuration      = 15
	MaxDuration      = 240
	DefaultDuration  = 60
	MaxFileTemplates = 500
	// MaxStarterCode bounds a question's starter code, in characters.
	MaxStarterCode = 100_000
)

// Language names a code editor language: one of the live code editor's
// (collab.Languages). The empty Language means none was chosen.
type Language string

// Languages, by name.
const (
	PlainText  Language = "plaintext"
	Go         Language = "go"
	Python     Language = "python"
	JavaScript Language = "javascript"
	TypeScript Language = "typescript"
	Java       Language = "java"
	Cpp        Language = "cpp"
	SQL        Language = "sql"
)

// Languages lists every Language in the order pickers show them.
var Languages = languagesOf(collab.Languages())

func languagesOf(ids []string) []Language {
	out := make([]Language, len(ids))
	for i, id := range ids {
		out[i] = Language(id)
	}
	return out
}

// Valid reports whether l is one of Languages.
func (l Language) Valid() bool { return slices.Contains(Languages, l) }

// Topic is one item of the interview plan.
type Topic struct {
	// ID is set by the host; a new topic has none yet.
	ID    string `json:"id,omitempty"`
	Title string `json:"title"`
	Hint  string `json:"hint,omitempty"`
}

// Question is one technical question. Only Text is ever shown to a candidate
// unasked; Alternative on the interviewer's request; the rest never.
type Question struct {
	// ID is set by the host; a new question has none yet.
	ID             string   `json:"id,omitempty"`
	Text           string   `json:"text"`
	Alternative    string   `json:"alternative"`
	ExpectedAnswer string   `json:"expectedAnswer"`
	KeyPoints      []string `json:"keyPoints,omitempty"`
	// StarterCode is what the interviewer can load into the room's shared
	// editor for this question, in Language; empty means none. Language may
	// be set without starter code (loading then only picks the language).
	StarterCode string   `json:"starterCode,omitempty"`
	Language    Language `json:"language,omitempty"`
}

// Content is what a user writes: everything but identity and bookkeeping.
type Content struct {
	Name            string     `json:"name"`
	Specialization  string     `json:"specialization"`
	Description     string     `json:"description"`
	DurationMinutes int        `json:"durationMinutes"`
	Plan            []Topic    `json:"plan"`
	Questions       []Question `json:"questions"`
}

// Template is a stored template.
type Template struct {
	ID string `json:"id"`
	Content
	Technical bool      `json:"technical"`
	BuiltIn   bool      `json:"builtIn"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Summary is a template as the list shows it.
type Summary struct {
	ID              string    `json:"id"`
	Name            string    `json:"name"`
	Specialization  string    `json:"specialization"`
	Description     string    `json:"description"`
	DurationMinutes int       `json:"durationMinutes"`
	Technical       bool      `json:"technical"`
	BuiltIn         bool      `json:"builtIn"`
	TopicCount      int       `json:"topicCount"`
	QuestionCount   int       `json:"questionCount"`
	UpdatedAt       time.Time `json:"updatedAt"`
}

// Summary condenses t for lists.
func (t Template) Summary() Summary {
	return Summary{
		ID: t.ID, Name: t.Name, Specialization: t.Specialization, Description: t.Description,
		DurationMinutes: t.DurationMinutes, Technical: len(t.Questions) > 0, BuiltIn: t.BuiltIn,
		TopicCount: len(t.Plan), QuestionCount: len(t.Questions), UpdatedAt: t.UpdatedAt,
	}
}

// normalize makes text follow the text rule (package validation), fills
// defaults and gives topics and questions unique IDs.
func (c *Content) normalize(newID func() string) {
	c.Name = validation.LineText(c.Name)
	c.Specialization = validation.LineText(c.Specialization)
	c.Description = validation.BlockText(c.Description)
	if c.DurationMinutes == 0 {
		c.DurationMinutes = DefaultDuration
	}
	if c.Plan == nil {
		c.Plan = []Topic{}
	}
	if c.Questions == nil {
		c.Questions = []Question{}
	}
	seen := map[string]bool{}
	fresh := func(id string) string {
		id = strings.TrimSpace(id)
		if id == "" || seen[id] || len(id) > 64 {
			id = newID()
		}
		seen[id] = true
		return id
	}
	for i := range c.Plan {
		p := &c.Plan[i]
		p.ID, p.Title, p.Hint = fresh(p.ID), validation.LineText(p.Title), validation.BlockText(p.Hint)
	}
	for i := range c.Questions {
		q := &c.Questions[i]
		q.ID = fresh(q.ID)
		q.Text, q.Alternative = validation.BlockText(q.Text), validation.BlockText(q.Alternative)
		q.ExpectedAnswer = validation.BlockText(q.ExpectedAnswer)
		points := q.KeyPoints[:0:0]
		for _, kp := range q.KeyPoints {
			if kp = validation.LineText(kp); kp != "" {
				points = append(points, kp)
			}
		}
		q.KeyPoints = points
		q.normalizeCode()
	}
}

// normalizeCode keeps the starter code as written (indentation matters) but
// with "\n" line ends, drops code that is only white space, and gives code
// without a language the plain-text one.
func (q *Question) normalizeCode() {
	q.StarterCode = strings.ReplaceAll(strings.ReplaceAll(q.StarterCode, "\r\n", "\n"), "\r", "\n")
	if strings.TrimSpace(q.StarterCode) == "" {
		q.StarterCode = ""
	}
	q.Language = Language(strings.TrimSpace(string(q.Language)))
	if q.StarterCode != "" && q.Language == "" {
		q.Language = PlainText
	}
}

// validate checks c against the format's limits; field names match the JSON.
func (c Content) validate() error {
	e := validation.Errors{}
	e.Line("name", c.Name, "template name", 1, 120)
	e.Line("specialization", c.Specialization, "specialization", 0, 80)
	e.Block("description", c.Description, "description", 0, 2000)
	CheckDuration(e, "durationMinutes", c.DurationMinutes)
	switch {
	case len(c.Plan) == 0:
		e.Add("plan", "Add at least one plan topic.")
	case len(c.Plan) > MaxTopics:
		e.Add("plan", "A plan can have at most 50 topics.")
	}
	for i, p := range c.Plan {
		f := "plan[" + strconv.Itoa(i) + "]."
		e.Line(f+"title", p.Title, "topic title", 1, 120)
		e.Block(f+"hint", p.Hint, "topic hint", 0, 1000)
	}
	if len(c.Questions) > MaxQuestions {
		e.Add("questions", "A template can have at most 100 questions.")
	}
	for i, q := range c.Questions {
		f := "questions[" + strconv.Itoa(i) + "]."
		e.Block(f+"text", q.Text, "question text", 1, 4000)
		e.Block(f+"alternative", q.Alternative, "alternative explanation", 1, 4000)
		e.Block(f+"expectedAnswer", q.ExpectedAnswer, "expected answer", 1, 8000)
		if len(q.KeyPoints) > MaxKeyPoints {
			e.Add(f+"keyPoints", "A question can have at most 20 key points.")
		}
		for j, kp := range q.KeyPoints {
			e.Line(f+"keyPoints["+strconv.Itoa(j)+"]", kp, "key point", 1, 200)
		}
		e.Block(f+"starterCode", q.StarterCode, "starter code", 0, MaxStarterCode)
		if q.Language != "" && !q.Language.Valid() {
			e.Add(f+"language", "Choose a language from the list: "+languageList()+".")
		}
	}
	return e.Err()
}

func languageList() string {
	names := make([]string, len(Languages))
	for i, l := range Languages {
		names[i] = string(l)
	}
	return strings.Join(names, ", ")
}

// CheckDuration records a problem under field unless minutes is within
// MinDuration and MaxDuration.
func CheckDuration(e validation.Errors, field string, minutes int) {
	if minutes < MinDuration || minutes > MaxDuration {
		e.Add(field, fmt.Sprintf("Choose a duration between %d and %d minutes.", MinDuration, MaxDuration))
	}
}
