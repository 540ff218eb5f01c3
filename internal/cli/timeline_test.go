package cli

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
)

func TestTimelinePrintsOneLineARowInTheLocalZone(t *testing.T) {
	t.Parallel()
	at := func(hhmmss string) time.Time {
		v, _ := time.Parse(time.RFC3339, "2026-11-25T"+hhmmss+"Z")
		return v
	}
	ms := func(d time.Duration) *int64 { n := d.Milliseconds(); return &n }
	alex := timeline.Person{Name: "Alex Recruiter", Role: room.RoleInterviewer}
	olivia := timeline.Person{Name: "Olivia Diaz", Role: room.RoleCandidate}
	all := room.ConsentData{PersonalData: true, AIAnalysis: true, RecordingNotice: true}
	rows := []timeline.Row{
		{At: at("13:00:00"), Kind: timeline.KindJoined, Actor: alex},
		{At: at("13:01:00"), Kind: timeline.KindConsented, Actor: olivia, Consent: &timeline.Consent{ConsentData: all, Repeats: 2}},
		{At: at("13:01:10"), Kind: timeline.KindReconnected, Actor: olivia, AwayMs: 12000},
		{At: at("13:02:00"), Kind: timeline.KindStarted, Actor: alex},
		{At: at("13:03:00"), Kind: timeline.KindTopicChecked, Actor: alex, Topic: &room.Topic{ID: "t2", Title: "Experience"}},
		{At: at("13:05:00"), Kind: timeline.KindQuestion, Actor: alex, Question: &timeline.Question{Index: 0, Number: 1, Total: 10,
			From: at("13:05:00"), To: at("13:11:00"), DurationMs: ms(6 * time.Minute), Rephrased: true, Rating: 4, Comment: "Clear."}},
		{At: at("13:06:00"), Kind: timeline.KindRephrased, Actor: alex, Rephrase: &timeline.Rephrase{Index: 0, Number: 1, Alternative: "Put simply"}},
		{At: at("13:11:00"), Kind: timeline.KindQuestion, Actor: alex, Question: &timeline.Question{Index: 1, Number: 2, From: at("13:11:00"), Skipped: true}},
		{At: at("13:39:00"), Kind: timeline.KindNote, Note: &timeline.Note{Author: alex, Text: "# Olivia\n- knows  channels", SavedAt: at("13:39:00")}},
		{At: at("13:40:00"), Kind: timeline.KindEnded, Actor: alex, LastedMs: ms(75 * time.Minute)},
		{At: at("13:41:00"), Kind: timeline.KindLeft, Actor: timeline.Person{Role: room.RoleCandidate}},
	}
	var out bytes.Buffer
	if err := printTimeline(&out, rows, time.FixedZone("CET", 3600)); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2026-11-25 14:00 CET  Alex Recruiter joined",
		"2026-11-25 14:01 CET  Olivia Diaz (candidate) gave consent — personal data processing, AI analysis of answers, recording of the interview; confirmed again on 2 later joins",
		"2026-11-25 14:01 CET  Olivia Diaz (candidate) reconnected — away for 12 s",
		"2026-11-25 14:02 CET  Interview started — by Alex Recruiter",
		"2026-11-25 14:03 CET  Topic covered: Experience",
		`2026-11-25 14:05 CET  Question 1/10 · 14:05–14:11 (6 min) — rated 4/5, rephrased question shown, comment: "Clear."`,
		"2026-11-25 14:06 CET  Rephrased question 1 shown to the candidate — Put simply",
		"2026-11-25 14:11 CET  Question 2 (skipped) · 14:11–now",
		"2026-11-25 14:39 CET  Notes by Alex Recruiter — # Olivia - knows channels",
		"2026-11-25 14:40 CET  Interview ended — lasted 1 h 15 min",
		"2026-11-25 14:41 CET  The candidate left",
	}
	if got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("printed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestInterviewTimelineCommand(t *testing.T) {
	dir := t.TempDir()
	r := run(t, createArgs(dir)...)
	var iv struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &iv); r.code != 0 || err != nil {
		t.Fatalf("create: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "interview", "timeline", iv.ID, "--data", dir); r.code != 0 || r.stdout != "Nothing has happened in the room yet.\n" {
		t.Errorf("empty timeline: exit %d %q %s", r.code, r.stdout, r.stderr)
	}

	appendEvents(t, dir, iv.ID, room.TypeStarted, room.TypeEnded)

	r = run(t, "interview", "timeline", iv.ID, "--data", dir)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) != 2 || !strings.HasSuffix(lines[0], "  Interview started — by Alex Recruiter") ||
		!strings.Contains(lines[1], "  Interview ended — lasted ") {
		t.Errorf("timeline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "interview", "timeline", iv.ID, "--data", dir, "--json")
	var answer struct {
		Rows  []timeline.Row
		State struct{ Phase string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &answer); err != nil || len(answer.Rows) != 2 || answer.State.Phase != "ended" {
		t.Errorf("timeline --json: exit %d %v\n%s", r.code, err, r.stdout)
	}
	if r := run(t, "interview", "timeline", "no-such-id", "--data", dir); r.code != 1 || r.stdout != "" {
		t.Errorf("unknown interview: exit %d %q", r.code, r.stdout)
	}
	if r := run(t, "interview", "timeline", "--data", dir); r.code != 2 {
		t.Errorf("without an ID: exit %d", r.code)
	}
}
