package host

import (
	"path/filepath"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/backup"
	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// privacyServices builds the audit log, deletion and retention, and backups
// into svc, and keeps the consent texts candidates are shown in the store.
func (h *Host) privacyServices(svc *web.Services) {
	log := audit.New(h.db, h.now)
	cfg := privacy.Config{DB: h.db, Interviews: svc.Interviews, Rooms: svc.Rooms, Analysis: h.analysis, Candidates: svc.Candidates, Audit: log,
		RecordDir: filepath.Join(h.cfg.DataDir, RecordingDir), Push: h.push, Logger: h.log, Now: h.now}
	if h.call != nil {
		cfg.Media = h.call.sfu
	}
	h.privacy = privacy.New(cfg)
	svc.Audit, svc.Privacy = log, h.privacy
	svc.Backups = backup.NewService(backup.Source{DB: h.db, Media: MediaFolders(h.cfg.DataDir), Version: h.cfg.Version, Now: h.now}, log)
}

// MediaFolders are the data folder's folders of recordings, as backups hold
// them.
func MediaFolders(dataDir string) []backup.Folder {
	return []backup.Folder{{Name: RecordingDir, Path: filepath.Join(dataDir, RecordingDir)},
		{Name: AnalysisDir, Path: filepath.Join(dataDir, AnalysisDir)}}
}

// keepConsentTexts stores the consent texts this release shows, so every
// consent given with them can be shown with its words later.
func (h *Host) keepConsentTexts() error {
	return h.db.Update(func(tx *store.Tx) error { return consent.Keep(tx, consent.Current()) })
}

// retentionRan logs what a retention run of the host did.
func (h *Host) retentionRan(run privacy.RetentionRun, err error) {
	switch {
	case err != nil:
		h.log.Warn("retention run failed", "err", err)
	case len(run.Deleted) > 0 || len(run.Skipped) > 0:
		h.log.Info("retention run", "deleted", len(run.Deleted), "skipped", len(run.Skipped), "files", run.Files.Count)
	}
}
