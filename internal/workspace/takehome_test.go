package workspace

import (
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// takehomeRoom is a room whose interview brings Olivia's imported take-home
// result (internal/candidates/testdata/results.json).
func takehomeRoom(t *testing.T) (*world, interviews.Interview) {
	t.Helper()
	w := newWorld(t, interviews.Tools{LiveCode: true})
	file, err := os.ReadFile("../candidates/testdata/results.json")
	if err != nil {
		t.Fatal(err)
	}
	report, err := w.cands.Import("results.json", file)
	if err != nil {
		t.Fatal(err)
	}
	iv, err := w.ivs.Create(interviews.NewInterview{TemplateID: w.iv.Template.ID, Position: "Backend engineer",
		CandidateName: "Olivia Diaz", CandidateEmail: "olivia@example.com", When: interviews.Now,
		TakehomeID: report.Results[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	return w, iv
}

// The interviewers receive the take-home result as they join; the
// candidate's connection receives nothing of it, refuses to open it, and
// gets exactly the code of a task an interviewer opens in the shared editor
// (the positive control), nothing of one opened in the scratch pad.
func TestTakehomeResultsReachOnlyTheInterviewers(t *testing.T) {
	w, iv := takehomeRoom(t)
	rita := w.join(iv.Interviewers[0].Token)
	olivia := w.join(iv.CandidateToken)

	var got struct{ Result candidates.Result }
	if !rita.conn.last("takehome", &got) || got.Result.Assessment != "Go backend take-home" || len(got.Result.Tasks) != 2 ||
		!strings.Contains(got.Result.Tasks[0].Code, "counts[l]++") || got.Result.Tasks[1].Tests[1].Passed {
		t.Fatalf("the interviewer's take-home result = %+v", got.Result)
	}
	first, second := got.Result.Tasks[0], got.Result.Tasks[1]
	secrets := []string{"takehome", "Go backend take-home", "Rate limiter", "Parse the access log", "refills over time",
		`"score"`, `"maxScore"`, "Limiter struct"}
	leaks := func(when string) {
		t.Helper()
		all := olivia.conn.all()
		for _, s := range secrets {
			if strings.Contains(all, s) {
				t.Errorf("%s: the candidate's connection received %q", when, s)
			}
		}
	}
	leaks("on joining")

	if e := olivia.send(t, `{"type":"code.takehome","doc":"main","task":0}`); !strings.Contains(e, "only interviewers") {
		t.Errorf("the candidate opening the take-home code: %q", e)
	}
	rita.must(t, `{"type":"code.takehome","doc":"pad","task":1}`)
	if !strings.Contains(rita.conn.all(), `"type":"code.updates","doc":"pad"`) {
		t.Error("the interviewer did not receive the task opened in the scratch pad")
	}
	leaks("after a task opened in the scratch pad")

	rita.must(t, `{"type":"code.takehome","doc":"main","task":0}`)
	var updates struct {
		Updates []struct{ Changes json.RawMessage }
	}
	if !olivia.conn.last("code.updates", &updates) || !strings.Contains(string(updates.Updates[0].Changes), "counts[l]++") {
		t.Fatalf("the candidate did not receive the code opened in the shared editor: %+v", updates)
	}
	var lang struct{ Language string }
	if !olivia.conn.last("code.language", &lang) || lang.Language != "go" {
		t.Errorf("the editor's language after opening the task: %+v, want go", lang)
	}
	leaks("after a task opened in the shared editor")
	if strings.Contains(olivia.conn.all(), "refills") || strings.Contains(olivia.conn.all(), second.Code) {
		t.Error("the candidate received the other task's code")
	}

	if e := rita.send(t, `{"type":"code.takehome","doc":"main","task":7}`); !strings.Contains(e, "no task 8") {
		t.Errorf("an unknown task: %q", e)
	}
	events, err := room.New(w.db, w.ivs, slog.New(slog.DiscardHandler), w.now).Events(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	opened := 0
	for _, e := range events {
		var d room.CodeChangeData
		if e.Type == room.TypeCodeChanged && json.Unmarshal(e.Data, &d) == nil && d.Takehome != nil {
			opened++
		}
	}
	if opened != 2 {
		t.Errorf("%d take-home openings in the log, want 2", opened)
	}
	w.restart()
	again := w.join(iv.Interviewers[0].Token)
	if text, _ := again.doc(t, "main"); text != first.Code {
		t.Errorf("after a restart the editor holds %q, want the task's code", text)
	}
}

// An interview without take-home results sends none and opens none.
func TestARoomWithoutTakehomeSendsNone(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	if strings.Contains(rita.conn.all(), `"type":"takehome"`) {
		t.Error("a room without take-home results sent some")
	}
	if e := rita.send(t, `{"type":"code.takehome","doc":"main","task":0}`); !strings.Contains(e, "no take-home") {
		t.Errorf("opening take-home code without any: %q", e)
	}
}
