package candidates

import (
	"fmt"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

func TestSearchMatchesNameEmailPositionAndCampaign(t *testing.T) {
	f := setup(t)
	f.schedule("Olivia Diaz", "olivia@example.com", "Backend engineer", 3)
	*f.clock = f.clock.Add(time.Minute)
	f.schedule("Ivan Petrov", "ivan@petrov.dev", "Frontend engineer", 3)
	*f.clock = f.clock.Add(time.Minute)
	_, err := f.ivs.Create(interviews.NewInterview{TemplateID: f.tpl.ID, Position: "Data engineer", CandidateName: "Mei Chen",
		CandidateEmail: "mei@example.com", When: interviews.Now, Campaign: "Winter hiring 2026"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"", []string{"Mei Chen", "Ivan Petrov", "Olivia Diaz"}}, // the latest active first
		{"olivia", []string{"Olivia Diaz"}},
		{"PETROV.dev", []string{"Ivan Petrov"}},
		{"backend", []string{"Olivia Diaz"}},
		{"engineer", []string{"Mei Chen", "Ivan Petrov", "Olivia Diaz"}},
		{"winter", []string{"Mei Chen"}},
		{"engineer  diaz", []string{"Olivia Diaz"}}, // every word
		{"nobody", nil},
	}
	for _, tc := range tests {
		list, err := f.svc.Search(Query{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range list.Candidates {
			got = append(got, c.Name)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) || list.Total != len(tc.want) {
			t.Errorf("search %q = %v (total %d), want %v", tc.text, got, list.Total, tc.want)
		}
	}
}

func TestTheTimeFilterDefaultsToThreeMonths(t *testing.T) {
	f := setup(t)
	start := *f.clock
	f.schedule("Old Timer", "old@example.com", "Backend", 1)
	*f.clock = start.AddDate(0, 4, 0)
	f.schedule("Recent Person", "recent@example.com", "Backend", 1)
	*f.clock = start.AddDate(0, 5, 0)
	f.schedule("Planned Ahead", "planned@example.com", "Backend", 60) // scheduled now, for in two months
	*f.clock = start.AddDate(0, 9, 0)
	names := func(since Since) []string {
		list, err := f.svc.Search(Query{Since: since})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range list.Candidates {
			out = append(out, c.Name)
		}
		return out
	}
	// Nine months on: only "Planned Ahead" has an interview within three months.
	if got := names(""); fmt.Sprint(got) != "[Planned Ahead]" {
		t.Errorf("default filter: %v, want only the candidate with an interview within 3 months", got)
	}
	if got := names(Last6Months); fmt.Sprint(got) != "[Planned Ahead Recent Person]" {
		t.Errorf("6 months: %v", got)
	}
	if got := names(AllTime); len(got) != 3 {
		t.Errorf("all time: %v, want all three", got)
	}
	if _, err := f.svc.Search(Query{Since: "forever"}); err == nil {
		t.Error("an unknown time filter was accepted")
	}
}

func TestSearchResultsShowStagePositionAndNextInterview(t *testing.T) {
	f := setup(t)
	iv := f.schedule("Olivia Diaz", "olivia@example.com", "Backend", 3)
	list, err := f.svc.Search(Query{Text: "olivia", Limit: 1})
	if err != nil || len(list.Candidates) != 1 {
		t.Fatalf("%+v %v", list, err)
	}
	c := list.Candidates[0]
	if len(c.Applications) != 1 || c.Applications[0].Stage != LiveScheduled || c.Applications[0].Position != "Backend" {
		t.Errorf("applications = %+v", c.Applications)
	}
	if c.NextInterviewAt == nil || !c.NextInterviewAt.Equal(iv.StartsAt) || !c.LastActivityAt.Equal(*f.clock) {
		t.Errorf("next %v, last activity %v; want %v and now", c.NextInterviewAt, c.LastActivityAt, iv.StartsAt)
	}
}

func TestTheIndexKeepsUpWithChangesAndReloads(t *testing.T) {
	f := setup(t)
	if _, err := f.svc.Search(Query{}); err != nil { // loads the (empty) index
		t.Fatal(err)
	}
	for i := range 20 {
		*f.clock = f.clock.Add(time.Minute)
		f.schedule(fmt.Sprintf("Person %02d", i), fmt.Sprintf("p%02d@example.com", i), "Backend", 2)
	}
	name := "Renamed Person"
	*f.clock = f.clock.Add(time.Minute)
	if _, err := f.svc.Update("p05@example.com", Update{Name: &name}); err != nil {
		t.Fatal(err)
	}
	live, err := f.svc.Search(Query{Since: AllTime, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := New(f.db, f.now).Search(Query{Since: AllTime, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(live) != fmt.Sprint(fresh) || live.Total != 20 || live.Candidates[0].Name != name {
		t.Errorf("the kept index differs from one read afresh, or misses the rename:\n%v\n%v", live, fresh)
	}
}

func TestPipelineListsRolesAndTheirCandidatesByStage(t *testing.T) {
	f := setup(t)
	f.schedule("Olivia Diaz", "olivia@example.com", "Backend engineer", 3)
	held := f.schedule("Ivan Petrov", "ivan@example.com", "backend Engineer", 1)
	f.schedule("Mei Chen", "mei@example.com", "Frontend", 2)
	if _, err := f.ivs.Finish(held.ID); err != nil {
		t.Fatal(err)
	}
	p, err := f.svc.Pipeline("BACKEND ENGINEER")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Roles) != 2 || p.Roles[0].Candidates != 2 || p.Roles[1].Position != "Frontend" {
		t.Errorf("roles = %+v, want Backend engineer (2) and Frontend (1)", p.Roles)
	}
	got := map[Stage][]string{}
	for _, col := range p.Columns {
		for _, c := range col.Candidates {
			got[col.Stage] = append(got[col.Stage], c.Name)
		}
	}
	if len(p.Columns) != len(Stages()) || fmt.Sprint(got) != "map[interviewed:[Ivan Petrov] live_scheduled:[Olivia Diaz]]" {
		t.Errorf("columns = %v", got)
	}
	if p, _ := f.svc.Pipeline(""); p.Position != p.Roles[0].Position {
		t.Errorf("no role chosen: %q, want the first", p.Position)
	}
}
