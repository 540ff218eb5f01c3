package analysis

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Deleting analyses, for an interview deleted for good or a recording past
// its retention. An analysis stored for an interview that no longer exists
// is refused (put), so a run that ends after the deletion leaves nothing.

// FilesDir holds one folder of files per interview (Folder); "" on a
// service without files.
func (s *Service) FilesDir() string { return s.cfg.Dir }

// Folder is where interview id's files (the combined recording) are kept;
// "" on a service without files.
func (s *Service) Folder(id string) string {
	if s.cfg.Dir == "" {
		return ""
	}
	return filepath.Join(s.cfg.Dir, filepath.Base(id))
}

// Delete removes interview id's analysis in tx and reports whether there was
// one. An analysis queued or running is not deleted: ErrBusy. Remove
// Folder(id) once tx has committed.
func Delete(tx *store.Tx, id string) (bool, error) {
	b := store.BucketOf(tx, store.BucketAnalysis)
	raw := b.Get([]byte(id))
	if raw == nil {
		return false, nil
	}
	var a struct{ Status Status }
	if err := json.Unmarshal(raw, &a); err != nil {
		return false, fmt.Errorf("decode analysis of %s: %w", id, err)
	}
	if a.Status == StatusQueued || a.Status == StatusRunning {
		return false, fmt.Errorf("delete analysis of %s: %w", id, fault.Explain(fault.Conflict, ErrBusy,
			"The analysis of this interview is running. Wait until it has finished (or failed), then try again."))
	}
	if err := b.Delete([]byte(id)); err != nil {
		return false, fmt.Errorf("delete analysis of %s: %w", id, err)
	}
	return true, nil
}

// DropRecording deletes interview id's combined recording and takes it out
// of its analysis (the transcript and scores stay). It reports whether there
// was one; an analysis queued or running gives ErrBusy.
func (s *Service) DropRecording(id string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.Get(id)
	if errors.Is(err, ErrNone) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if a.Status == StatusQueued || a.Status == StatusRunning {
		return false, fmt.Errorf("drop the recording of %s: %w", id, ErrBusy)
	}
	had := a.Recording != nil
	if had {
		a.Recording = nil
		if err := s.put(a); err != nil {
			return false, err
		}
	}
	if dir := s.Folder(id); dir != "" {
		if err := os.Remove(filepath.Join(dir, "interview.webm")); err != nil && !errors.Is(err, os.ErrNotExist) {
			return had, fmt.Errorf("delete the combined recording of %s: %w", id, err)
		}
	}
	return had, nil
}
