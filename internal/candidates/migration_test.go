package candidates

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// TestInterviewsOfTheReleaseBeforeCandidatesBecomeCandidates writes a data
// file as schema 5 did (interviews, no candidates), opens it with this
// build, and finds every candidate through the service: searchable, with
// their interviews and stages, and linked for the next interview change.
func TestInterviewsOfTheReleaseBeforeCandidatesBecomeCandidates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	clock := time.Now().UTC().Truncate(time.Second)
	now := func() time.Time { return clock }

	old, err := store.Open(path, store.Options{Version: 5})
	if err != nil {
		t.Fatal(err)
	}
	ivs, tpl := interviewsOn(t, old, now) // no candidates hook: schema 5 had none
	create := func(name, email, position string, days int) interviews.Interview {
		iv, err := ivs.Create(interviews.NewInterview{TemplateID: tpl.ID, Position: position, CandidateName: name,
			CandidateEmail: email, When: interviews.Later, StartsAt: clock.AddDate(0, 0, days).Format(time.RFC3339)})
		if err != nil {
			t.Fatal(err)
		}
		return iv
	}
	held := create("Olivia Diaz", "olivia@example.com", "Backend", 1)
	create("Olivia Diaz", "OLIVIA@example.com", "Platform", 3)
	ivan := create("Ivan Petrov", "ivan@example.com", "Frontend", 2)
	if _, err := ivs.Finish(held.ID); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("open the schema 5 file: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	svc := New(db, now)
	list, err := svc.Search(Query{Text: "olivia"})
	if err != nil || list.Total != 1 {
		t.Fatalf("search after the upgrade: %+v %v", list, err)
	}
	c, err := svc.Get(list.Candidates[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Interviews) != 2 || stage(c, "Backend") != Interviewed || stage(c, "Platform") != LiveScheduled {
		t.Errorf("Olivia after the upgrade = %+v", c)
	}
	if p, err := svc.Pipeline("Frontend"); err != nil || len(p.Roles) != 3 || len(p.Columns[2].Candidates) != 1 {
		t.Errorf("pipeline after the upgrade: %+v %v", p, err)
	}

	// The next change of an upgraded interview reaches its candidate.
	ivs, _ = interviewsOn(t, db, now, svc.InterviewChanged)
	if _, err := ivs.Cancel(ivan.ID); err != nil {
		t.Fatal(err)
	}
	if c, err := svc.Get("ivan@example.com"); err != nil || stage(c, "Frontend") != Applied || len(c.Interviews) != 1 {
		t.Errorf("Ivan after his interview was cancelled: %+v %v", c, err)
	}
}
