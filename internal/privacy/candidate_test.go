package privacy

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The export is one ZIP archive with the candidate, each interview, its
// consent record, log, analysis, the emails sent to them and the media
// files as recorded; no link token is in it.
func TestExportHoldsEverythingOfTheCandidate(t *testing.T) {
	w := newWorld(t)
	first := w.held("Olivia Diaz", "olivia@example.com", w.clock.Add(-72*time.Hour))
	second := w.held("Olivia Diaz-Smith", "Olivia@Example.com", w.clock.Add(-24*time.Hour))
	w.held("Ivan Petrov", "ivan@example.com", w.clock.Add(-48*time.Hour))
	w.takehome("Olivia Diaz", "olivia@example.com")

	var out bytes.Buffer
	d, err := w.svc.Export(w.console, "OLIVIA@example.com", &out)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interviews) != 2 || len(d.Names) != 2 {
		t.Fatalf("export covered %+v", d)
	}
	z, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		_ = rc.Close()
	}
	var names []string
	for name := range files {
		names = append(names, strings.NewReplacer(first.ID, "FIRST", second.ID, "SECOND").Replace(name))
	}
	sort.Strings(names)
	want := []string{"README.txt", "candidate.json", "profile.json", "takehome/" + d.resultID(t, w) + ".json"}
	for _, iv := range []string{"FIRST", "SECOND"} {
		for _, f := range []string{"analysis.json", "consent.json", "emails.json", "events.json", "interview.json",
			"recording.webm", "recordings/candidate-camera-1.webm", "recordings/interviewer-camera-1.webm"} {
			want = append(want, "interviews/"+iv+"/"+f)
		}
	}
	sort.Strings(want)
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Fatalf("archive holds\n%s\nwant\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}

	dir := "interviews/" + first.ID + "/"
	if got := string(files[dir+"recordings/candidate-camera-1.webm"]); got != "video of Olivia Diaz" {
		t.Errorf("track = %q", got)
	}
	if got := string(files[dir+"recording.webm"]); got != "combined video of Olivia Diaz" {
		t.Errorf("combined recording = %q", got)
	}
	var head ExportedCandidate
	decodeJSON(t, files["candidate.json"], &head)
	if head.Format != ExportFormat || len(head.Interviews) != 2 || head.Email != "OLIVIA@example.com" {
		t.Errorf("candidate.json = %+v", head)
	}
	var events []room.Event
	decodeJSON(t, files[dir+"events.json"], &events)
	if len(events) != 4 || events[2].Type != room.TypeNoteSaved {
		t.Errorf("events = %+v", events)
	}
	var record ConsentRecord
	decodeJSON(t, files[dir+"consent.json"], &record)
	if len(record.Given) != 1 || !record.Given[0].Recording || record.Texts[record.Given[0].TextsVersion].PersonalData == "" {
		t.Errorf("consent record = %+v", record)
	}
	var a analysis.Analysis
	decodeJSON(t, files[dir+"analysis.json"], &a)
	if len(a.Transcript) != 1 {
		t.Errorf("analysis = %+v", a)
	}
	var letters []mail.Letter
	decodeJSON(t, files[dir+"emails.json"], &letters)
	if len(letters) != 1 || letters[0].To.Email != "olivia@example.com" || letters[0].Text != "Hello Olivia Diaz" {
		t.Errorf("emails = %+v, want the one sent to the candidate, with its text", letters)
	}
	for name, content := range files {
		for _, token := range []string{first.CandidateToken, first.Interviewers[0].Token, second.CandidateToken} {
			if bytes.Contains(content, []byte(token)) {
				t.Errorf("%s holds a link token", name)
			}
		}
		if bytes.Contains(content, []byte("Ivan")) {
			t.Errorf("%s holds another candidate's data", name)
		}
	}
	if texts := w.auditTexts(audit.Export); len(texts) != 1 || !strings.Contains(texts[0], audit.CandidateRef("olivia@example.com")) ||
		strings.Contains(texts[0], "olivia") {
		t.Errorf("audit = %q, want the export by reference, never the address", texts)
	}
	if _, err := w.svc.Export(w.console, "nobody@example.com", io.Discard); !errors.Is(err, ErrNoCandidate) {
		t.Errorf("export of an unknown candidate = %v", err)
	}
}

