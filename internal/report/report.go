package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

// DeclinedNotice is what the report says when the candidate declined AI
// analysis.
const DeclinedNotice = "The candidate declined AI analysis: no transcript, talk time or AI score was made."

// Report is one interview's report.
type Report struct {
	InterviewID  string              `json:"interviewId"`
	Candidate    interviews.Person   `json:"candidate"`
	Position     string              `json:"position"`
	Campaign     string              `json:"campaign,omitempty"`
	Template     string              `json:"template"`
	Interviewers []interviews.Person `json:"interviewers"`
	// TimeZone is the interview's zone: the one the report writes times in.
	TimeZone       string    `json:"timeZone"`
	ScheduledAt    time.Time `json:"scheduledAt"`
	PlannedMinutes int       `json:"plannedMinutes"`
	// StartedAt and EndedAt are when the interview really started and ended.
	StartedAt  time.Time `json:"startedAt,omitzero"`
	EndedAt    time.Time `json:"endedAt,omitzero"`
	DurationMs int64     `json:"durationMs"`
	Ended      bool      `json:"ended"`
	// Declined: the candidate declined AI analysis; the report has none.
	Declined bool `json:"declined"`
	// AnalysisStatus is where the analysis is; empty when there is none.
	AnalysisStatus analysis.Status `json:"analysisStatus,omitempty"`
	// Notices are what a reader must know before trusting the rest, e.g.
	// Declined, or that the analysis is still running.
	Notices   []string   `json:"notices"`
	Score     Score      `json:"score"`
	Strengths []string   `json:"strengths"`
	Concerns  []string   `json:"concerns"`
	Questions []Question `json:"questions"`
	Notes     []Note     `json:"notes"`
	// TalkTime is each speaker's talk time in the whole interview.
	TalkTime   []analysis.Talk `json:"talkTime"`
	Transcript []analysis.Line `json:"transcript"`
	Timeline   []Entry         `json:"timeline"`
	// Engines names what made the analysis and what its transcript is worth.
	Engines *analysis.Engines `json:"engines,omitempty"`
	// Recording is the call's one combined recording with its layouts, when
	// built; Voice is when each person spoke (for the player).
	Recording *analysis.Combined `json:"recording,omitempty"`
	Voice     []analysis.Voice   `json:"voice"`
	// Files are the names the downloads are saved under.
	Files Files `json:"files"`
}

// Files names the report's downloads.
type Files struct {
	HTML      string `json:"html"`
	PDF       string `json:"pdf"`
	Recording string `json:"recording"`
}

// Score is the interview's score: the AI's beside the interviewers' own.
type Score struct {
	Scale float64 `json:"scale"`
	// AI is the mean of the answers' final scores (interviewers' overrides
	// applied), as the analysis computed it; absent without an analysis.
	AI         *float64 `json:"ai,omitempty"`
	Answered   int      `json:"answered"`
	Overridden int      `json:"overridden"`
	// Rating is the mean of the interviewers' 1–5 ratings; absent when
	// nothing was rated.
	Rating *float64 `json:"rating,omitempty"`
	Rated  int      `json:"rated"`
}

// Question is one question of the interview with all that was said and
// thought about its answer.
type Question struct {
	Number         int      `json:"number"` // 1-based
	Text           string   `json:"text"`
	Alternative    string   `json:"alternative,omitempty"`
	ExpectedAnswer string   `json:"expectedAnswer,omitempty"`
	KeyPoints      []string `json:"keyPoints"`
	// Asked: the question was on screen; Skipped: every time without an answer.
	Asked      bool  `json:"asked"`
	Skipped    bool  `json:"skipped,omitempty"`
	Rephrased  bool  `json:"rephrased,omitempty"`
	OnScreenMs int64 `json:"onScreenMs"`
	// Rating (1–5) and Comment are the interviewers'.
	Rating  int    `json:"rating,omitempty"`
	Comment string `json:"comment,omitempty"`
	// AI is the answer's analysis: the candidate's words, the engine's score,
	// the covered and missed points with their evidence, the override.
	AI *analysis.Answer `json:"ai,omitempty"`
	// Score is the score that counts: the override, else the engine's.
	Score    *float64        `json:"score,omitempty"`
	TalkTime []analysis.Talk `json:"talkTime"`
}

// Note is one interviewer's notes (Markdown, shown as written).
type Note struct {
	Author  string    `json:"author"`
	Text    string    `json:"text"`
	SavedAt time.Time `json:"savedAt,omitzero"`
}

