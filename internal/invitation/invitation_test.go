package invitation

import (
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/calendar"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

type links struct{}

func (links) CandidateLink(t string) string   { return "https://host.example/join/" + t }
func (links) InterviewerLink(t string) string { return "https://host.example/room/" + t }

func sample() interviews.Interview {
	return interviews.Interview{
		ID: "iv1", Position: "Backend engineer", Candidate: interviews.Person{Name: "Olivia Diaz", Email: "olivia@example.com"},
		CandidateToken: "CANDTOKEN", StartsAt: time.Date(2026, 12, 1, 13, 30, 0, 0, time.UTC), TimeZone: "Europe/Berlin",
		DurationMinutes: 60, Template: interviews.TemplateRef{Technical: true}, Tools: interviews.Tools{LiveCode: true},
		Interviewers: []interviews.Interviewer{
			{Person: interviews.Person{Name: "Rita Recruiter", Email: "rita@example.com"}, Token: "RITATOKEN"},
			{Person: interviews.Person{Name: "Ivan Engineer", Email: "ivan@example.com"}, Token: "IVANTOKEN"}},
		Sequence: 2,
	}
}

func TestEachRecipientGetsOnlyTheirOwnLink(t *testing.T) {
	iv := sample()
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	rs := Recipients(iv, links{})
	if len(rs) != 3 || !rs[0].Candidate {
		t.Fatalf("recipients = %+v", rs)
	}
	tokens := []string{"CANDTOKEN", "RITATOKEN", "IVANTOKEN"}
	for i, r := range rs {
		m, err := Compose(iv, r, Invite, time.Time{}, now, calendar.Person{})
		if err != nil {
			t.Fatal(err)
		}
		all := m.Subject + m.Text + m.HTML + string(m.ICS) + FullText(iv, r)
		for j, tok := range tokens {
			if has := strings.Contains(all, tok); has != (i == j) {
				t.Errorf("%s's invitation contains %s: %v", r.Name, tok, has)
			}
		}
		if m.Method != calendar.Request || !strings.Contains(string(m.ICS), "SEQUENCE:2") {
			t.Errorf("%s: method %s", r.Name, m.Method)
		}
	}
}

func TestTextSaysWhenInTheInterviewZone(t *testing.T) {
	iv := sample()
	r := Recipients(iv, links{})[0]
	full := FullText(iv, r)
	for _, want := range []string{"Interview for Backend engineer with Rita Recruiter",
		"Tuesday 1 December 2026, 14:30–15:30 CET (UTC+01:00, Europe/Berlin)", "Join: https://host.example/join/CANDTOKEN",
		"How to prepare", "Live Code"} {
		if !strings.Contains(full, want) {
			t.Errorf("full invitation lacks %q:\n%s", want, full)
		}
	}
	if strings.Contains(full, "&") || strings.Contains(full, "&#") {
		t.Errorf("plain text is HTML-escaped:\n%s", full)
	}
}

func TestRescheduleAndCancelMessages(t *testing.T) {
	iv := sample()
	r := Recipients(iv, links{})[2]
	moved, err := Compose(iv, r, Reschedule, iv.StartsAt.Add(-24*time.Hour), time.Now(), calendar.Person{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(moved.Subject, "Moved: Interview with Olivia Diaz") ||
		!strings.Contains(moved.Text, "has moved from Monday 30 November 2026, 14:30–15:30 CET") {
		t.Errorf("reschedule: %q\n%s", moved.Subject, moved.Text)
	}
	gone, _ := Compose(iv, r, Cancel, time.Time{}, time.Now(), calendar.Person{})
	if gone.Method != calendar.Cancel || !strings.Contains(string(gone.ICS), "STATUS:CANCELLED") || strings.Contains(gone.Text, "Join:") {
		t.Errorf("cancel: method %s\n%s", gone.Method, gone.Text)
	}
}

func TestHTMLEscapesNames(t *testing.T) {
	iv := sample()
	iv.Candidate.Name = `<script>alert(1)</script>`
	m, err := Compose(iv, Recipients(iv, links{})[1], Invite, time.Time{}, time.Now(), calendar.Person{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.HTML, "<script>") {
		t.Error("a candidate name reached the HTML unescaped")
	}
}
