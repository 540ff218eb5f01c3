package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/campaigns"
)

// callCampaignRoutes calls the campaigns' console routes, then the shared
// link's public ones at base the way a candidate's browser does.
func callCampaignRoutes(t *testing.T, call func(method, path string, body any, status int) []byte, tpl, base string) {
	t.Helper()
	in := campaigns.Input{Name: "December backend", Position: "Backend engineer", TemplateID: tpl, TimeZone: "Europe/Berlin",
		Mode: campaigns.SlotsMode, Rules: []campaigns.Rule{{From: "2026-12-07", To: "2026-12-08", Start: "10:00", End: "11:30",
			Minutes: 45, Capacity: 1}}, CandidateChanges: true, ChangeHours: 24}
	var preview SlotPreview
	if err := json.Unmarshal(call("POST", "/api/campaigns/preview", in, 200), &preview); err != nil || len(preview.Slots) != 4 {
		t.Fatalf("preview: %+v, %v; want 4 slots", preview, err)
	}
	bad := in
	bad.Rules = []campaigns.Rule{{From: "2026-12-08", To: "2026-12-07", Start: "10:00", End: "11:00", Minutes: 45, Capacity: 1}}
	call("POST", "/api/campaigns/preview", bad, 422)
	call("POST", "/api/campaigns", bad, 422)
	var v CampaignView
	if err := json.Unmarshal(call("POST", "/api/campaigns", in, 201), &v); err != nil || !strings.HasPrefix(v.Link, "https://interviews.example.com/apply/") {
		t.Fatalf("create: %+v, %v", v, err)
	}
	id, token := v.Campaign.ID, v.Campaign.Token
	call("GET", "/api/campaigns", nil, 200)
	call("GET", "/api/campaigns/nope", nil, 404)
	in.Name = "December backend, week 1"
	call("PUT", "/api/campaigns/"+id, in, 200)
	call("PUT", "/api/campaigns/nope", in, 404)
	call("PUT", "/api/campaigns/"+id, bad, 422)

	slot := preview.Slots[0].StartsAt
	first := publicCall(t, base, "POST", "/apply/"+token+"/register", campaigns.Registrant{Name: "Grace Hopper", Email: "grace@example.com",
		Consent: campaigns.Consent{PersonalData: true}, StartsAt: slot.Format(time.RFC3339), TimeZone: "America/New_York"}, 201)
	var reg Registered
	if err := json.Unmarshal(first, &reg); err != nil || reg.Existing || !strings.Contains(reg.CandidateLink, "/join/") {
		t.Fatalf("registering: %s, %v", first, err)
	}
	again := publicCall(t, base, "POST", "/apply/"+token+"/register", campaigns.Registrant{Name: "Someone", Email: "GRACE@example.com",
		Consent: campaigns.Consent{PersonalData: true}, StartsAt: preview.Slots[1].StartsAt.Format(time.RFC3339)}, 201)
	var repeat Registered
	if err := json.Unmarshal(again, &repeat); err != nil || !repeat.Existing || repeat.CandidateLink != "" || !repeat.StartsAt.IsZero() {
		t.Errorf("the same address again: %s; want existing, without her link or time", again)
	}
	publicCall(t, base, "POST", "/apply/"+token+"/register", campaigns.Registrant{Name: "Ada", Email: "ada@example.com",
		StartsAt: slot.Format(time.RFC3339)}, 422) // no consent
	publicCall(t, base, "POST", "/apply/"+token+"/register", campaigns.Registrant{Name: "Ada", Email: "ada@example.com",
		Consent: campaigns.Consent{PersonalData: true}, StartsAt: slot.Format(time.RFC3339)}, 409) // Grace has the seat
	info := publicCall(t, base, "GET", "/apply/"+token+"/info", nil, 200)
	for _, secret := range []string{"Grace", "grace@", "Ada", id, tpl, "Rita"} {
		if bytes.Contains(info, []byte(secret)) {
			t.Errorf("the public view shows %q: %s", secret, info)
		}
	}
	publicCall(t, base, "GET", "/apply/"+strings.Repeat("x", 22)+"/info", nil, 404)

	personal := reg.CandidateLink[strings.LastIndex(reg.CandidateLink, "/")+1:]
	publicCall(t, base, "GET", "/join/"+personal+"/booking", nil, 200)
	publicCall(t, base, "POST", "/join/"+personal+"/booking", BookingChange{StartsAt: preview.Slots[2].StartsAt.Format(time.RFC3339)}, 200)
	publicCall(t, base, "POST", "/join/"+personal+"/booking", BookingChange{StartsAt: "2026-12-24T10:00:00Z"}, 422)
	publicCall(t, base, "DELETE", "/join/"+personal+"/booking", nil, 200)
	publicCall(t, base, "DELETE", "/join/"+personal+"/booking", nil, 409)

	var got CampaignView
	if err := json.Unmarshal(call("POST", "/api/campaigns/"+id+"/close", nil, 200), &got); err != nil || got.State != campaigns.Shut ||
		len(got.Registrations) != 1 || got.Registrations[0].Status != campaigns.Cancelled || got.Registrations[0].CandidateID == "" {
		t.Errorf("closed: %+v, %v; want closed with Grace's cancelled registration", got, err)
	}
	page := publicCall(t, base, "GET", "/apply/"+token, nil, 410)
	if !bytes.Contains(page, []byte("Registration is closed")) {
		t.Errorf("the closed campaign's page: %s", page)
	}
	call("POST", "/api/campaigns/"+id+"/reopen", nil, 200)
	call("POST", "/api/campaigns/nope/close", nil, 404)
	call("POST", "/api/campaigns/nope/reopen", nil, 404)
	call("GET", "/api/campaigns/"+id, nil, 200)
	call("GET", "/api/interviews?tense=cancelled&campaign="+id, nil, 200)
}

// publicCall sends a request without the console key, as a candidate's browser would.
func publicCall(t *testing.T, base, method, path string, body any, status int) []byte {
	t.Helper()
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		t.Errorf("%s %s = %d, want %d: %s", method, path, res.StatusCode, status, out)
	}
	return out
}
