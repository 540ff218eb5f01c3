package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/report"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// The console API's calls, typed with the Go types the host encodes and decodes
// (internal/web/contract.go), so the client cannot drift from the host.

// call sends body (nil for none) and decodes the answer into a T.
func call[T any](ctx context.Context, c *Client, method, path string, body any) (T, error) {
	var out T
	err := c.Do(ctx, method, path, body, &out)
	return out, err
}

func interviewPath(id string, rest ...string) string {
	p := "/api/interviews/" + url.PathEscape(id)
	for _, r := range rest {
		p += r
	}
	return p
}

// Health says which host answers.
func (c *Client) Health(ctx context.Context) (web.Health, error) {
	return call[web.Health](ctx, c, http.MethodGet, "/api/health", nil)
}

// Templates lists the templates, sorted by name.
func (c *Client) Templates(ctx context.Context) ([]templates.Summary, error) {
	l, err := call[web.TemplateList](ctx, c, http.MethodGet, "/api/templates", nil)
	return l.Templates, err
}

// Template returns one template.
func (c *Client) Template(ctx context.Context, id string) (templates.Template, error) {
	return call[templates.Template](ctx, c, http.MethodGet, "/api/templates/"+url.PathEscape(id), nil)
}

// ImportTemplates imports a template file (docs/template-format.md).
func (c *Client) ImportTemplates(ctx context.Context, file []byte) ([]templates.Summary, error) {
	l, err := call[web.TemplateList](ctx, c, http.MethodPost, "/api/templates/import", file)
	return l.Templates, err
}

// ExportTemplate returns a template file.
func (c *Client) ExportTemplate(ctx context.Context, id string) ([]byte, error) {
	return c.DoRaw(ctx, http.MethodGet, "/api/templates/"+url.PathEscape(id)+"/export", nil)
}

// InterviewQuery picks an interview list.
type InterviewQuery struct {
	Tense  interviews.Tense
	Search string
	Limit  int
}

// Interviews lists one tab's interviews.
func (c *Client) Interviews(ctx context.Context, q InterviewQuery) (web.InterviewList, error) {
	v := url.Values{"tense": {string(q.Tense)}, "q": {q.Search}, "limit": {strconv.Itoa(q.Limit)}}
	return call[web.InterviewList](ctx, c, http.MethodGet, "/api/interviews?"+v.Encode(), nil)
}

// Interview returns one interview.
func (c *Client) Interview(ctx context.Context, id string) (web.Interview, error) {
	return call[web.Interview](ctx, c, http.MethodGet, interviewPath(id), nil)
}

// CreateInterview schedules an interview.
func (c *Client) CreateInterview(ctx context.Context, in interviews.NewInterview) (web.Interview, error) {
	return call[web.Interview](ctx, c, http.MethodPost, "/api/interviews", in)
}

// Reschedule moves an interview.
func (c *Client) Reschedule(ctx context.Context, id string, r web.Reschedule) (web.Interview, error) {
	return call[web.Interview](ctx, c, http.MethodPost, interviewPath(id, "/reschedule"), r)
}

// CancelInterview cancels an interview (RestoreInterview undoes it).
func (c *Client) CancelInterview(ctx context.Context, id string) (web.Interview, error) {
	return call[web.Interview](ctx, c, http.MethodDelete, interviewPath(id), nil)
}

// RestoreInterview restores a cancelled interview.
func (c *Client) RestoreInterview(ctx context.Context, id string) (web.Interview, error) {
	return call[web.Interview](ctx, c, http.MethodPost, interviewPath(id, "/restore"), nil)
}

// AddInterviewer adds an interviewer.
func (c *Client) AddInterviewer(ctx context.Context, id string, p interviews.Person) (web.Interview, error) {
	return call[web.Interview](ctx, c, http.MethodPost, interviewPath(id, "/interviewers"), p)
}

// RemoveInterviewer removes the interviewer with email.
func (c *Client) RemoveInterviewer(ctx context.Context, id, email string) (web.Interview, error) {
	return call[web.Interview](ctx, c, http.MethodDelete, interviewPath(id, "/interviewers/", url.PathEscape(email)), nil)
}

// Invitation is who's full invitation ("candidate", "interviewer" or
// "interviewer:EMAIL").
func (c *Client) Invitation(ctx context.Context, id, who string) (invitation.Details, error) {
	return call[invitation.Details](ctx, c, http.MethodGet, interviewPath(id, "/invitation?for=", url.QueryEscape(who)), nil)
}

