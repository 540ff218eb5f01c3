package invitation

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"strings"
	"text/template"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/calendar"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Kind is why a message is sent.
type Kind string

// Kinds.
const (
	Invite     Kind = "invite"     // a new interview, or a person newly added
	Reschedule Kind = "reschedule" // the time changed
	Cancel     Kind = "cancel"     // the interview, or this person's part in it, is cancelled
	// Test is any other email, such as a test message of the settings.
	Test Kind = "test"
)

var subjectPrefix = map[Kind]string{Invite: "Invitation: ", Reschedule: "Moved: ", Cancel: "Cancelled: "}

// Recipient is who a message is for, with their own link.
type Recipient struct {
	Name, Email string
	Candidate   bool
	Link        string
}

// Links turns link tokens into URLs.
type Links interface {
	CandidateLink(token string) string
	InterviewerLink(token string) string
}

// Recipients lists the candidate and every interviewer of iv with their links.
func Recipients(iv interviews.Interview, links Links) []Recipient {
	out := []Recipient{{Name: iv.Candidate.Name, Email: iv.Candidate.Email, Candidate: true,
		Link: links.CandidateLink(iv.CandidateToken)}}
	for _, in := range iv.Interviewers {
		out = append(out, Recipient{Name: in.Name, Email: in.Email, Link: links.InterviewerLink(in.Token)})
	}
	return out
}

// carriable is iv with the text that goes into subjects, calendar properties
// and headers made one clean line each (validation.CleanLine): names stored
// before the text rule may hold a tab or a control character, and one such
// name must not stop everybody's messages.
func carriable(iv interviews.Interview) interviews.Interview {
	iv.Position = validation.CleanLine(iv.Position)
	iv.Candidate.Name = validation.CleanLine(iv.Candidate.Name)
	people := make([]interviews.Interviewer, len(iv.Interviewers))
	for i, in := range iv.Interviewers {
		in.Name = validation.CleanLine(in.Name)
		people[i] = in
	}
	iv.Interviewers = people
	return iv
}

func (r Recipient) carriable() Recipient {
	r.Name = validation.CleanLine(r.Name)
	return r
}

// Message is what one recipient receives.
type Message struct {
	To      Recipient
	Subject string
	Text    string
	HTML    string
	ICS     []byte
	Method  calendar.Method
}

// Compose writes kind's message for r. previous is the start before a reschedule
// (zero otherwise); now stamps the calendar event; fallback stands in for an
// organizer without an email address (see Organizer).
func Compose(iv interviews.Interview, r Recipient, kind Kind, previous, now time.Time, fallback calendar.Person) (Message, error) {
	iv, r = carriable(iv), r.carriable()
	d := details(iv, r, kind, previous)
	var text, html bytes.Buffer
	if err := textTmpl.Execute(&text, d); err != nil {
		return Message{}, fmt.Errorf("compose text for %s: %w", r.Email, err)
	}
	if err := htmlTmpl.Execute(&html, d); err != nil {
		return Message{}, fmt.Errorf("compose HTML for %s: %w", r.Email, err)
	}
	ev := Event(iv, r, kind, now, fallback)
	ics, err := calendar.Encode(ev)
	if err != nil {
		return Message{}, fmt.Errorf("calendar invitation for %s: %w", r.Email, err)
	}
	return Message{To: r, Subject: d.Subject, Text: text.String(), HTML: html.String(), ICS: ics, Method: ev.Method}, nil
}

// Event is the calendar event r's copy carries; fallback stands in for an
// organizer without an email address (see Organizer).
func Event(iv interviews.Interview, r Recipient, kind Kind, now time.Time, fallback calendar.Person) calendar.Event {
	iv, r = carriable(iv), r.carriable()
	method := calendar.Request
	if kind == Cancel {
		method = calendar.Cancel
	}
	ev := calendar.Event{
		UID: iv.ID + "@interviewdesk", Sequence: iv.Sequence, Method: method,
		Summary:     summary(iv, r),
		Description: strings.TrimSpace(FullText(iv, r)),
		URL:         r.Link,
		Start:       iv.StartsAt, End: iv.EndsAt(), TimeZone: iv.TimeZone,
		Stamp: now.UTC(),
	}
	ev.Organizer = Organizer(iv, fallback)
	ev.Attendees = []calendar.Attendee{{Name: r.Name, Email: r.Email}}
	return ev
}

