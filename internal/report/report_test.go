package report

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

func TestBuildGathersTheInterviewItsQuestionsAndTheAnalysis(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(3)
	tl := sampleTimeline(t, iv, sampleLog(iv, true, 30))
	a := sampleAnalysis(iv, tl)
	r := Build(iv, tl, &a)

	if r.Candidate.Name != "Olivia Diaz" || r.Position != "Backend engineer" || r.TimeZone != "Europe/Berlin" ||
		!r.Ended || r.Declined || r.AnalysisStatus != analysis.StatusDone || len(r.Interviewers) != 2 {
		t.Errorf("summary: %+v", r)
	}
	if want := tl.State.EndedAt.Sub(tl.State.StartedAt).Milliseconds(); r.DurationMs != want || want <= 0 {
		t.Errorf("duration %d ms, want %d", r.DurationMs, want)
	}
	if len(r.Notices) != 0 {
		t.Errorf("notices on a done analysis: %q", r.Notices)
	}
	if r.Score.AI == nil || *r.Score.AI != a.Overall.Score || r.Score.Answered != 3 {
		t.Errorf("AI score %v (%d answered), want %v of 3", r.Score.AI, r.Score.Answered, a.Overall.Score)
	}
	// Ratings 3 and 5 (question 2 is not rated): mean 4.
	if r.Score.Rating == nil || *r.Score.Rating != 4 || r.Score.Rated != 2 {
		t.Errorf("rating %v of %d, want 4 of 2", r.Score.Rating, r.Score.Rated)
	}
	if len(r.Questions) != 3 {
		t.Fatalf("%d questions, want 3", len(r.Questions))
	}
	q1, q3 := r.Questions[0], r.Questions[2]
	if q1.Number != 1 || !q1.Asked || q1.OnScreenMs <= 0 || q1.Rating != 3 || q1.Comment != "Knew the stack sizes." ||
		q1.ExpectedAnswer == "" || !slices.Equal(q1.KeyPoints, []string{"small stack", "runtime scheduler"}) {
		t.Errorf("question 1: %+v", q1)
	}
	if q1.AI == nil || q1.AI.Covered[0].Evidence != "starts with a small stack" || q1.AI.Missed[0].Text != "runtime scheduler" ||
		q1.Score == nil || *q1.Score != 1 || len(q1.TalkTime) != 1 {
		t.Errorf("question 1's analysis: %+v", q1.AI)
	}
	if !r.Questions[1].Skipped || q3.Skipped {
		t.Errorf("skipped: question 2 %v, question 3 %v; want only question 2", r.Questions[1].Skipped, q3.Skipped)
	}
	if len(r.Transcript) != len(a.Transcript) || len(r.TalkTime) != 2 || r.Engines == nil ||
		r.Engines.TranscriptionQuality != a.Engines.TranscriptionQuality {
		t.Errorf("transcript %d lines, talk time %+v, engines %+v", len(r.Transcript), r.TalkTime, r.Engines)
	}
	if !slices.Equal(r.Strengths, a.Overall.Strengths) || !slices.Equal(r.Concerns, a.Overall.Concerns) {
		t.Errorf("strengths %q, concerns %q", r.Strengths, r.Concerns)
	}
}

func TestBuildIncludesEveryInterviewersNotesOnceEnded(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(1)
	r := Build(iv, sampleTimeline(t, iv, sampleLog(iv, true, 10)), nil)
	var authors []string
	for _, n := range r.Notes {
		authors = append(authors, n.Author)
	}
	if !slices.Equal(authors, []string{"Ivan Interviewer", "Rita Recruiter"}) || !strings.Contains(r.Notes[1].Text, "**channels**") {
		t.Errorf("notes: %+v", r.Notes)
	}
	// The timeline points to the notes rather than repeating them.
	var noteRows int
	for _, e := range r.Timeline {
		if e.Kind == timeline.KindNote {
			noteRows++
			if !strings.HasPrefix(e.Text, "Notes saved by ") || strings.Contains(e.Text, "channels") {
				t.Errorf("note row %q", e.Text)
			}
		}
	}
	if noteRows != 2 {
		t.Errorf("%d note rows in the timeline, want 2", noteRows)
	}
}

func TestBuildWithoutAnAnalysisSaysSo(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(2)
	r := Build(iv, sampleTimeline(t, iv, sampleLog(iv, true, 10)), nil)
	if r.Score.AI != nil || r.Engines != nil || r.AnalysisStatus != "" || len(r.Transcript) != 0 || r.Declined {
		t.Errorf("report without analysis: %+v", r)
	}
	if len(r.Notices) != 1 || !strings.Contains(r.Notices[0], "No analysis") {
		t.Errorf("notices %q", r.Notices)
	}
	if r.Score.Rating == nil || r.Questions[0].AI != nil || r.Questions[0].Score != nil || r.Questions[0].Rating != 3 {
		t.Errorf("the interviewers' part must stay: %+v / %+v", r.Score, r.Questions[0])
	}
	raw, err := json.Marshal(r)
	if err != nil || strings.Contains(string(raw), "null") {
		t.Errorf("JSON has nulls (%v): %s", err, raw)
	}
}

