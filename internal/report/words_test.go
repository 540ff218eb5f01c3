package report

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

func TestSpanRoundsLikeTheConsole(t *testing.T) {
	t.Parallel()
	for ms, want := range map[int64]string{0: "0 s", 44_600: "45 s", 59_400: "59 s", 60_000: "1 min", 380_000: "6 min",
		3_580_000: "1 h", 4_500_000: "1 h 15 min", -5: "0 s"} {
		if got := Span(ms); got != want {
			t.Errorf("Span(%d) = %q, want %q", ms, got, want)
		}
	}
}

func TestOffsetWritesMinutesAndSeconds(t *testing.T) {
	t.Parallel()
	for ms, want := range map[int64]string{0: "0:00", 5_999: "0:05", 754_000: "12:34", 3_723_000: "1:02:03", -5_000: "-0:05"} {
		if got := Offset(ms); got != want {
			t.Errorf("Offset(%d) = %q, want %q", ms, got, want)
		}
	}
}

// The room's own rows are worded in internal/cli's timeline test; these are
// the workspace's, worded as the console does.
func TestRowTextWordsTheWorkspaceRows(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 1, 13, 5, 0, 0, time.UTC)
	olivia := timeline.Person{Name: "Olivia Diaz", Role: room.RoleCandidate}
	rita := timeline.Person{Name: "Rita Recruiter", Role: room.RoleInterviewer}
	for _, c := range []struct {
		row  timeline.Row
		want string
	}{
		{timeline.Row{Kind: timeline.KindPasted, Actor: olivia, Paste: &timeline.Paste{Doc: "main", Length: 120, External: true}},
			"Olivia Diaz (candidate) pasted 120 characters — from outside the room"},
		{timeline.Row{Kind: timeline.KindPasted, Actor: olivia, Paste: &timeline.Paste{Doc: "main", Length: 1}},
			"Olivia Diaz (candidate) pasted 1 character — copied inside the editor"},
		{timeline.Row{Kind: timeline.KindTabAway, Actor: olivia, AwayMs: 42_000},
			"Olivia Diaz (candidate) left the interview tab — away for 42 s"},
		{timeline.Row{Kind: timeline.KindTabAway, Actor: olivia}, "Olivia Diaz (candidate) left the interview tab — not back yet"},
		{timeline.Row{Kind: timeline.KindRan, Run: &timeline.Run{Doc: "main", Language: "python", Status: "error", ExitCode: 1,
			DurationMs: 1500, Runner: "candidate", By: olivia}},
			"Code run: python failed (exit code 1) — run by Olivia Diaz (candidate), in the candidate's browser, 2 s"},
		{timeline.Row{Kind: timeline.KindRan, Run: &timeline.Run{Doc: "pad", Language: "go", Status: "timeout", Runner: "remote", By: rita}},
			"Code run: go time limit reached — run by Rita Recruiter, on the code runner, 0 s (scratch pad)"},
		{timeline.Row{Kind: timeline.KindLanguage, Actor: rita, Language: &timeline.Language{Doc: "main", Language: "sql"}},
			"Editor language set to sql — by Rita Recruiter"},
		{timeline.Row{Kind: timeline.KindStarterLoaded, Actor: rita, Question: &timeline.Question{Index: 2, Number: 3, From: at}},
			"Starter code of question 3 loaded — by Rita Recruiter"},
		{timeline.Row{Kind: "from-a-newer-host"}, "from-a-newer-host"},
	} {
		if got := RowText(c.row, time.UTC); got != c.want {
			t.Errorf("RowText(%s) = %q, want %q", c.row.Kind, got, c.want)
		}
	}
}