// Organizer is who iv's calendar events name as organizer: its first
// interviewer, or fallback (the email settings' sender) while that person has
// no email address, as calendar invitations need one.
func Organizer(iv interviews.Interview, fallback calendar.Person) calendar.Person {
	if len(iv.Interviewers) > 0 && iv.Interviewers[0].Email != "" {
		org := iv.Interviewers[0]
		return calendar.Person{Name: org.Name, Email: org.Email}
	}
	return fallback
}

// sender is the email settings' sender, the organizer of last resort.
func sender(m mail.Settings) calendar.Person {
	return calendar.Person{Name: m.FromName, Email: m.FromAddress}
}

func summary(iv interviews.Interview, r Recipient) string {
	if r.Candidate {
		return "Interview: " + iv.Position
	}
	return "Interview with " + iv.Candidate.Name + " (" + iv.Position + ")"
}

// When writes iv's time in its own zone with the UTC offset, e.g.
// "Tuesday 1 December 2026, 14:30–15:30 CET (UTC+01:00, Europe/Berlin)".
func When(iv interviews.Interview) string {
	return span(iv.StartsAt, iv.EndsAt(), iv)
}

func span(start, end time.Time, iv interviews.Interview) string {
	loc := iv.Location()
	s, e := start.In(loc), end.In(loc)
	return fmt.Sprintf("%s, %s–%s %s (UTC%s, %s)", s.Format("Monday 2 January 2006"), s.Format("15:04"),
		e.Format("15:04"), s.Format("MST"), s.Format("-07:00"), iv.TimeZone)
}

// FullText is the "full invitation" to paste anywhere: what, when, the link and
// how to prepare, for r.
func FullText(iv interviews.Interview, r Recipient) string {
	iv, r = carriable(iv), r.carriable()
	var b bytes.Buffer
	_ = fullTmpl.Execute(&b, details(iv, r, Invite, time.Time{}))
	return b.String()
}

type view struct {
	Kind      Kind
	Subject   string
	Greeting  string
	Candidate bool
	Position  string
	Person    string // the candidate's name (for interviewers) or organizer (for the candidate)
	When      string
	Previous  string
	Duration  int
	Link      string
	CheckLink string
	// ResultsLink is where an interviewer finds the results afterwards.
	ResultsLink string
	Technical   bool
	Tools       []string
	Organizer   string
	Colleagues  []string
}

func details(iv interviews.Interview, r Recipient, kind Kind, previous time.Time) view {
	v := view{Kind: kind, Candidate: r.Candidate, Position: iv.Position, When: When(iv),
		Duration: iv.DurationMinutes, Link: r.Link, CheckLink: r.Link + "#device-check", ResultsLink: r.Link + "/results",
		Technical: iv.Template.Technical, Greeting: "Hello " + firstName(r.Name)}
	if len(iv.Interviewers) > 0 {
		v.Organizer = iv.Interviewers[0].Name
	}
	if !previous.IsZero() {
		v.Previous = span(previous, previous.Add(time.Duration(iv.DurationMinutes)*time.Minute), iv)
	}
	if iv.Tools.LiveCode {
		v.Tools = append(v.Tools, "Live Code")
	}
	if iv.Tools.Whiteboard {
		v.Tools = append(v.Tools, "Whiteboard")
	}
	if r.Candidate {
		v.Person = v.Organizer
	} else {
		v.Person = iv.Candidate.Name
		for _, in := range iv.Interviewers {
			if !strings.EqualFold(in.Email, r.Email) {
				v.Colleagues = append(v.Colleagues, in.Name)
			}
		}
	}
	v.Subject = subjectPrefix[kind] + summary(iv, r)
	v.Subject += " · " + iv.StartsAt.In(iv.Location()).Format("Mon 2 Jan 15:04 MST")
	return v
}

func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return "there"
}

