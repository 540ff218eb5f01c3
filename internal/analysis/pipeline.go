package analysis

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
)

// Window is when a question was on screen.
type Window struct {
	Index    int
	From, To time.Time // To zero: until the end
}

// Input is everything one analysis run needs.
type Input struct {
	InterviewID string
	Start, End  time.Time // the interview's start and end
	Questions   []Question
	Windows     []Window
	Ratings     map[int]int
	Tracks      []Track
	// AIAnalysis: the candidate agreed to it.
	AIAnalysis bool

	// Interview and Recordings (every finished track) make the combined
	// recording.
	Interview  interviews.Interview
	Recordings []media.Recording
}

// Progress hears what runs now and how far the whole is (0..1).
type Progress func(step string, done float64)

// Run builds the analysis of in with tr and sc.
func Run(ctx context.Context, in Input, tr Transcriber, sc Scorer, progress Progress) (Analysis, error) {
	a := Analysis{InterviewID: in.InterviewID, Status: StatusDone, Transcript: []Line{}, TalkTime: []Talk{},
		Answers: []Answer{}, Overall: Overall{Strengths: []string{}, Concerns: []string{}}, Voice: []Voice{},
		Engines: Engines{Transcription: tr.Name(), TranscriptionQuality: tr.Quality(), Scoring: sc.Name()}}
	if !in.AIAnalysis {
		a.Status, a.Step, a.Progress = StatusDeclined, "The candidate declined AI analysis: none was made.", 1
		return a, nil
	}
	steps := float64(len(in.Tracks) + 1)
	for i, t := range in.Tracks {
		progress(fmt.Sprintf("Transcribing %s (%d of %d)", t.Speaker, i+1, len(in.Tracks)), float64(i)/steps)
		heard, err := tr.Transcribe(ctx, t)
		if err != nil {
			return a, fmt.Errorf("transcribe %s's track: %w", t.Speaker, err)
		}
		a.Transcript = append(a.Transcript, linesOf(in, t, heard)...)
		a.TalkTime = append(a.TalkTime, talkOf(in, t, heard.Voiced)...)
		a.Voice = withVoice(a.Voice, in, t, heard.Voiced)
	}
	sort.SliceStable(a.Transcript, func(i, j int) bool { return a.Transcript[i].At.Before(a.Transcript[j].At) })
	progress("Scoring the answers", float64(len(in.Tracks))/steps)
	answers, err := score(ctx, in, a.Transcript, sc)
	if err != nil {
		return a, err
	}
	a.Answers = answers
	a.Overall = overall(answers, in.Ratings)
	a.Progress = 1
	return a, nil
}

// questionAt is the question on screen at t, or nil.
func questionAt(in Input, t time.Time) *int {
	for _, w := range in.Windows {
		if !t.Before(w.From) && (w.To.IsZero() || t.Before(w.To)) {
			i := w.Index
			return &i
		}
	}
	return nil
}

func linesOf(in Input, t Track, heard Heard) []Line {
	var out []Line
	for _, s := range heard.Segments {
		text := strings.TrimSpace(s.Text)
		if text == "" {
			continue
		}
		at := t.Started.Add(s.Start)
		out = append(out, Line{At: at, OffsetMs: at.Sub(in.Start).Milliseconds(),
			EndMs: t.Started.Add(s.End).Sub(in.Start).Milliseconds(), Speaker: t.Speaker, Role: t.Role, Text: text,
			Question: questionAt(in, at)})
	}
	return out
}

// talkOf is a track's talk time in all and in each question's windows.
func talkOf(in Input, t Track, voiced []Span) []Talk {
	total := Talk{Speaker: t.Speaker, Role: t.Role}
	per := map[int]int64{}
	for _, v := range voiced {
		from, to := t.Started.Add(v.Start), t.Started.Add(v.End)
		total.Ms += to.Sub(from).Milliseconds()
		for _, w := range in.Windows {
			end := w.To
			if end.IsZero() {
				end = in.End
			}
			if overlap := minTime(to, end).Sub(maxTime(from, w.From)); overlap > 0 {
				per[w.Index] += overlap.Milliseconds()
			}
		}
	}
	out := []Talk{total}
	for i, ms := range per {
		q := i
		out = append(out, Talk{Speaker: t.Speaker, Role: t.Role, Question: &q, Ms: ms})
	}
	sort.Slice(out[1:], func(a, b int) bool { return *out[1+a].Question < *out[1+b].Question })
	return out
}

