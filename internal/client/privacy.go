package client

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// PurgePreview says what deleting interview id for good removes.
func (c *Client) PurgePreview(ctx context.Context, id string) (privacy.Contents, error) {
	return call[privacy.Contents](ctx, c, http.MethodGet, interviewPath(id, "/purge"), nil)
}

// Purge deletes interview id for good with everything of it.
func (c *Client) Purge(ctx context.Context, id string) (privacy.Contents, error) {
	return call[privacy.Contents](ctx, c, http.MethodPost, interviewPath(id, "/purge"), nil)
}

// ConsentRecord returns what interview id's candidate agreed to.
func (c *Client) ConsentRecord(ctx context.Context, id string) (privacy.ConsentRecord, error) {
	return call[privacy.ConsentRecord](ctx, c, http.MethodGet, interviewPath(id, "/consent"), nil)
}

// Retention returns the retention settings.
func (c *Client) Retention(ctx context.Context) (privacy.Retention, error) {
	return call[privacy.Retention](ctx, c, http.MethodGet, "/api/settings/retention", nil)
}

// SetRetention changes the retention settings.
func (c *Client) SetRetention(ctx context.Context, s privacy.RetentionSettings) (privacy.Retention, error) {
	return call[privacy.Retention](ctx, c, http.MethodPut, "/api/settings/retention", s)
}

// RetentionPreview says what applying retention now removes.
func (c *Client) RetentionPreview(ctx context.Context) (privacy.RetentionPlan, error) {
	return call[privacy.RetentionPlan](ctx, c, http.MethodGet, "/api/retention/preview", nil)
}

// ApplyRetention applies retention now.
func (c *Client) ApplyRetention(ctx context.Context) (privacy.RetentionRun, error) {
	return call[privacy.RetentionRun](ctx, c, http.MethodPost, "/api/retention/apply", nil)
}

// RetentionLog returns a page of the retention log before seq (0: newest).
func (c *Client) RetentionLog(ctx context.Context, before uint64, limit int) (privacy.RetentionLog, error) {
	return call[privacy.RetentionLog](ctx, c, http.MethodGet, "/api/retention/log?"+page(before, limit).Encode(), nil)
}

// CandidateData returns what the install holds about the candidate with email.
func (c *Client) CandidateData(ctx context.Context, email string) (privacy.CandidateData, error) {
	return call[privacy.CandidateData](ctx, c, http.MethodGet, "/api/candidate-data?"+url.Values{"email": {email}}.Encode(), nil)
}

// ExportCandidate writes the candidate's data archive (ZIP) to w.
func (c *Client) ExportCandidate(ctx context.Context, email string, w io.Writer) (int64, error) {
	return c.Download(ctx, "/api/candidate-data/export?"+url.Values{"email": {email}}.Encode(), w)
}

// EraseCandidate erases everything about the candidate with email.
func (c *Client) EraseCandidate(ctx context.Context, email string) (privacy.CandidateData, error) {
	return call[privacy.CandidateData](ctx, c, http.MethodPost, "/api/candidate-data/erase", web.CandidateEmail{Email: email})
}

// BackupStatus says when the last backup was made.
func (c *Client) BackupStatus(ctx context.Context) (web.BackupStatus, error) {
	return call[web.BackupStatus](ctx, c, http.MethodGet, "/api/backup", nil)
}

// Backup writes a backup archive (ZIP) of the host's data folder to w, with
// the recordings when withMedia.
func (c *Client) Backup(ctx context.Context, w io.Writer, withMedia bool) (int64, error) {
	return c.Download(ctx, "/api/backup/archive?media="+strconv.FormatBool(withMedia), w)
}

// AuditQuery picks a page of the audit log.
type AuditQuery struct {
	Kind   audit.Kind
	Before uint64
	Limit  int
}

// Audit returns a page of the audit log, newest first.
func (c *Client) Audit(ctx context.Context, q AuditQuery) (audit.Page, error) {
	v := page(q.Before, q.Limit)
	if q.Kind != "" {
		v.Set("kind", string(q.Kind))
	}
	return call[audit.Page](ctx, c, http.MethodGet, "/api/audit?"+v.Encode(), nil)
}

func page(before uint64, limit int) url.Values {
	v := url.Values{}
	if before > 0 {
		v.Set("before", strconv.FormatUint(before, 10))
	}
	if limit > 0 {
		v.Set("limit", strconv.Itoa(limit))
	}
	return v
}