// Entry is one timeline row in words.
type Entry struct {
	At time.Time `json:"at"`
	// OffsetMs is the time since the interview started (negative before).
	OffsetMs int64         `json:"offsetMs"`
	Kind     timeline.Kind `json:"kind"`
	Text     string        `json:"text"`
}

// Build gathers the report of iv from its timeline as the organizer sees it
// (timeline.ForOrganizer: every interviewer's notes once it has ended) and
// its analysis (nil when there is none).
func Build(iv interviews.Interview, tl timeline.Timeline, a *analysis.Analysis) Report {
	st := tl.State
	r := Report{InterviewID: iv.ID, Candidate: iv.Candidate, Position: iv.Position, Campaign: iv.Campaign,
		Template: iv.Template.Name, TimeZone: iv.Location().String(), ScheduledAt: iv.StartsAt,
		PlannedMinutes: iv.DurationMinutes, StartedAt: st.StartedAt, EndedAt: st.EndedAt,
		Ended: st.Phase == room.PhaseEnded, Notices: []string{}, Strengths: []string{}, Concerns: []string{},
		Interviewers: []interviews.Person{}, TalkTime: []analysis.Talk{}, Transcript: []analysis.Line{}, Voice: []analysis.Voice{}}
	for _, in := range iv.Interviewers {
		r.Interviewers = append(r.Interviewers, in.Person)
	}
	if !st.StartedAt.IsZero() && st.EndedAt.After(st.StartedAt) {
		r.DurationMs = st.EndedAt.Sub(st.StartedAt).Milliseconds()
	}
	r.Declined = st.Consent != nil && !st.Consent.AIAnalysis || a != nil && a.Status == analysis.StatusDeclined
	if a != nil {
		r.Recording = a.Recording // recording has its own consent, apart from the analysis
	}
	if r.Declined {
		a = nil // whatever was made before, the candidate said no
	}
	r.Score = Score{Scale: analysis.Scale}
	r.Score.Rating, r.Score.Rated = meanRating(st.Ratings)
	r.Questions = questions(iv, st.State, a)
	r.Notes = notes(st.Notes)
	r.Timeline = entries(tl.Rows, st.StartedAt, iv.Location())
	r.Notices = notices(r, a)
	if a != nil {
		withAnalysis(&r, *a)
	}
	r.Files = Files{HTML: r.FileName("html"), PDF: r.FileName("pdf"), Recording: r.fileName("Recording", "webm")}
	return r
}

// withAnalysis adds the analysis's own parts to r.
func withAnalysis(r *Report, a analysis.Analysis) {
	r.AnalysisStatus = a.Status
	engines := a.Engines
	r.Engines = &engines
	r.Strengths = append(r.Strengths, a.Overall.Strengths...)
	r.Concerns = append(r.Concerns, a.Overall.Concerns...)
	r.Transcript = append(r.Transcript, a.Transcript...)
	r.Voice = append(r.Voice, a.Voice...)
	for _, t := range a.TalkTime {
		if t.Question == nil {
			r.TalkTime = append(r.TalkTime, t)
		}
	}
	if len(a.Answers) > 0 {
		s := a.Overall.Score
		r.Score.AI, r.Score.Answered = &s, a.Overall.Answered
	}
	for _, ans := range a.Answers {
		if ans.Override != nil {
			r.Score.Overridden++
		}
	}
}

func meanRating(ratings map[int]int) (*float64, int) {
	var sum, n int
	for _, v := range ratings {
		if v >= 1 && v <= 5 {
			sum, n = sum+v, n+1
		}
	}
	if n == 0 {
		return nil, 0
	}
	mean := float64(sum) / float64(n)
	return &mean, n
}

// questions are iv's questions with their windows, ratings, comments and
// analysis.
func questions(iv interviews.Interview, st room.State, a *analysis.Analysis) []Question {
	out := make([]Question, 0, len(iv.Questions))
	for i, q := range iv.Questions {
		rq := Question{Number: i + 1, Text: q.Text, Alternative: q.Alternative, ExpectedAnswer: q.ExpectedAnswer,
			KeyPoints: append([]string{}, q.KeyPoints...), Rephrased: st.Rephrased[i],
			Rating: st.Ratings[i], Comment: strings.TrimSpace(st.Comments[i]), TalkTime: []analysis.Talk{}}
		if rq.Rating < 1 || rq.Rating > 5 {
			rq.Rating = 0
		}
		onScreen(&rq, i, st)
		if a != nil {
			withAnswer(&rq, i, *a)
		}
		out = append(out, rq)
	}
	return out
}

