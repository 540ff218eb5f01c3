package candidates

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

func TestACampaignBookingNamesTheCampaignOnTheApplication(t *testing.T) {
	f := setup(t)
	book := func(campaignID, position string, days int) {
		t.Helper()
		_, err := f.ivs.CreateBooked(interviews.NewInterview{TemplateID: f.tpl.ID, Position: position, CandidateName: "Ana Lima",
			CandidateEmail: "ana@example.com", When: interviews.Later, Campaign: "Spring " + campaignID,
			StartsAt: f.now().AddDate(0, 0, days).Format(time.RFC3339)}, interviews.Booking{CampaignID: campaignID})
		if err != nil {
			t.Fatalf("book through %s: %v", campaignID, err)
		}
	}
	book("cmp-1", "Backend", 2)
	f.schedule("Ana Lima", "ana@example.com", "Frontend", 3) // no campaign
	book("cmp-2", "Backend", 4)                              // the same position through another campaign

	c := f.get("ana@example.com")
	byPosition := map[string]string{}
	for _, a := range c.Applications {
		byPosition[a.Position] = a.CampaignID
	}
	if byPosition["Backend"] != "cmp-1" {
		t.Errorf("Backend came through %q, want the first campaign cmp-1", byPosition["Backend"])
	}
	if id, ok := byPosition["Frontend"]; !ok || id != "" {
		t.Errorf("Frontend (no campaign) = %q, %v; want an application without a campaign", id, ok)
	}
}
