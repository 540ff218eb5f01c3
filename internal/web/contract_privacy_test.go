package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/backup"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// withPrivacy adds the audit log, privacy and backups to svc.
func withPrivacy(svc *Services, db *store.DB, now func() time.Time) {
	svc.Audit = audit.New(db, now)
	svc.Privacy = privacy.New(privacy.Config{DB: db, Interviews: svc.Interviews, Rooms: svc.Rooms, Analysis: svc.Analysis,
		Candidates: svc.Candidates, Audit: svc.Audit, Now: now})
	svc.Backups = backup.NewService(backup.Source{DB: db, Version: "test", Now: now}, svc.Audit)
}

// callPrivacyRoutes calls the privacy routes once interview iv (Olivia Diaz
// <olivia@example.com>) has ended and been analysed; iv is deleted after.
func callPrivacyRoutes(t *testing.T, call func(method, path string, body any, status int) []byte, tpl, iv string) {
	t.Helper()
	var rec privacy.ConsentRecord
	if err := json.Unmarshal(call("GET", "/api/interviews/"+iv+"/consent", nil, 200), &rec); err != nil || len(rec.Given) != 1 {
		t.Errorf("consent record: %+v, %v", rec, err)
	}
	call("GET", "/api/interviews/unknown/consent", nil, 404)

	call("GET", "/api/settings/retention", nil, 200)
	call("PUT", "/api/settings/retention", privacy.RetentionSettings{RecordingsDays: 30, InterviewDataDays: 365}, 200)
	call("PUT", "/api/settings/retention", privacy.RetentionSettings{RecordingsDays: -1}, 422)
	call("GET", "/api/retention/preview", nil, 200)
	call("POST", "/api/retention/apply", nil, 200)
	call("GET", "/api/retention/log?limit=5", nil, 200)
	call("GET", "/api/retention/log?before=soon", nil, 400)

	call("GET", "/api/candidate-data?email=Olivia@example.com", nil, 200)
	call("GET", "/api/candidate-data?email=nobody@example.com", nil, 404)
	archive := call("GET", "/api/candidate-data/export?email=olivia@example.com", nil, 200)
	if z, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive))); err != nil || len(z.File) < 3 {
		t.Errorf("export: %v", err)
	}
	call("GET", "/api/candidate-data/export?email=nobody@example.com", nil, 404)

	call("GET", "/api/backup", nil, 200)
	if b := call("GET", "/api/backup/archive", nil, 200); !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("backup archive starts %q", b[:min(len(b), 4)])
	}
	call("GET", "/api/backup/archive?media=maybe", nil, 400)
	var st BackupStatus
	if err := json.Unmarshal(call("GET", "/api/backup", nil, 200), &st); err != nil || st.Last == nil || st.Last.Actor.Via != audit.ViaCLI {
		t.Errorf("backup status: %+v, %v; want the backup just made, by the CLI (a Bearer key)", st, err)
	}

	upcoming := call("POST", "/api/interviews", interviews.NewInterview{TemplateID: tpl, Position: "Backend engineer",
		CandidateName: "Olivia Diaz", CandidateEmail: "olivia@example.com", When: interviews.Later, StartsAt: "2026-12-20T10:00"}, 201)
	var next Interview
	_ = json.Unmarshal(upcoming, &next)
	call("POST", "/api/interviews/"+next.ID+"/purge", nil, 409)
	call("POST", "/api/candidate-data/erase", CandidateEmail{Email: "olivia@example.com"}, 409)
	call("GET", "/api/interviews/"+iv+"/purge", nil, 200)
	call("POST", "/api/interviews/"+iv+"/purge", nil, 200)
	call("POST", "/api/interviews/"+iv+"/purge", nil, 404)
	call("DELETE", "/api/interviews/"+next.ID, nil, 200)
	call("POST", "/api/candidate-data/erase", CandidateEmail{Email: "olivia@example.com"}, 200)
	call("POST", "/api/candidate-data/erase", CandidateEmail{Email: "olivia@example.com"}, 404)

	var page audit.Page
	if err := json.Unmarshal(call("GET", "/api/audit?limit=100", nil, 200), &page); err != nil {
		t.Fatal(err)
	}
	kinds := map[audit.Kind]int{}
	for _, e := range page.Entries {
		kinds[e.Kind]++
	}
	if kinds[audit.Settings] < 4 || kinds[audit.Deletion] != 2 || kinds[audit.Export] != 1 || kinds[audit.Erasure] != 1 ||
		kinds[audit.Backup] != 1 || kinds[audit.Retention] != 1 {
		t.Errorf("audit kinds = %v; want the settings changes, 2 deletions, an export, an erasure, a backup and the retention run", kinds)
	}
	call("GET", "/api/audit?kind=deletion&limit=1", nil, 200)
	call("GET", "/api/audit?kind=gossip", nil, 400)
}

// A page of another site cannot have a backup or an export made with the
// console's cookie: nothing is made, nothing is logged.
func TestDownloadsThatMakeSomethingAreRefusedToOtherSites(t *testing.T) {
	h := newContractHost(t)
	for _, path := range []string{"/api/backup/archive", "/api/candidate-data/export?email=olivia@example.com"} {
		req, _ := http.NewRequest("GET", h.srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+testKey)
		req.Header.Set("Sec-Fetch-Site", "same-site") // another port of this host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s from another site's page: %d, want 403", path, resp.StatusCode)
		}
	}
	req, _ := http.NewRequest("GET", h.srv.URL+"/api/backup", nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st BackupStatus
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil || st.Last != nil {
		t.Errorf("after refused downloads the last backup is %+v (%v); want none", st.Last, err)
	}
}