// Erasing a candidate removes every interview of theirs with all its data:
// nothing in the store or the data folder names them afterwards, in any
// case, and the erasure's own entry names them by reference only.
func TestEraseLeavesNothingOfTheCandidate(t *testing.T) {
	w := newWorld(t)
	finished := w.held("Olivia Diaz", "olivia@example.com", w.clock.Add(-72*time.Hour))
	cancelled := w.schedule("Olivia D.", "OLIVIA@example.com", w.clock.Add(72*time.Hour))
	if _, err := w.ivs.Cancel(cancelled.ID); err != nil {
		t.Fatal(err)
	}
	other := w.held("Ivan Petrov", "ivan@example.com", w.clock.Add(-48*time.Hour))
	w.takehome("Olivia Diaz", "olivia@example.com")
	w.takehome("Ivan Petrov", "ivan@example.com")
	w.clock = w.clock.Add(time.Hour)

	// Deleted before, or being exported: the log has her under a reference.
	if _, err := w.svc.Export(w.console, "olivia@example.com", io.Discard); err != nil {
		t.Fatal(err)
	}
	d, err := w.svc.Erase(w.console, "olivia@EXAMPLE.com")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interviews) != 2 || d.Recordings.Count != 3 || d.Analyses != 1 || !d.Profile || d.Results != 1 {
		t.Errorf("erased %+v", d)
	}
	if _, err := w.cands.Get("olivia@example.com"); err == nil {
		t.Errorf("her candidate profile is still there")
	}
	if list, err := w.cands.Search(candidates.Query{Since: "all"}); err != nil || len(list.Candidates) != 1 {
		t.Errorf("candidate search after the erasure = %+v, %v; want Ivan only", list, err)
	}
	if ivan, err := w.cands.Get("ivan@example.com"); err != nil || len(ivan.Takehome) != 1 || len(ivan.Interviews) != 1 {
		t.Errorf("Ivan's profile = %+v, %v", ivan, err)
	}
	needles := []string{"olivia", "Diaz", finished.ID, cancelled.ID, finished.CandidateToken, cancelled.CandidateToken}
	for _, place := range w.holding(needles...) {
		if !strings.HasPrefix(place, "audit/") {
			t.Errorf("%s still holds her data", place)
		}
	}
	if left := w.holding("olivia", "Diaz"); len(left) != 0 {
		t.Errorf("her name or address is still in %v", left)
	}
	for _, id := range []string{finished.ID, cancelled.ID} {
		if files := w.filesUnder(id); len(files) != 0 {
			t.Errorf("files left: %v", files)
		}
	}
	if _, err := w.svc.Candidate("olivia@example.com"); !errors.Is(err, ErrNoCandidate) {
		t.Errorf("after erasure: %v, want ErrNoCandidate", err)
	}
	if files := w.filesUnder(other.ID); len(files) != 5 {
		t.Errorf("the other candidate's files = %v", files)
	}
	texts := w.auditTexts(audit.Erasure)
	if len(texts) != 1 || !strings.Contains(texts[0], "Erased "+audit.CandidateRef("olivia@example.com")+": 2 interviews, 3 recording files") {
		t.Errorf("audit = %q", texts)
	}
}

func TestEraseWaitsForInterviewsToCome(t *testing.T) {
	w := newWorld(t)
	done := w.held("Olivia Diaz", "olivia@example.com", w.clock.Add(-72*time.Hour))
	w.schedule("Olivia Diaz", "olivia@example.com", w.clock.Add(72*time.Hour))
	_, err := w.svc.Erase(w.console, "olivia@example.com")
	if !fault.Is(err, fault.Conflict) || !strings.Contains(fault.Text(err), "Cancel it first") || !strings.Contains(fault.Text(err), "Nothing was erased") {
		t.Fatalf("erase with an upcoming interview = %v", err)
	}
	if _, err := w.ivs.Get(done.ID); err != nil {
		t.Errorf("a refused erasure deleted an interview: %v", err)
	}
}

func TestConsentRecordShowsTheTextsAgreedTo(t *testing.T) {
	w := newWorld(t)
	iv := w.schedule("Olivia Diaz", "olivia@example.com", w.clock.Add(time.Hour))
	w.clock = w.clock.Add(time.Hour)
	cand := room.Actor{Role: room.RoleCandidate, Email: "olivia@example.com", Name: "Olivia Diaz"}
	v := consent.Current().Version
	for _, c := range []room.ConsentData{{PersonalData: true, AIAnalysis: true, TextsVersion: v}, {PersonalData: true, RecordingNotice: true, TextsVersion: v}} {
		w.clock = w.clock.Add(time.Minute)
		if _, _, err := w.rooms.Append(iv.ID, cand, room.TypeConsented, c); err != nil {
			t.Fatal(err)
		}
	}
	r, err := w.svc.Consent(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Given) != 2 || !r.Given[0].AIAnalysis || r.Given[0].Recording || r.Given[1].AIAnalysis || !r.Given[1].Recording ||
		!r.Given[1].At.After(r.Given[0].At) || r.Current != v || r.Texts[v] != consent.Current() {
		t.Errorf("consent record = %+v", r)
	}
}

// resultID is the ID of the candidate's one take-home result.
func (d CandidateData) resultID(t *testing.T, w *world) string {
	t.Helper()
	c, err := w.cands.Get(d.Email)
	if err != nil || len(c.Takehome) != 1 {
		t.Fatalf("candidate %s: %+v, %v", d.Email, c, err)
	}
	return c.Takehome[0].ID
}

// A candidate who registered through a campaign leaves no registration
// behind, and the seat their interview held is free again.
func TestEraseTakesTheCampaignRegistration(t *testing.T) {
	w := newWorld(t)
	slot := w.clock.Add(72 * time.Hour).Truncate(time.Hour)
	c, err := w.camps.Create(campaigns.Input{Name: "January backend", Position: "Backend engineer", TemplateID: w.tpl, TimeZone: "UTC",
		Mode: campaigns.SlotsMode, DurationMinutes: 45, Slots: []campaigns.SlotInput{{StartsAt: slot.Format("2006-01-02T15:04"), Capacity: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.camps.Register(c.Token, campaigns.Registrant{Name: "Olivia Diaz", Email: "olivia@example.com",
		Consent: campaigns.Consent{PersonalData: true, TextsVersion: consent.Current().Version}, StartsAt: slot.Format(time.RFC3339)})
	if err != nil {
		t.Fatal(err)
	}
	w.clock = slot.Add(time.Minute)
	if _, _, err := w.rooms.Append(res.Interview.ID, room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com"}, room.TypeStarted, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.rooms.Append(res.Interview.ID, room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com"}, room.TypeEnded, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Erase(w.console, "olivia@example.com"); err != nil {
		t.Fatal(err)
	}
	if left := w.holding("olivia", "Diaz", res.Interview.ID); len(left) != 1 || !strings.HasPrefix(left[0], "audit/") {
		t.Errorf("after the erasure the store holds %v", left)
	}
	after, err := w.camps.Get(c.ID)
	if err != nil || after.Registered != 0 || after.Slots[0].Booked != 0 {
		t.Errorf("campaign after the erasure = %+v, %v; want its seat free", after, err)
	}
}