// onScreen fills in when question i was on screen; a window still open runs
// to the end of the interview.
func onScreen(q *Question, i int, st room.State) {
	skipped := 0
	for _, w := range st.Windows {
		if w.Index != i || w.From.IsZero() {
			continue
		}
		q.Asked = true
		to := w.To
		if to.IsZero() {
			to = st.EndedAt
		}
		if to.After(w.From) {
			q.OnScreenMs += to.Sub(w.From).Milliseconds()
		}
		if w.Skipped {
			skipped++
		}
	}
	q.Skipped = q.Asked && skipped > 0 && skipped == countWindows(st.Windows, i)
}

func countWindows(ws []room.Window, i int) int {
	n := 0
	for _, w := range ws {
		if w.Index == i && !w.From.IsZero() {
			n++
		}
	}
	return n
}

func withAnswer(q *Question, i int, a analysis.Analysis) {
	for _, ans := range a.Answers {
		if ans.Index == i {
			ans := ans
			final := ans.Final()
			q.AI, q.Score = &ans, &final
		}
	}
	for _, t := range a.TalkTime {
		if t.Question != nil && *t.Question == i {
			q.TalkTime = append(q.TalkTime, t)
		}
	}
}

// notes are the interviewers' notes with text, by author.
func notes(byEmail map[string]room.Note) []Note {
	out := []Note{}
	for email, n := range byEmail {
		if strings.TrimSpace(n.Text) == "" {
			continue
		}
		author := cmp.Or(strings.TrimSpace(n.Author.Name), strings.TrimSpace(n.Author.Email), email, "An interviewer")
		out = append(out, Note{Author: author, Text: n.Text, SavedAt: n.SavedAt})
	}
	slices.SortFunc(out, func(x, y Note) int {
		return cmp.Or(strings.Compare(x.Author, y.Author), x.SavedAt.Compare(y.SavedAt))
	})
	return out
}

// entries word the timeline's rows; notes are pointed to, their text is in
// the report's own section.
func entries(rows []timeline.Row, start time.Time, loc *time.Location) []Entry {
	out := make([]Entry, 0, len(rows))
	for _, row := range rows {
		e := Entry{At: row.At, Kind: row.Kind, Text: RowText(row, loc)}
		if !start.IsZero() {
			e.OffsetMs = row.At.Sub(start).Milliseconds()
		}
		if row.Kind == timeline.KindNote && row.Note != nil {
			e.Text = "Notes saved by " + personLabel(row.Note.Author) + " (see Notes)"
		}
		out = append(out, e)
	}
	return out
}

// notices are what a reader must know first.
func notices(r Report, a *analysis.Analysis) []string {
	out := []string{}
	if !r.Ended {
		out = append(out, "The interview has not ended: this report is incomplete.")
	}
	switch {
	case r.Declined:
		out = append(out, DeclinedNotice)
	case a == nil:
		out = append(out, "No analysis has been made of this interview: there is no transcript or AI score.")
	case a.Status == analysis.StatusQueued || a.Status == analysis.StatusRunning:
		out = append(out, fmt.Sprintf("The analysis is running (%.0f%%): scores and transcript may still change.", 100*a.Progress))
	case a.Status == analysis.StatusFailed:
		out = append(out, "The analysis failed: "+cmp.Or(a.Error, "no reason was given")+".")
	}
	return out
}

// Rooms is where an interview's state and event log come from (room.Service).
type Rooms interface {
	State(id string) (room.State, interviews.Interview, error)
	Events(id string) ([]room.Event, error)
}

// Analyses keeps interviews' analyses (analysis.Service); Get answers
// analysis.ErrNone when an interview has none.
type Analyses interface {
	Get(id string) (analysis.Analysis, error)
}

// Gather builds interview id's report from rooms and analyses (nil: a host
// without analysis). It refuses an interview that has not ended with
// ErrNotEnded.
func Gather(rooms Rooms, analyses Analyses, id string) (Report, error) {
	st, iv, err := rooms.State(id)
	if err != nil {
		return Report{}, err
	}
	if st.Phase != room.PhaseEnded {
		return Report{}, fmt.Errorf("report of interview %s: %w", id, ErrNotEnded)
	}
	events, err := rooms.Events(id)
	if err != nil {
		return Report{}, fmt.Errorf("report of interview %s: %w", id, err)
	}
	var a *analysis.Analysis
	if analyses != nil {
		got, err := analyses.Get(id)
		switch {
		case err == nil:
			a = &got
		case !errors.Is(err, analysis.ErrNone):
			return Report{}, fmt.Errorf("report of interview %s: %w", id, err)
		}
	}
	return Build(iv, timeline.ForOrganizer(iv, events, st), a), nil
}
