package privacy

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Deleting a finished interview leaves no key, value or file of it in the
// data folder but its audit entry (which names neither candidate nor
// anything they said), and leaves another interview untouched.
func TestDeletingAFinishedInterviewRemovesEveryKeyAndFile(t *testing.T) {
	w := newWorld(t)
	gone := w.held("Olivia Diaz", "olivia@example.com", w.clock.Add(-48*time.Hour))
	kept := w.held("Ivan Petrov", "ivan@example.com", w.clock.Add(-24*time.Hour))
	w.clock = w.clock.Add(time.Hour)

	preview, err := w.svc.Preview(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := Contents{InterviewID: gone.ID, Candidate: gone.Candidate, Position: gone.Position, StartsAt: gone.StartsAt,
		Status: interviews.Finished, Recordings: Files{Count: 3, Bytes: int64(len("video of Olivia Diaz") + len("video of the interviewer") + len("combined video of Olivia Diaz"))},
		Events: 4, Analysis: true, Emails: 2, Unsent: 2, Deletable: true}
	if preview != want {
		t.Fatalf("preview = %+v\nwant      %+v", preview, want)
	}
	if _, err := w.svc.DeleteInterview(w.console, gone.ID, ""); err != nil {
		t.Fatal(err)
	}

	if left := w.holding(gone.ID, gone.CandidateToken, "Diaz knows goroutines"); len(left) != 1 || !strings.HasPrefix(left[0], "audit/") {
		t.Errorf("the store still holds %v; want only its audit entry", left)
	}
	// Her profile stays (erasing her is another thing), without the interview.
	for _, place := range w.holding("Olivia") {
		place = strings.TrimPrefix(place, "teams/"+store.DefaultTeam+"/") // the team's own buckets
		if !strings.HasPrefix(place, "candidates/") && !strings.HasPrefix(place, "candidate_emails/") {
			t.Errorf("%s still names the candidate", place)
		}
	}
	if c, err := w.cands.Get("olivia@example.com"); err != nil || len(c.Interviews) != 0 {
		t.Errorf("her profile = %+v, %v; want it without the deleted interview", c, err)
	}
	if files := w.filesUnder(gone.ID); len(files) != 0 {
		t.Errorf("files left in the data folder: %v", files)
	}
	if _, err := w.ivs.Get(gone.ID); !errors.Is(err, interviews.ErrNotFound) {
		t.Errorf("Get after delete = %v, want not found", err)
	}
	if list, _, _ := w.ivs.List(interviews.ListQuery{Tense: interviews.Past}); len(list) != 1 || list[0].ID != kept.ID {
		t.Errorf("past interviews = %+v, want only the kept one", list)
	}
	if _, _, err := w.rooms.State(gone.ID); err == nil {
		t.Errorf("the room still has a state for the deleted interview")
	}

	if files := w.filesUnder(kept.ID); len(files) != 5 { // two folders, three files
		t.Errorf("the other interview's files = %v, want its folders and three files", files)
	}
	if left := w.holding("Ivan Petrov"); len(left) < 5 {
		t.Errorf("the other interview lost data: only %v hold its candidate", left)
	}
	entries := w.auditTexts(audit.Deletion)
	if len(entries) != 1 || !strings.Contains(entries[0], gone.ID) || !strings.Contains(entries[0], "3 recording files") ||
		!strings.Contains(entries[0], "4 events") || !strings.Contains(entries[0], "its analysis and 2 emails") {
		t.Errorf("audit = %q", entries)
	}
	page, _ := w.audit.List(audit.Query{})
	if page.Entries[0].Actor != audit.By(audit.ViaConsole) {
		t.Errorf("actor = %+v, want the console", page.Entries[0].Actor)
	}
}

// An interview still to come or going on cannot be deleted, and trying
// changes nothing; once cancelled, it can.
func TestOnlyAnInterviewThatIsOverCanBeDeleted(t *testing.T) {
	w := newWorld(t)
	upcoming := w.schedule("Olivia Diaz", "olivia@example.com", w.clock.Add(48*time.Hour))
	live := w.schedule("Ivan Petrov", "ivan@example.com", w.clock.Add(time.Hour))
	w.clock = w.clock.Add(90 * time.Minute)
	if _, _, err := w.rooms.Append(live.ID, room.Actor{Role: room.RoleInterviewer, Email: live.Interviewers[0].Email}, room.TypeStarted, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		iv   interviews.Interview
		says string
	}{{upcoming, "Cancel it first"}, {live, "This interview is live"}} {
		p, err := w.svc.Preview(c.iv.ID)
		if err != nil || p.Deletable || !strings.Contains(p.Reason, c.says) {
			t.Errorf("preview of %s = %+v, %v; want not deletable: %q", c.iv.Candidate.Name, p, err, c.says)
		}
		_, err = w.svc.DeleteInterview(w.console, c.iv.ID, "")
		if !fault.Is(err, fault.Conflict) || !strings.Contains(fault.Text(err), c.says) {
			t.Errorf("delete %s = %v, want a conflict saying %q", c.iv.Candidate.Name, err, c.says)
		}
		if _, err := w.ivs.Get(c.iv.ID); err != nil {
			t.Errorf("a refused deletion removed the interview: %v", err)
		}
	}
	if got := w.auditTexts(audit.Deletion); len(got) != 0 {
		t.Errorf("refused deletions were audited: %q", got)
	}

	if _, err := w.ivs.Cancel(upcoming.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.DeleteInterview(w.console, upcoming.ID, ""); err != nil {
		t.Fatalf("delete a cancelled interview: %v", err)
	}
	if left := w.holding(upcoming.ID); len(left) != 1 {
		t.Errorf("after deleting the cancelled interview the store holds %v", left)
	}
}

func TestARunningAnalysisHoldsTheDeletion(t *testing.T) {
	w := newWorld(t)
	iv := w.held("Olivia Diaz", "olivia@example.com", w.clock.Add(-time.Hour))
	if _, err := w.an.Queue(iv.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.DeleteInterview(w.console, iv.ID, ""); !fault.Is(err, fault.Conflict) || !strings.Contains(fault.Text(err), "analysis") {
		t.Fatalf("delete while the analysis is queued = %v, want a conflict about the analysis", err)
	}
	if files := w.filesUnder(iv.ID); len(files) == 0 {
		t.Errorf("a refused deletion removed the files")
	}
}
