package privacy

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// On a clock the test sets, retention removes exactly what is older than its
// periods — whole interviews past the interview data period, the recordings
// of the others past the recordings period — and the files of an interview
// deleted before, and keeps the run in its log.
func TestRetentionDeletesExactlyWhatIsOlder(t *testing.T) {
	w := newWorld(t)
	now := w.clock
	ago := func(days int) time.Time { return now.AddDate(0, 0, -days).Add(-2 * time.Hour) } // ends an hour later
	young := w.held("Ada Young", "ada@example.com", ago(89))
	recOld := w.held("Bo Middle", "bo@example.com", ago(91))
	dataYoung := w.held("Cy Older", "cy@example.com", ago(729))
	dataOld := w.held("Di Oldest", "di@example.com", ago(731))
	cancelledOld := w.schedule("Ed Cancelled", "ed@example.com", ago(800))
	w.clock = ago(799)
	if _, err := w.ivs.Cancel(cancelledOld.ID); err != nil {
		t.Fatal(err)
	}
	w.file("recordings/0193aaaa-dead-7000-8000-000000000000/candidate-camera-1.webm", "left behind by a crash")
	w.clock = now

	plan, err := w.svc.PreviewRetention()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]What{}
	for _, it := range plan.Items {
		got[it.InterviewID] = it.What
	}
	want := map[string]What{recOld.ID: WhatRecordings, dataYoung.ID: WhatRecordings, dataOld.ID: WhatInterview,
		cancelledOld.ID: WhatInterview, "0193aaaa-dead-7000-8000-000000000000": WhatLeftover,
		"": WhatCandidate} // Di's and Ed's profiles: inactive as long, their interviews going
	profiles := 0
	for _, it := range plan.Items {
		if it.What == WhatCandidate {
			profiles++
			if it.Candidate != "Di Oldest" && it.Candidate != "Ed Cancelled" {
				t.Errorf("plans to erase the profile of %s", it.Candidate)
			}
		}
	}
	if profiles != 2 {
		t.Errorf("plan erases %d profiles, want Di's and Ed's", profiles)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("plan = %v\nwant   %v", got, want)
	}
	if plan.Interviews != 2 || plan.Recordings != 2 || plan.Files.Count != 3*3+1 {
		t.Errorf("plan counts %d interviews, %d recordings, %d files; want 2, 2, 10", plan.Interviews, plan.Recordings, plan.Files.Count)
	}
	if _, err := w.ivs.Get(dataOld.ID); err != nil {
		t.Fatalf("a preview deleted something: %v", err)
	}

	run, err := w.svc.ApplyRetention(w.console, ByHand)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Deleted) != 7 || len(run.Skipped) != 0 {
		t.Fatalf("run deleted %d and skipped %v; want 7 and none", len(run.Deleted), run.Skipped)
	}
	for _, id := range []string{dataOld.ID, cancelledOld.ID} {
		if _, err := w.ivs.Get(id); !errors.Is(err, interviews.ErrNotFound) {
			t.Errorf("interview past the data period: %v, want deleted", err)
		}
	}
	for _, iv := range []interviews.Interview{recOld, dataYoung} {
		if files := w.filesUnder(iv.ID); len(files) != 0 {
			t.Errorf("recordings past their period: files %v remain", files)
		}
		a, err := w.an.Get(iv.ID)
		if err != nil || a.Recording != nil || len(a.Transcript) != 1 {
			t.Errorf("analysis after its recordings went = %+v, %v; want the transcript without the recording", a, err)
		}
		if _, err := w.ivs.Get(iv.ID); err != nil {
			t.Errorf("an interview whose recordings expired was deleted: %v", err)
		}
	}
	if files := w.filesUnder(young.ID); len(files) != 5 {
		t.Errorf("the young interview's files = %v, want all kept", files)
	}
	if files := w.filesUnder("0193aaaa-dead"); len(files) != 0 {
		t.Errorf("left-over files remain: %v", files)
	}

	log, err := w.svc.RetentionRuns(0, 0)
	if err != nil || len(log.Runs) != 1 {
		t.Fatalf("retention log = %+v, %v", log, err)
	}
	kept := log.Runs[0]
	whys := map[string]bool{}
	for _, it := range kept.Deleted {
		whys[it.Why] = true
		if it.Candidate != "" {
			t.Errorf("the log keeps a candidate's name: %+v", it)
		}
	}
	if !whys["Interview data is kept 730 days."] || !whys["Recordings are kept 90 days."] ||
		!whys["A candidate's profile is kept 730 days after their last activity."] || kept.Trigger != ByHand ||
		kept.Actor != audit.By(audit.ViaConsole) || !kept.At.Equal(now) {
		t.Errorf("logged run = %+v", kept)
	}
	if left := w.holding("Di Oldest", "di@example.com", "Ed Cancelled"); len(left) != 0 {
		t.Errorf("deleted candidates remain in %v", left)
	}
	if texts := w.auditTexts(audit.Retention); len(texts) != 1 || !strings.Contains(texts[0], "deleted 2 interviews, 2 interviews' recordings, 2 candidate profiles and 1 left-over folder — 10 files") {
		t.Errorf("audit = %q", texts)
	}

	// Nothing more is due: a run of the host leaves no entry, only its time.
	w.clock = now.Add(time.Hour)
	if run, err := w.svc.ApplyRetention(context.Background(), Automatic); err != nil || len(run.Deleted) != 0 {
		t.Fatalf("second run = %+v, %v", run, err)
	}
	if log, _ := w.svc.RetentionRuns(0, 0); len(log.Runs) != 1 {
		t.Errorf("an automatic run that did nothing was logged: %d runs", len(log.Runs))
	}
	if r, _ := w.svc.Retention(); !r.LastRunAt.Equal(w.clock) {
		t.Errorf("last run at %v, want %v", r.LastRunAt, w.clock)
	}
}

