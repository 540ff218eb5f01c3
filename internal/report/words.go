package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

// RowText words a timeline row on one line, times in loc, as the CLI and the
// report show it ("Question 1/10 · 14:05–14:11 (6 min) — rated 4/5").
func RowText(r timeline.Row, loc *time.Location) string {
	title, detail := rowWords(r, loc)
	if detail == "" {
		return title
	}
	return title + " — " + detail
}

func rowWords(r timeline.Row, loc *time.Location) (title, detail string) {
	who := personLabel(r.Actor)
	switch r.Kind {
	case timeline.KindJoined:
		return who + " joined", ""
	case timeline.KindLeft:
		return who + " left", ""
	case timeline.KindReconnected:
		return who + " reconnected", "away for " + Span(r.AwayMs)
	case timeline.KindConsented:
		if r.Consent != nil {
			detail = consentLine(*r.Consent)
		}
		return who + " gave consent", detail
	case timeline.KindLocked:
		return "Room locked by " + who, ""
	case timeline.KindUnlocked:
		return "Room unlocked by " + who, ""
	case timeline.KindStarted:
		return "Interview started", "by " + who
	case timeline.KindTopicChecked:
		return "Topic covered: " + topicTitle(r.Topic), ""
	case timeline.KindTopicUnchecked:
		return "Topic unchecked: " + topicTitle(r.Topic), ""
	case timeline.KindTopicAdded:
		return "Topic added: " + topicTitle(r.Topic), "by " + who
	case timeline.KindTechnicalStarted:
		return "Technical part started", ""
	case timeline.KindFinishStarted:
		return "Finish stage started", ""
	case timeline.KindEnded:
		if r.LastedMs != nil {
			detail = "lasted " + Span(*r.LastedMs)
		}
		return "Interview ended", detail
	}
	if title, detail, ok := partWords(r, loc); ok {
		return title, detail
	}
	return string(r.Kind), ""
}

// partWords words the rows that carry a part of their own (question, note,
// workspace); ok is false when the part is missing.
func partWords(r timeline.Row, loc *time.Location) (title, detail string, ok bool) {
	switch {
	case r.Kind == timeline.KindQuestion && r.Question != nil:
		title, detail = questionLine(*r.Question, loc)
	case r.Kind == timeline.KindRephrased && r.Rephrase != nil:
		title, detail = fmt.Sprintf("Rephrased question %d shown to the candidate", r.Rephrase.Number), r.Rephrase.Alternative
	case r.Kind == timeline.KindNote && r.Note != nil:
		title, detail = "Notes by "+personLabel(r.Note.Author), strings.Join(strings.Fields(r.Note.Text), " ")
	case r.Kind == timeline.KindPasted && r.Paste != nil:
		title, detail = personLabel(r.Actor)+" pasted "+plural(r.Paste.Length, "character"), "copied inside the editor"
		if r.Paste.External {
			detail = "from outside the room"
		}
	case r.Kind == timeline.KindTabAway:
		title, detail = personLabel(r.Actor)+" left the interview tab", "not back yet"
		if r.AwayMs > 0 {
			detail = "away for " + Span(r.AwayMs)
		}
	case r.Kind == timeline.KindRan && r.Run != nil:
		title, detail = runLine(*r.Run)
	case r.Kind == timeline.KindLanguage && r.Language != nil:
		title, detail = "Editor language set to "+r.Language.Language, "by "+personLabel(r.Actor)
	case r.Kind == timeline.KindStarterLoaded && r.Question != nil:
		title, detail = fmt.Sprintf("Starter code of question %d loaded", r.Question.Number), "by "+personLabel(r.Actor)
	default:
		return "", "", false
	}
	return title, detail, true
}

func topicTitle(t *room.Topic) string {
	if t == nil {
		return ""
	}
	return t.Title
}

func questionLine(q timeline.Question, loc *time.Location) (title, detail string) {
	of := fmt.Sprint(q.Number)
	if q.Total > 0 {
		of = fmt.Sprintf("%d/%d", q.Number, q.Total)
	}
	title = "Question " + of
	if q.Again {
		title += " again"
	}
	if q.Skipped {
		title += " (skipped)"
	}
	clock := func(t time.Time) string { return t.In(loc).Format("15:04") }
	if q.DurationMs != nil {
		title += fmt.Sprintf(" · %s–%s (%s)", clock(q.From), clock(q.To), Span(*q.DurationMs))
	} else {
		title += " · " + clock(q.From) + "–now"
	}
	var extra []string
	if q.Rating > 0 {
		extra = append(extra, fmt.Sprintf("rated %d/5", q.Rating))
	}
	if q.Rephrased {
		extra = append(extra, "rephrased question shown")
	}
	if q.Comment != "" {
		extra = append(extra, fmt.Sprintf("comment: %q", q.Comment))
	}
	return title, strings.Join(extra, ", ")
}

func consentLine(c timeline.Consent) string {
	var given, declined []string
	for _, item := range []struct {
		yes  bool
		what string
	}{{c.PersonalData, "personal data processing"}, {c.AIAnalysis, "AI analysis of answers"}, {c.RecordingNotice, "recording of the interview"}} {
		if item.yes {
			given = append(given, item.what)
		} else {
			declined = append(declined, item.what)
		}
	}
	var parts []string
	if len(given) > 0 {
		parts = append(parts, strings.Join(given, ", "))
	}
	if len(declined) > 0 {
		parts = append(parts, "declined "+strings.Join(declined, ", "))
	}
	switch {
	case c.Repeats == 1:
		parts = append(parts, "confirmed again on 1 later join")
	case c.Repeats > 1:
		parts = append(parts, fmt.Sprintf("confirmed again on %d later joins", c.Repeats))
	}
	return strings.Join(parts, "; ")
}

// runOutcomes word a run's status as the console does.
var runOutcomes = map[string]string{"ok": "finished", "error": "failed", "timeout": "time limit reached",
	"stopped": "stopped", "memory": "out of memory", "crashed": "did not finish"}

func runLine(r timeline.Run) (title, detail string) {
	outcome, ok := runOutcomes[r.Status]
	if !ok {
		outcome = r.Status
	}
	if r.Status == "ok" || r.Status == "error" {
		outcome += fmt.Sprintf(" (exit code %d)", r.ExitCode)
	}
	where := "in the " + r.Runner + "'s browser"
	if r.Runner == "remote" {
		where = "on the code runner"
	}
	detail = "run by " + personLabel(r.By) + ", " + where + ", " + Span(r.DurationMs)
	if r.Doc == "pad" {
		detail += " (scratch pad)"
	}
	return "Code run: " + r.Language + " " + outcome, detail
}

// personLabel: "Olivia Diaz (candidate)", "Alex Recruiter", or the role when nameless.
func personLabel(p timeline.Person) string {
	switch {
	case p.Role == room.RoleCandidate && p.Name != "":
		return p.Name + " (candidate)"
	case p.Role == room.RoleCandidate:
		return "The candidate"
	case p.Name != "":
		return p.Name
	case p.Role == room.RoleHost:
		return "InterviewDesk"
	}
	return "An interviewer"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Span writes a duration short and rounded, as the console does: "45 s",
// "6 min", "1 h 5 min".
func Span(ms int64) string {
	seconds := int64(math.Round(math.Max(0, float64(ms)) / 1000))
	if seconds < 60 {
		return fmt.Sprintf("%d s", seconds)
	}
	minutes := int64(math.Round(float64(seconds) / 60))
	if minutes < 60 {
		return fmt.Sprintf("%d min", minutes)
	}
	h, m := minutes/60, minutes%60
	if m == 0 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}