func TestBuildHonoursADeclinedAnalysis(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(2)
	tl := sampleTimeline(t, iv, sampleLog(iv, false, 10))
	// Even an analysis made before (a stale one) stays out of the report.
	stale := sampleAnalysis(iv, tl)
	for _, a := range []*analysis.Analysis{nil, {Status: analysis.StatusDeclined}, &stale} {
		r := Build(iv, tl, a)
		if !r.Declined || !slices.Contains(r.Notices, DeclinedNotice) {
			t.Errorf("declined: %v, notices %q", r.Declined, r.Notices)
		}
		if r.Score.AI != nil || len(r.Transcript) != 0 || len(r.TalkTime) != 0 || r.Engines != nil ||
			r.Questions[0].AI != nil || len(r.Strengths) != 0 || len(r.Voice) != 0 {
			t.Errorf("a declined report carries AI analysis: %+v", r)
		}
		if r.Score.Rating == nil || r.Questions[0].Comment == "" {
			t.Errorf("the interviewers' ratings and comments must stay: %+v", r.Questions[0])
		}
	}
}

// The recording has its own consent: a candidate who declined AI analysis
// but not recording still has the call's recording in the report.
func TestBuildKeepsTheRecordingApartFromTheAnalysis(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(1)
	tl := sampleTimeline(t, iv, sampleLog(iv, true, 10))
	a := sampleAnalysis(iv, tl)
	a.Recording = &analysis.Combined{Start: t0, DurationMs: 600_000, Layouts: []analysis.Layout{{Name: analysis.LayoutPIP, Status: analysis.LayoutReady}}}
	a.Voice = []analysis.Voice{{Participant: "candidate", Speaker: "Olivia Diaz", Role: "candidate", Spans: []analysis.Spoke{{FromMs: 1000, ToMs: 4000}}}}
	r := Build(iv, tl, &a)
	if r.Recording == nil || len(r.Voice) != 1 || r.Files.Recording != "Recording – Olivia Diaz – 2026-12-01.webm" ||
		r.Files.PDF != "Report – Olivia Diaz – 2026-12-01.pdf" {
		t.Errorf("report: recording %+v, voice %+v, files %+v", r.Recording, r.Voice, r.Files)
	}
	a.Status = analysis.StatusDeclined
	if r := Build(iv, tl, &a); r.Recording == nil || len(r.Voice) != 0 {
		t.Errorf("declined analysis: recording %+v, voice %+v; want the recording and no voice analysis", r.Recording, r.Voice)
	}
}

func TestBuildShowsTheOverrideAndItsAuthor(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(2)
	tl := sampleTimeline(t, iv, sampleLog(iv, true, 10))
	a := sampleAnalysis(iv, tl)
	at := t0.Add(2 * time.Hour)
	a.Answers[0].Override = &analysis.Override{Score: 4.5, By: "Rita Recruiter", At: at, Reason: "good follow-up"}
	r := Build(iv, tl, &a)
	q := r.Questions[0]
	if q.Score == nil || *q.Score != 4.5 || q.AI.Score != 1 || q.AI.Override.By != "Rita Recruiter" ||
		q.AI.Override.Reason != "good follow-up" || r.Score.Overridden != 1 {
		t.Errorf("override: score %v, %+v, overridden %d", q.Score, q.AI.Override, r.Score.Overridden)
	}
}

func TestBuildTellsARunningOrFailedAnalysis(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(1)
	tl := sampleTimeline(t, iv, sampleLog(iv, true, 10))
	for _, c := range []struct {
		a    analysis.Analysis
		want string
	}{
		{analysis.Analysis{Status: analysis.StatusRunning, Progress: 0.42}, "running (42%)"},
		{analysis.Analysis{Status: analysis.StatusFailed, Error: "the transcription server did not answer"}, "failed: the transcription server did not answer."},
	} {
		r := Build(iv, tl, &c.a)
		if len(r.Notices) != 1 || !strings.Contains(r.Notices[0], c.want) {
			t.Errorf("%s: notices %q, want %q", c.a.Status, r.Notices, c.want)
		}
	}
}

func TestBuildOfAnInterviewGoingOnSaysItIsIncomplete(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(1)
	events := sampleLog(iv, true, 10)
	r := Build(iv, sampleTimeline(t, iv, events[:len(events)-1]), nil)
	if r.Ended || r.DurationMs != 0 || !strings.Contains(r.Notices[0], "has not ended") {
		t.Errorf("ended %v, duration %d, notices %q", r.Ended, r.DurationMs, r.Notices)
	}
}

// rooms serves one interview's log, as room.Service does.
type rooms struct{ events []room.Event }

func (s rooms) State(string) (room.State, interviews.Interview, error) {
	iv := sampleInterview(2)
	st, err := room.Replay(room.PlanOf(iv), s.events)
	return st, iv, err
}
func (s rooms) Events(string) ([]room.Event, error) { return s.events, nil }

type analyses struct {
	a   analysis.Analysis
	err error
}

func (s analyses) Get(string) (analysis.Analysis, error) { return s.a, s.err }

func TestGatherRefusesAnInterviewGoingOnAndReadsAMissingAnalysisAsNone(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(2)
	events := sampleLog(iv, true, 10)
	if _, err := Gather(rooms{events[:len(events)-1]}, nil, iv.ID); !errors.Is(err, ErrNotEnded) || !fault.Is(err, fault.Conflict) {
		t.Errorf("report of an interview going on: %v, want ErrNotEnded (a conflict)", err)
	}
	r, err := Gather(rooms{events}, analyses{err: analysis.ErrNone}, iv.ID)
	if err != nil || r.Score.AI != nil || !strings.Contains(r.Notices[0], "No analysis") {
		t.Errorf("without analysis: %v, %+v", err, r.Notices)
	}
	broken := errors.New("disk on fire")
	if _, err := Gather(rooms{events}, analyses{err: broken}, iv.ID); !errors.Is(err, broken) {
		t.Errorf("a failing store: %v", err)
	}
}