func TestRetentionSettings(t *testing.T) {
	w := newWorld(t)
	r, err := w.svc.Retention()
	if err != nil || r.RetentionSettings != DefaultRetention {
		t.Fatalf("a new install's retention = %+v, %v; want %+v", r, err, DefaultRetention)
	}
	off := RetentionSettings{RecordingsDays: 0, InterviewDataDays: 365}
	if r, err = w.svc.SetRetention(w.console, off); err != nil || r.RetentionSettings != off {
		t.Fatalf("set = %+v, %v", r, err)
	}
	_, err = w.svc.SetRetention(w.console, RetentionSettings{RecordingsDays: -1, InterviewDataDays: MaxRetentionDays + 1})
	var fields validation.Errors
	if !errors.As(err, &fields) || fields["recordingsDays"] == "" || fields["interviewDataDays"] == "" {
		t.Errorf("out of range = %v, want both fields named", err)
	}
	if r, _ := w.svc.Retention(); r.RetentionSettings != off {
		t.Errorf("a refused change changed the settings to %+v", r)
	}
	if texts := w.auditTexts(audit.Settings); len(texts) != 1 || texts[0] != "Set retention: recordings kept until deleted, interview data 365 days." {
		t.Errorf("audit = %q", texts)
	}

	// Off keeps everything, however old.
	old := w.held("Ada Young", "ada@example.com", w.clock.AddDate(-1, 0, 0))
	if _, err := w.svc.SetRetention(w.console, RetentionSettings{}); err != nil {
		t.Fatal(err)
	}
	if plan, _ := w.svc.PreviewRetention(); len(plan.Items) != 0 {
		t.Errorf("retention off plans %+v", plan.Items)
	}
	if _, err := w.an.Get(old.ID); err != nil {
		t.Error(err)
	}
}

// The host applies retention as it starts.
func TestStartAppliesRetention(t *testing.T) {
	w := newWorld(t)
	old := w.held("Di Oldest", "di@example.com", w.clock.AddDate(-3, 0, 0))
	runs := make(chan RetentionRun, 1)
	w.svc.Start(func(run RetentionRun, err error) {
		if err != nil {
			t.Error(err)
		}
		runs <- run
	})
	run := <-runs
	if err := w.svc.Close(); err != nil {
		t.Fatal(err)
	}
	if len(run.Deleted) != 2 || run.Deleted[0].InterviewID != old.ID || run.Deleted[1].What != WhatCandidate ||
		run.Trigger != Automatic || run.Actor != audit.By(audit.ViaHost) {
		t.Errorf("run at start = %+v; want the old interview and its candidate's profile, by the host", run)
	}
}

func TestRetentionSkipsWhatCannotGoAndSaysWhy(t *testing.T) {
	w := newWorld(t)
	old := w.held("Di Oldest", "di@example.com", w.clock.AddDate(-3, 0, 0))
	if _, err := w.an.Queue(old.ID); err != nil {
		t.Fatal(err)
	}
	run, err := w.svc.ApplyRetention(context.Background(), Automatic)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Skipped) != 1 || !strings.Contains(run.Skipped[0].Reason, "analysis") {
		t.Fatalf("skipped = %+v, want the interview whose analysis runs", run.Skipped)
	}
	if a, _ := w.an.Get(old.ID); a.Status != analysis.StatusQueued {
		t.Errorf("analysis = %s", a.Status)
	}
	log, _ := w.svc.RetentionRuns(0, 0)
	if len(log.Runs) != 1 {
		t.Errorf("a run that skipped something was not logged")
	}
}
