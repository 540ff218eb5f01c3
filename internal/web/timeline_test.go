package web

import (
	"encoding/json"
	"strings"
	"testing"
)

// The timeline is the organizer's: a second interviewer's notes reach it only
// once the interview has ended, proven on the wire.
func TestTimelineKeepsOtherInterviewersNotesUntilTheEnd(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, strings.Replace(validBody(f.goTemplateID(t)), `"when":"later"`, `"when":"now"`, 1))
	var added struct {
		Interviewers []struct{ Email, Link string }
	}
	if code := f.call(t, "POST", "/api/interviews/"+iv.ID+"/interviewers", `{"name":"Sam Lee","email":"sam@example.com"}`, &added); code != 201 {
		t.Fatalf("add interviewer = %d", code)
	}
	organizer, sam := f.dial(t, iv.InterviewerLink), f.dial(t, added.Interviewers[1].Link)
	organizer.next("welcome", nil)
	sam.next("welcome", nil)
	organizer.act(1, "started", nil)
	organizer.act(2, "note_saved", map[string]string{"text": "ORGANIZER-NOTE"})
	sam.act(1, "note_saved", map[string]string{"text": "SAM-NOTE"})

	answer := func() (string, []string) {
		t.Helper()
		var raw json.RawMessage
		if code := f.call(t, "GET", "/api/interviews/"+iv.ID+"/timeline", "", &raw); code != 200 {
			t.Fatalf("timeline = %d", code)
		}
		var tl struct {
			Rows []struct {
				Kind string
				Note *struct{ Text string }
			}
		}
		if err := json.Unmarshal(raw, &tl); err != nil {
			t.Fatal(err)
		}
		var notes []string
		for _, r := range tl.Rows {
			if r.Note != nil {
				notes = append(notes, r.Note.Text)
			}
		}
		return string(raw), notes
	}
	raw, notes := answer()
	if strings.Contains(raw, "SAM-NOTE") {
		t.Errorf("another interviewer's notes reached the organizer's timeline before the end: %s", raw)
	}
	if strings.Join(notes, ",") != "ORGANIZER-NOTE" { // positive control
		t.Errorf("notes before the end = %q, want the organizer's", notes)
	}
	organizer.act(3, "ended", nil)
	if _, notes := answer(); len(notes) != 2 {
		t.Errorf("notes after the end = %q, want both interviewers'", notes)
	}
}