// CalendarFile is who's calendar invitation (.ics).
func (c *Client) CalendarFile(ctx context.Context, id, who string) ([]byte, error) {
	return c.DoRaw(ctx, http.MethodGet, interviewPath(id, "/ics?for=", url.QueryEscape(who)), nil)
}

// Outbox lists an interview's emails, newest first.
func (c *Client) Outbox(ctx context.Context, id string) (invitation.Outbox, error) {
	return call[invitation.Outbox](ctx, c, http.MethodGet, interviewPath(id, "/outbox"), nil)
}

// SendInvitations queues everyone's invitation again.
func (c *Client) SendInvitations(ctx context.Context, id string) (invitation.Outbox, error) {
	return call[invitation.Outbox](ctx, c, http.MethodPost, interviewPath(id, "/invitations"), nil)
}

// MailSettings returns the email settings (never the password).
func (c *Client) MailSettings(ctx context.Context) (invitation.MailSettings, error) {
	return call[invitation.MailSettings](ctx, c, http.MethodGet, "/api/settings/mail", nil)
}

// SaveMailSettings stores new email settings.
func (c *Client) SaveMailSettings(ctx context.Context, u settings.MailUpdate) (invitation.MailSettings, error) {
	return call[invitation.MailSettings](ctx, c, http.MethodPut, "/api/settings/mail", u)
}

// TestMail sends a test email to to.
func (c *Client) TestMail(ctx context.Context, to string) (web.TestMailSent, error) {
	return call[web.TestMailSent](ctx, c, http.MethodPost, "/api/settings/mail/test", web.TestMail{To: to})
}

// Timeline is the interview's timeline rows and the state they come from.
func (c *Client) Timeline(ctx context.Context, id string) (web.Timeline, error) {
	return call[web.Timeline](ctx, c, http.MethodGet, interviewPath(id, "/timeline"), nil)
}

// Report is an ended interview's report.
func (c *Client) Report(ctx context.Context, id string) (report.Report, error) {
	return call[report.Report](ctx, c, http.MethodGet, interviewPath(id, "/report"), nil)
}

// ReportFormats are the files a report exports to.
var ReportFormats = []string{"html", "pdf"}

// ReportFile is an ended interview's report as a file: format is "html" or
// "pdf" (ReportFormats).
func (c *Client) ReportFile(ctx context.Context, id, format string) ([]byte, error) {
	if !slices.Contains(ReportFormats, format) {
		return nil, fmt.Errorf("a report exports to html or pdf, not %q", format)
	}
	return c.DoRaw(ctx, http.MethodGet, interviewPath(id, "/report."+format), nil)
}

// Users lists the team host's accounts, by email.
func (c *Client) Users(ctx context.Context) ([]accounts.User, error) {
	l, err := call[web.UserList](ctx, c, http.MethodGet, "/api/users", nil)
	return l.Users, err
}

// User finds the account with email (any case).
func (c *Client) User(ctx context.Context, email string) (accounts.User, error) {
	list, err := c.Users(ctx)
	if err != nil {
		return accounts.User{}, err
	}
	for _, u := range list {
		if strings.EqualFold(u.Email, strings.TrimSpace(email)) {
			return u, nil
		}
	}
	return accounts.User{}, fmt.Errorf("no account has the email %q; `interviewdesk user list` shows them", email)
}

// InviteUser creates an account and sends its password-setup link by d.
func (c *Client) InviteUser(ctx context.Context, in web.UserInvite) (web.InvitedUser, error) {
	return call[web.InvitedUser](ctx, c, http.MethodPost, "/api/users", in)
}

// SetUserRole gives account id another role; its sessions end.
func (c *Client) SetUserRole(ctx context.Context, id string, role accounts.Role) (accounts.User, error) {
	return call[accounts.User](ctx, c, http.MethodPut, "/api/users/"+url.PathEscape(id)+"/role", web.RoleChange{Role: role})
}

// RemoveUser deletes account id; it is signed out everywhere.
func (c *Client) RemoveUser(ctx context.Context, id string) error {
	return c.Do(ctx, http.MethodDelete, "/api/users/"+url.PathEscape(id), nil, nil)
}

// ResendSetup sends account id a new password-setup link by d.
func (c *Client) ResendSetup(ctx context.Context, id string, d accounts.Delivery) (web.InvitedUser, error) {
	return call[web.InvitedUser](ctx, c, http.MethodPost, "/api/users/"+url.PathEscape(id)+"/setup-link", web.SetupLinkRequest{Delivery: d})
}
