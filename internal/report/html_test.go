package report

import (
	"regexp"
	"strings"
	"testing"
)

func TestHTMLEscapesWhatPeopleWrote(t *testing.T) {
	t.Parallel()
	r := sampleReport(t, 2, 10)
	r.Questions[0].AI.Answer = `I'd use <script>alert("x")</script> & a channel`
	r.Notes[0].Text = `<img src=x onerror=alert(1)>`
	r.Candidate.Name = `Olivia "O'Hara" <Diaz>`
	page, err := HTML(r)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, bad := range []string{"<script", "<img", "<Diaz>"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page contains %q unescaped", bad)
		}
	}
	for _, escaped := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; a channel", "&lt;img src=x", "&lt;Diaz&gt;"} {
		if !strings.Contains(html, escaped) {
			t.Errorf("the page lacks %q", escaped)
		}
	}
}

func TestHTMLIsOneSelfContainedFile(t *testing.T) {
	t.Parallel()
	page, err := HTML(sampleReport(t, 3, 20))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, external := range []string{"http://", "https://", `="//`, "<link", "<script", "<img", "src=", "@import", "url("} {
		if strings.Contains(html, external) {
			t.Errorf("the page contains %q: it must not load anything", external)
		}
	}
	for _, href := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		id := strings.TrimPrefix(href[1], "#")
		if !strings.HasPrefix(href[1], "#") || !strings.Contains(html, `id="`+id+`"`) {
			t.Errorf("link %q goes nowhere in the page", href[1])
		}
	}
}

func TestHTMLHasEverySectionAndTheContentsListsThem(t *testing.T) {
	t.Parallel()
	r := sampleReport(t, 3, 20)
	page, err := HTML(r)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, s := range []struct{ id, heading string }{{"summary", "Summary"}, {"score", "Score"}, {"questions", "Questions"},
		{"notes", "Notes"}, {"transcript", "Transcript"}, {"timeline", "Timeline"}, {"about", "About this report"}} {
		if !strings.Contains(html, `<section id="`+s.id+`">`+"\n<h2>"+s.heading+"</h2>") || !strings.Contains(html, `href="#`+s.id+`"`) {
			t.Errorf("section %s is missing or not in the contents", s.id)
		}
	}
	for _, want := range []string{
		"<title>Interview report: Olivia Diaz – Backend engineer</title>",
		"Tue 1 Dec 2026, 14:3", // Berlin time
		"Rita Recruiter, Ivan Interviewer",
		r.Questions[0].Text, r.Questions[0].ExpectedAnswer, "runtime scheduler", "“starts with a small stack”",
		"Knew the stack sizes.", "strong on **channels**", "Asked good questions about the team.",
		r.Transcript[3].Text, "Interview ended", "Rough: about half the words are right.",
		"InterviewDesk report · Olivia Diaz · 2026-12-01",
	} {
		if !strings.Contains(html, strings.ReplaceAll(want, "'", "&#39;")) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestHTMLOfADeclinedAnalysisSaysSo(t *testing.T) {
	t.Parallel()
	iv := sampleInterview(2)
	page, err := HTML(Build(iv, sampleTimeline(t, iv, sampleLog(iv, false, 10)), nil))
	if err != nil {
		t.Fatal(err)
	}
	if html := string(page); !strings.Contains(html, "The candidate declined AI analysis") || strings.Contains(html, "AI analysis</h4>") {
		t.Error("a declined report must say so and show no AI analysis")
	}
}

func TestFileNameNamesTheCandidateAndTheDay(t *testing.T) {
	t.Parallel()
	r := sampleReport(t, 1, 5)
	if got := r.FileName("pdf"); got != "Report – Olivia Diaz – 2026-12-01.pdf" {
		t.Errorf("file name %q", got)
	}
	r.Candidate.Name = `a/b:c`
	if got := r.FileName("html"); got != "Report – a-b-c – 2026-12-01.html" {
		t.Errorf("file name %q", got)
	}
}
