package report

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

var t0 = time.Date(2026, 12, 1, 13, 30, 0, 0, time.UTC) // 14:30 in Berlin

var (
	rita   = room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com", Name: "Rita Recruiter"}
	ivan   = room.Actor{Role: room.RoleInterviewer, Email: "ivan@example.com", Name: "Ivan Interviewer"}
	olivia = room.Actor{Role: room.RoleCandidate, Name: "Olivia Diaz"}
)

// sampleInterview is a Go interview of n questions with two interviewers.
func sampleInterview(n int) interviews.Interview {
	iv := interviews.Interview{ID: "iv1", Position: "Backend engineer", Campaign: "Winter hiring",
		Candidate: interviews.Person{Name: "Olivia Diaz", Email: "olivia@example.com"}, StartsAt: t0,
		TimeZone: "Europe/Berlin", DurationMinutes: 60, Status: interviews.Finished,
		Template: interviews.TemplateRef{Name: "Go backend engineer", Technical: true, QuestionCount: n},
		Plan:     []templates.Topic{{ID: "t1", Title: "Experience"}},
		Interviewers: []interviews.Interviewer{
			{Person: interviews.Person{Name: rita.Name, Email: rita.Email}, Participant: "p-rita"},
			{Person: interviews.Person{Name: ivan.Name, Email: ivan.Email}, Participant: "p-ivan"}}}
	for i := range n {
		iv.Questions = append(iv.Questions, templates.Question{Text: fmt.Sprintf("What does a goroutine cost? (%d)", i+1),
			Alternative: "How heavy is a goroutine?", ExpectedAnswer: "A few kilobytes of stack, scheduled by the runtime.",
			KeyPoints: []string{"small stack", "runtime scheduler"}})
	}
	return iv
}

// eventLog builds an interview's log with a clock.
type eventLog struct {
	events []room.Event
	at     time.Time
}

func (l *eventLog) add(after time.Duration, a room.Actor, t room.Type, data any) {
	l.at = l.at.Add(after)
	var raw json.RawMessage
	if data != nil {
		raw, _ = json.Marshal(data)
	}
	l.events = append(l.events, room.Event{Seq: uint64(len(l.events) + 1), At: l.at, Version: room.CurrentVersion,
		Type: t, Actor: a, Data: raw})
}

// sampleLog is a whole interview: consent, the plan, every question (the
// second skipped), ratings, a comment, both interviewers' notes and the end;
// questions take minutes/n each.
func sampleLog(iv interviews.Interview, aiConsent bool, minutes int) []room.Event {
	l := &eventLog{at: t0}
	l.add(0, rita, room.TypeJoined, room.JoinData{Connection: "c1"})
	l.add(time.Minute, olivia, room.TypeJoined, room.JoinData{Connection: "c2"})
	l.add(time.Second, olivia, room.TypeConsented, room.ConsentData{PersonalData: true, AIAnalysis: aiConsent, RecordingNotice: true})
	l.add(time.Minute, rita, room.TypeStarted, nil)
	l.add(2*time.Minute, rita, room.TypeTopicChecked, room.TopicCheckData{TopicID: "t1", Done: true})
	l.add(time.Minute, rita, room.TypeTechnicalStarted, nil)
	each := time.Duration(minutes) * time.Minute / time.Duration(max(1, len(iv.Questions)))
	for i := range iv.Questions {
		if i > 0 {
			l.add(each, rita, room.TypeQuestionShown, room.QuestionData{Index: i, Skipped: i == 2})
		}
		if i != 1 {
			l.add(time.Second, rita, room.TypeRated, room.RatingData{Index: i, Rating: 3 + i%3})
		}
	}
	l.add(time.Second, rita, room.TypeCommented, room.CommentData{Index: 0, Comment: "Knew the stack sizes."})
	l.add(each, rita, room.TypeFinishStarted, nil)
	l.add(time.Minute, rita, room.TypeNoteSaved, room.NoteData{Text: "# Olivia\n- strong on **channels**"})
	l.add(time.Second, ivan, room.TypeNoteSaved, room.NoteData{Text: "Asked good questions about the team."})
	l.add(time.Minute, rita, room.TypeEnded, nil)
	return l.events
}

// sampleTimeline replays events into the organizer's timeline.
func sampleTimeline(t testing.TB, iv interviews.Interview, events []room.Event) timeline.Timeline {
	t.Helper()
	st, err := room.Replay(room.PlanOf(iv), events)
	if err != nil {
		t.Fatal(err)
	}
	return timeline.ForOrganizer(iv, events, st)
}

// sampleAnalysis is a done analysis of tl: a transcript line every 5 s
// (candidate and interviewer in turn) and each asked question's answer
// scored 1..5 with evidence.
func sampleAnalysis(iv interviews.Interview, tl timeline.Timeline) analysis.Analysis {
	st := tl.State
	a := analysis.Analysis{InterviewID: iv.ID, Status: analysis.StatusDone, Progress: 1,
		Engines: analysis.Engines{Transcription: "pocketsphinx", TranscriptionQuality: "Rough: about half the words are right.",
			Scoring: "offline key points"},
		Overall: analysis.Overall{Strengths: []string{"Question 1: small stack"}, Concerns: []string{"Question 3: missed runtime scheduler"}}}
	speakers := []struct {
		name string
		role room.Role
	}{{"Olivia Diaz", room.RoleCandidate}, {"Rita Recruiter", room.RoleInterviewer}}
	for at, n := st.StartedAt, 0; at.Before(st.EndedAt); at, n = at.Add(5*time.Second), n+1 {
		s := speakers[n%2]
		line := analysis.Line{At: at, OffsetMs: at.Sub(st.StartedAt).Milliseconds(), EndMs: at.Sub(st.StartedAt).Milliseconds() + 4000,
			Speaker: s.name, Role: string(s.role), Text: fmt.Sprintf("a goroutine starts with a small stack, line %d", n)}
		for _, w := range st.Windows {
			if !at.Before(w.From) && (w.To.IsZero() || at.Before(w.To)) {
				q := w.Index
				line.Question = &q
			}
		}
		a.Transcript = append(a.Transcript, line)
	}
	a.TalkTime = []analysis.Talk{{Speaker: "Olivia Diaz", Role: "candidate", Ms: 20 * 60000}, {Speaker: "Rita Recruiter", Role: "interviewer", Ms: 9 * 60000}}
	var sum float64
	for i, q := range iv.Questions {
		score := float64(1 + i%5)
		idx := i
		a.Answers = append(a.Answers, analysis.Answer{Index: i, Question: q.Text, Answer: "It starts with a small stack of a few kilobytes.",
			Score: score, Comment: "Covers the stack, not the scheduler.", Rating: st.Ratings[i],
			Covered: []analysis.Point{{Text: "small stack", Evidence: "starts with a small stack"}},
			Missed:  []analysis.Point{{Text: "runtime scheduler"}}})
		a.TalkTime = append(a.TalkTime, analysis.Talk{Speaker: "Olivia Diaz", Role: "candidate", Question: &idx, Ms: 90000})
		sum += score
	}
	a.Overall.Answered = len(a.Answers)
	if a.Overall.Answered > 0 {
		a.Overall.Score = sum / float64(a.Overall.Answered)
	}
	return a
}

// sampleReport is the report of a finished interview of n questions lasting
// about minutes, analysed.
func sampleReport(t testing.TB, n, minutes int) Report {
	t.Helper()
	iv := sampleInterview(n)
	tl := sampleTimeline(t, iv, sampleLog(iv, true, minutes))
	a := sampleAnalysis(iv, tl)
	return Build(iv, tl, &a)
}
