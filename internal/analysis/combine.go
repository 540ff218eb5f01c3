package analysis

import (
	"fmt"
	"path/filepath"
)

// combine builds the one recording of the call, reporting its share of the
// progress (the first 30 %). A failure is logged, not fatal: the analysis
// goes on and the tracks stay playable one by one.
func (s *Service) combine(id string, in Input, report Progress) *Combined {
	if s.cfg.Combine == nil || s.cfg.Dir == "" || len(in.recordings) == 0 {
		return nil
	}
	report("Combining the recording", 0)
	out := s.combinedPath(id)
	c, err := s.cfg.Combine(s.ctx, in.interview, in.recordings, out, func(done float64) {
		report("Combining the recording", 0.3*min(max(done, 0), 1))
	})
	if err != nil {
		s.cfg.Logger.Warn("combine the recording", "interview", id, "err", err)
		return nil
	}
	return &c
}

func (s *Service) combinedPath(id string) string {
	return filepath.Join(s.cfg.Dir, filepath.Base(id), "interview.webm")
}

// RecordingFile is the file of interview id's combined recording.
func (s *Service) RecordingFile(id string) (string, error) {
	a, err := s.Get(id)
	if err != nil {
		return "", err
	}
	if a.Recording == nil || s.cfg.Dir == "" {
		return "", fmt.Errorf("recording of interview %s: %w", id, ErrNoRecording)
	}
	return s.combinedPath(id), nil
}
