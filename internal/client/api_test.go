package client

import (
	"context"
	"net/http"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// TestEveryCallIsARouteOfTheContract: each typed call reaches a route that
// internal/web/contract.go lists.
func TestEveryCallIsARouteOfTheContract(t *testing.T) {
	mux := http.NewServeMux()
	hit := map[string]bool{}
	for _, e := range web.Contract().Endpoints {
		mux.HandleFunc(e.Key(), func(w http.ResponseWriter, r *http.Request) {
			hit[e.Key()] = true
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte("{}"))
		})
	}
	calls := 0
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("%s %s is no route of the contract", r.Method, r.URL.Path)
		http.NotFound(w, r)
	})
	c := InProcess(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls++; mux.ServeHTTP(w, r) }), "key")
	ctx := context.Background()
	_, _ = c.Health(ctx)
	_, _ = c.Templates(ctx)
	_, _ = c.Template(ctx, "t1")
	_, _ = c.ImportTemplates(ctx, []byte("{}"))
	_, _ = c.ExportTemplate(ctx, "t1")
	_, _ = c.Interviews(ctx, InterviewQuery{Tense: interviews.Upcoming})
	_, _ = c.Interview(ctx, "iv1")
	_, _ = c.CreateInterview(ctx, interviews.NewInterview{When: interviews.Now})
	_, _ = c.Reschedule(ctx, "iv1", web.Reschedule{StartsAt: "2026-12-01T14:30"})
	_, _ = c.CancelInterview(ctx, "iv1")
	_, _ = c.RestoreInterview(ctx, "iv1")
	_, _ = c.AddInterviewer(ctx, "iv1", interviews.Person{Name: "Ivan", Email: "ivan@example.com"})
	_, _ = c.RemoveInterviewer(ctx, "iv1", "ivan@example.com")
	_, _ = c.Invitation(ctx, "iv1", "candidate")
	_, _ = c.CalendarFile(ctx, "iv1", "interviewer:ivan@example.com")
	_, _ = c.Outbox(ctx, "iv1")
	_, _ = c.SendInvitations(ctx, "iv1")
	_, _ = c.MailSettings(ctx)
	_, _ = c.SaveMailSettings(ctx, settings.MailUpdate{})
	_, _ = c.TestMail(ctx, "zoe@example.org")
	_, _ = c.Timeline(ctx, "iv1")
	_, _ = c.Report(ctx, "iv1")
	_, _ = c.ReportFile(ctx, "iv1", "html")
	_, _ = c.ReportFile(ctx, "iv1", "pdf")
	if _, err := c.ReportFile(ctx, "iv1", "docx"); err == nil {
		t.Error("a report in docx")
	}
	if calls != 24 || len(hit) != 24 {
		t.Errorf("%d calls reached %d routes, want 24 and 24", calls, len(hit))
	}
}