const prepare = `{{if .Candidate}}How to prepare:
- Use a current Chrome, Edge, Firefox or Safari on a computer; nothing to install.
- Have a camera, a microphone and headphones ready.
- Find a quiet place with a stable internet connection.
- Check your devices beforehand: {{.CheckLink}}
{{- if .Tools}}
- You will use: {{range $i, $t := .Tools}}{{if $i}}, {{end}}{{$t}}{{end}}.{{end}}
The interview is recorded; you will be asked for your consent when you join.{{else}}Your interviewer link is personal: do not forward it. It opens the room with the plan{{if .Technical}}, the questions and their expected answers{{end}}.
After the interview, you can view the interview results here: {{.ResultsLink}}{{end}}`

var fullTmpl = template.Must(template.New("full").Parse(`{{if .Candidate}}Interview for {{.Position}}{{if .Person}} with {{.Person}}{{end}}{{else}}Interview with {{.Person}} for {{.Position}}{{end}}
When: {{.When}}
Duration: {{.Duration}} minutes
Join: {{.Link}}
{{if .Colleagues}}Other interviewers: {{range $i, $c := .Colleagues}}{{if $i}}, {{end}}{{$c}}{{end}}
{{end}}
` + prepare + "\n"))

var textTmpl = template.Must(template.New("text").Parse(`{{.Greeting}},

{{if eq .Kind "cancel"}}the interview below has been cancelled. Your calendar entry is removed with this message.
{{else if eq .Kind "reschedule"}}the interview below has moved{{if .Previous}} from {{.Previous}}{{end}} to {{.When}}.
{{else}}{{if .Candidate}}you are invited to an interview.{{else}}you are invited to interview a candidate.{{end}}
{{end}}
{{if .Candidate}}Interview for {{.Position}}{{if .Person}} with {{.Person}}{{end}}{{else}}Interview with {{.Person}} for {{.Position}}{{end}}
When: {{.When}}
Duration: {{.Duration}} minutes
{{if ne .Kind "cancel"}}Join: {{.Link}}

` + prepare + `
{{end}}
{{if .Organizer}}{{.Organizer}}{{end}}
`))

var htmlTmpl = htmltemplate.Must(htmltemplate.New("html").Parse(`<!doctype html>
<html lang="en"><body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1e2b;line-height:1.5">
<p>{{.Greeting}},</p>
{{if eq .Kind "cancel"}}<p>The interview below has been <strong>cancelled</strong>.</p>
{{else if eq .Kind "reschedule"}}<p>The interview below has <strong>moved</strong>{{if .Previous}} from <s>{{.Previous}}</s>{{end}} to <strong>{{.When}}</strong>.</p>
{{else}}<p>{{if .Candidate}}You are invited to an interview.{{else}}You are invited to interview a candidate.{{end}}</p>{{end}}
<table style="border-collapse:collapse">
<tr><td style="padding:4px 16px 4px 0;color:#555c70">{{if .Candidate}}Position{{else}}Candidate{{end}}</td><td>{{if .Candidate}}{{.Position}}{{else}}{{.Person}} · {{.Position}}{{end}}</td></tr>
<tr><td style="padding:4px 16px 4px 0;color:#555c70">When</td><td>{{.When}}</td></tr>
<tr><td style="padding:4px 16px 4px 0;color:#555c70">Duration</td><td>{{.Duration}} minutes</td></tr>
</table>
{{if ne .Kind "cancel"}}<p><a href="{{.Link}}" style="display:inline-block;background:#3554d1;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">Join the interview</a></p>
{{if .Candidate}}<p><strong>How to prepare</strong></p><ul>
<li>Use a current Chrome, Edge, Firefox or Safari on a computer; nothing to install.</li>
<li>Have a camera, a microphone and headphones ready.</li>
<li>Find a quiet place with a stable internet connection.</li>
<li><a href="{{.CheckLink}}">Check your devices</a> beforehand.</li></ul>
<p>The interview is recorded; you will be asked for your consent when you join.</p>
{{else}}<p>Your interviewer link is personal: do not forward it.</p>
<p>After the interview, <a href="{{.ResultsLink}}">you can view the interview results here</a>.</p>{{end}}{{end}}
{{if .Organizer}}<p>{{.Organizer}}</p>{{end}}
</body></html>
`))

// Subject is the email subject of kind's message to r.
func Subject(iv interviews.Interview, r Recipient, kind Kind) string {
	iv, r = carriable(iv), r.carriable()
	return details(iv, r, kind, time.Time{}).Subject
}