// withVoice adds a track's spoken spans to its speaker's (a participant who
// reconnected has several tracks, one voice).
func withVoice(voices []Voice, in Input, t Track, voiced []Span) []Voice {
	i := slices.IndexFunc(voices, func(v Voice) bool { return v.Participant == t.Participant })
	if i < 0 {
		voices = append(voices, Voice{Participant: t.Participant, Speaker: t.Speaker, Role: t.Role, Spans: []Spoke{}})
		i = len(voices) - 1
	}
	for _, v := range voiced {
		voices[i].Spans = append(voices[i].Spans, Spoke{FromMs: t.Started.Add(v.Start).Sub(in.Start).Milliseconds(),
			ToMs: t.Started.Add(v.End).Sub(in.Start).Milliseconds()})
	}
	slices.SortFunc(voices[i].Spans, func(a, b Spoke) int { return cmp.Compare(a.FromMs, b.FromMs) })
	return voices
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// score scores the candidate's words in each asked question's windows.
func score(ctx context.Context, in Input, lines []Line, sc Scorer) ([]Answer, error) {
	asked := map[int]bool{}
	var order []int
	for _, w := range in.Windows {
		if !asked[w.Index] && w.Index >= 0 && w.Index < len(in.Questions) {
			asked[w.Index] = true
			order = append(order, w.Index)
		}
	}
	sort.Ints(order)
	answers := []Answer{}
	for _, i := range order {
		var words []string
		for _, l := range lines {
			if l.Role == "candidate" && l.Question != nil && *l.Question == i {
				words = append(words, l.Text)
			}
		}
		q := in.Questions[i]
		ans := Answer{Index: i, Question: q.Text, Answer: strings.Join(words, " "), Rating: in.Ratings[i],
			Covered: []Point{}, Missed: []Point{}}
		if ans.Answer == "" {
			ans.Comment = "No speech from the candidate was recognised while this question was on screen."
			for _, k := range q.KeyPoints {
				ans.Missed = append(ans.Missed, Point{Text: k})
			}
			answers = append(answers, ans)
			continue
		}
		s, err := sc.Score(ctx, q, ans.Answer)
		if err != nil {
			return nil, fmt.Errorf("score the answer to question %d: %w", i+1, err)
		}
		ans.Score, ans.Comment = clamp(s.Score), s.Comment
		ans.Covered, ans.Missed = nonNil(s.Covered), nonNil(s.Missed)
		answers = append(answers, ans)
	}
	return answers, nil
}

func nonNil(p []Point) []Point {
	if p == nil {
		return []Point{}
	}
	return p
}

func clamp(s float64) float64 {
	return min(max(s, 0), Scale)
}

// overall is the mean of the answers' final scores, the interviewers' mean
// rating, and the points that stood out either way.
func overall(answers []Answer, ratings map[int]int) Overall {
	o := Overall{Strengths: []string{}, Concerns: []string{}}
	var sum float64
	for _, a := range answers {
		sum += a.Final()
		o.Answered++
		switch {
		case a.Final() >= 3.5 && len(a.Covered) > 0:
			o.Strengths = append(o.Strengths, fmt.Sprintf("Question %d: %s", a.Index+1, a.Covered[0].Text))
		case a.Final() < 2 && len(a.Missed) > 0:
			o.Concerns = append(o.Concerns, fmt.Sprintf("Question %d: missed %s", a.Index+1, a.Missed[0].Text))
		}
	}
	if o.Answered > 0 {
		o.Score = sum / float64(o.Answered)
	}
	var rsum, n float64
	for _, r := range ratings {
		if r > 0 {
			rsum += float64(r)
			n++
		}
	}
	if n > 0 {
		o.Rating = rsum / n
	}
	return o
}
