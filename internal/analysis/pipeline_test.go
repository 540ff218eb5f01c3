package analysis

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

// scriptTranscriber stands in for speech recognition, which has its own
// tests on real audio (internal/transcribe): it hears a fixed script per
// participant.
type scriptTranscriber map[string]Heard

func (scriptTranscriber) Name() string    { return "script" }
func (scriptTranscriber) Quality() string { return "exact" }
func (s scriptTranscriber) Transcribe(_ context.Context, t Track) (Heard, error) {
	return s[t.Participant], nil
}

// wordScorer stands in for a scoring engine (internal/score has the real
// ones): the share of key points whose first word the answer contains.
type wordScorer struct{}

func (wordScorer) Name() string { return "words" }
func (wordScorer) Score(_ context.Context, q Question, answer string) (Scored, error) {
	var s Scored
	for _, k := range q.KeyPoints {
		w := strings.Fields(k)[0]
		if i := strings.Index(answer, w); i >= 0 {
			s.Covered = append(s.Covered, Point{Text: k, Evidence: answer[i:min(len(answer), i+20)]})
		} else {
			s.Missed = append(s.Missed, Point{Text: k})
		}
	}
	s.Score = Scale * float64(len(s.Covered)) / float64(len(q.KeyPoints))
	return s, nil
}

var t0 = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func sec(n float64) time.Duration { return time.Duration(n * float64(time.Second)) }

func TestRunSplitsSpeechByQuestionAndScoresTheCandidatesWords(t *testing.T) {
	in := Input{InterviewID: "iv", Start: t0, End: t0.Add(sec(100)), AIAnalysis: true,
		Questions: []Question{
			{Text: "What is a goroutine?", KeyPoints: []string{"lightweight thread", "scheduled by the runtime"}},
			{Text: "What is a channel?", KeyPoints: []string{"typed conduit", "synchronises goroutines"}},
			{Text: "Never asked", KeyPoints: []string{"x"}},
		},
		Windows: []Window{{Index: 0, From: t0.Add(sec(10)), To: t0.Add(sec(50))}, {Index: 1, From: t0.Add(sec(50))}},
		Ratings: map[int]int{0: 4},
		Tracks: []Track{
			{Participant: "candidate", Speaker: "Olivia", Role: "candidate", Started: t0.Add(sec(5))},
			{Participant: "interviewer-1", Speaker: "Rita", Role: "interviewer", Started: t0},
		}}
	tr := scriptTranscriber{
		"candidate": {Segments: []Segment{
			{Span{sec(10), sec(20)}, "a lightweight thread of the Go runtime"},
			{Span{sec(50), sec(60)}, "it is a typed conduit"},
		}, Voiced: []Span{{sec(10), sec(20)}, {sec(50), sec(60)}}},
		"interviewer-1": {Segments: []Segment{{Span{sec(11), sec(14)}, "what is a goroutine"}},
			Voiced: []Span{{sec(11), sec(14)}}},
	}
	a, err := Run(context.Background(), in, tr, wordScorer{}, func(string, float64) {})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Transcript) != 3 || a.Transcript[0].Speaker != "Rita" || a.Transcript[1].Speaker != "Olivia" ||
		*a.Transcript[1].Question != 0 || a.Transcript[1].OffsetMs != 15000 || *a.Transcript[2].Question != 1 {
		t.Fatalf("transcript = %+v", a.Transcript)
	}
	if len(a.Answers) != 2 {
		t.Fatalf("answers = %+v (an unasked question is not scored)", a.Answers)
	}
	q0, q1 := a.Answers[0], a.Answers[1]
	if q0.Answer != "a lightweight thread of the Go runtime" || q0.Rating != 4 || len(q0.Covered) != 1 || len(q0.Missed) != 1 ||
		q0.Score != 2.5 || q0.Covered[0].Evidence == "" {
		t.Errorf("answer 1 = %+v", q0)
	}
	if q1.Answer != "it is a typed conduit" || q1.Score != 2.5 {
		t.Errorf("answer 2 = %+v", q1)
	}
	if a.Overall.Score != 2.5 || a.Overall.Rating != 4 || a.Overall.Answered != 2 {
		t.Errorf("overall = %+v", a.Overall)
	}
	talk := map[string]int64{}
	for _, x := range a.TalkTime {
		key := x.Speaker
		if x.Question != nil {
			key += "@" + string(rune('1'+*x.Question))
		}
		talk[key] = x.Ms
	}
	// Olivia's track starts at 5 s: she spoke 15–25 s (question 1) and 55–65 s (question 2).
	if talk["Olivia"] != 20000 || talk["Olivia@1"] != 10000 || talk["Olivia@2"] != 10000 || talk["Rita@1"] != 3000 {
		t.Errorf("talk time = %v", talk)
	}
	// Who spoke when, from the interview's start, for the player's speaker highlight.
	want := []Voice{
		{Participant: "candidate", Speaker: "Olivia", Role: "candidate", Spans: []Spoke{{15000, 25000}, {55000, 65000}}},
		{Participant: "interviewer-1", Speaker: "Rita", Role: "interviewer", Spans: []Spoke{{11000, 14000}}},
	}
	if !reflect.DeepEqual(a.Voice, want) {
		t.Errorf("voice = %+v, want %+v", a.Voice, want)
	}
}

func TestRunMakesNoAnalysisWhenTheCandidateDeclined(t *testing.T) {
	in := Input{InterviewID: "iv", AIAnalysis: false, Tracks: []Track{{Participant: "candidate"}}}
	a, err := Run(context.Background(), in, scriptTranscriber{}, wordScorer{}, func(string, float64) {})
	if err != nil || a.Status != StatusDeclined || len(a.Transcript) != 0 || len(a.Answers) != 0 ||
		!strings.Contains(a.Step, "declined") {
		t.Errorf("declined analysis = %+v, %v", a, err)
	}
}
