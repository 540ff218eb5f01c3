package privacy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Media is the call's part in deleting recordings: it stops any recording of
// the room and forgets its files (media.SFU).
type Media interface {
	DiscardRecordings(ctx context.Context, room string) error
}

var _ Media = (*media.SFU)(nil)

// Config is what a Service is built from.
type Config struct {
	DB         *store.DB
	Interviews *interviews.Service
	Rooms      *room.Service
	Analysis   *analysis.Service
	// Candidates keeps the candidates' profiles and take-home results; nil:
	// none (interviews only).
	Candidates *candidates.Service
	Audit      *audit.Log
	// RecordDir holds the calls' recordings, one folder per interview
	// (media.Config.RecordDir).
	RecordDir string
	// Media, on a host that runs calls, deletes a room's recordings; nil:
	// the files are removed directly.
	Media Media
	// Push tells console clients that interviews changed; may be nil.
	Push   *push.Bus
	Logger *slog.Logger
	Now    func() time.Time
}

// Service deletes, retains, exports and erases interview data.
type Service struct {
	cfg Config
	// mu lets one deletion or retention run happen at a time.
	mu sync.Mutex

	stop context.CancelFunc
	done chan struct{}
}

// New returns a Service; Start runs its daily retention.
func New(cfg Config) *Service {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{cfg: cfg}
}

// Files are an interview's recording files on disk.
type Files struct {
	Count int   `json:"files"`
	Bytes int64 `json:"bytes"`
}

// folders are where interview id's files live: its tracks, then its
// combined recording.
func (s *Service) folders(id string) []string {
	var out []string
	if s.cfg.RecordDir != "" {
		out = append(out, media.RoomFolder(s.cfg.RecordDir, id))
	}
	if s.cfg.Analysis != nil {
		if dir := s.cfg.Analysis.Folder(id); dir != "" {
			out = append(out, dir)
		}
	}
	return out
}

// filesOf counts interview id's recording files.
func (s *Service) filesOf(id string) (Files, error) {
	var f Files
	for _, dir := range s.folders(id) {
		err := walkFiles(dir, func(_ string, info fs.FileInfo) {
			f.Count++
			f.Bytes += info.Size()
		})
		if err != nil {
			return f, err
		}
	}
	return f, nil
}

// walkFiles calls fn for every regular file under dir (none when dir does
// not exist).
func walkFiles(dir string, fn func(path string, info fs.FileInfo)) error {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			fn(path, info)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	return nil
}

// removeFiles deletes interview id's recording files: through the call when
// there is one (so it records and lists nothing of it any more), then the
// folders themselves.
func (s *Service) removeFiles(ctx context.Context, id string) error {
	var errs []error
	if s.cfg.Media != nil {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		if err := s.cfg.Media.DiscardRecordings(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	for _, dir := range s.folders(id) {
		if err := os.RemoveAll(dir); err != nil {
			errs = append(errs, fmt.Errorf("delete %s: %w", dir, err))
		}
	}
	return errors.Join(errs...)
}

// changed tells console clients that interview id changed (or is gone).
func (s *Service) changed(id string) {
	if s.cfg.Push != nil {
		s.cfg.Push.Publish(push.Event{Type: push.Interview, InterviewID: id})
		s.cfg.Push.Publish(push.Event{Type: push.Recordings, InterviewID: id})
	}
}
