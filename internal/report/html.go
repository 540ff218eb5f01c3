package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
)

//go:embed report.html
var pageSource string

// page is the report's HTML template; its functions are bound to a time zone
// per report (htmlFuncs), so it is cloned for each.
var page = template.Must(template.New("report").Funcs(htmlFuncs(time.UTC)).Parse(pageSource))

// htmlPage is what the template reads.
type htmlPage struct {
	R        Report
	Title    string
	Date     string
	When     string
	Duration string
}

// HTML writes r as one self-contained HTML file: inline styles, no scripts,
// no images, no links but to its own sections, everything escaped. It prints
// well (each question on one page where it fits).
func HTML(r Report) ([]byte, error) {
	loc := r.Location()
	t, err := page.Clone()
	if err != nil {
		return nil, fmt.Errorf("report page: %w", err)
	}
	t.Funcs(htmlFuncs(loc))
	var buf bytes.Buffer
	p := htmlPage{R: r, Title: "Interview report: " + r.Candidate.Name + " – " + r.Position, Date: r.Date(),
		When: longTime(r.When(), loc), Duration: r.Lasted()}
	if err := t.Execute(&buf, p); err != nil {
		return nil, fmt.Errorf("write the report of interview %s: %w", r.InterviewID, err)
	}
	return buf.Bytes(), nil
}

func htmlFuncs(loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"when":   func(t time.Time) string { return longTime(t, loc) },
		"clock":  func(t time.Time) string { return t.In(loc).Format("15:04") },
		"offset": Offset,
		"span":   Span,
		"num":    num,
		"talk":   talkText,
		"inc":    func(i *int) int { return *i + 1 },
		"short":  func(s string) string { return shorten(s, 70) },
	}
}

// Location is the report's time zone (UTC when unknown here).
func (r Report) Location() *time.Location {
	if loc, err := time.LoadLocation(r.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// When is when the interview took place: its start, else its planned start.
func (r Report) When() time.Time {
	if !r.StartedAt.IsZero() {
		return r.StartedAt
	}
	return r.ScheduledAt
}

// Date is the interview's day in its zone, "2026-12-01", as file names show it.
func (r Report) Date() string { return r.When().In(r.Location()).Format("2006-01-02") }

// FileName is the report's file name with ext ("html", "pdf"):
// "Report – Olivia Diaz – 2026-12-01.html", without characters file systems
// refuse.
func (r Report) FileName(ext string) string { return r.fileName("Report", ext) }

// fileName is "WHAT – CANDIDATE – DATE.ext".
func (r Report) fileName(what, ext string) string {
	name := strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, c) || c < ' ' {
			return '-'
		}
		return c
	}, strings.TrimSpace(r.Candidate.Name))
	if name == "" {
		name = "Candidate"
	}
	return what + " – " + name + " – " + r.Date() + "." + ext
}

// Lasted is how long the interview lasted beside its plan: "47 min (60 min
// planned)".
func (r Report) Lasted() string {
	planned := fmt.Sprintf("%d min planned", r.PlannedMinutes)
	if r.DurationMs == 0 {
		return planned
	}
	return Span(r.DurationMs) + " (" + planned + ")"
}

func longTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(loc).Format("Mon 2 Jan 2006, 15:04 MST")
}

// Offset writes a time since the interview's start as "m:ss" or "h:mm:ss"
// ("-0:05" before it).
func Offset(ms int64) string {
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}
	s := ms / 1000
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// num writes a score with one decimal.
func num(v any) string {
	switch f := v.(type) {
	case float64:
		return fmt.Sprintf("%.1f", f)
	case *float64:
		if f != nil {
			return fmt.Sprintf("%.1f", *f)
		}
	}
	return "–"
}

// talkText writes talk times as "Olivia Diaz 12 min, Rita Recruiter 3 min".
func talkText(ts []analysis.Talk) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		parts = append(parts, t.Speaker+" "+Span(t.Ms))
	}
	return strings.Join(parts, ", ")
}

// shorten cuts s to at most n characters at a word, with "…".
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
