package privacy

import (
	"context"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
)

// RetentionEvery is how often a serving host applies retention.
const RetentionEvery = 24 * time.Hour

// Start applies retention now and then every RetentionEvery, in the
// background, until Close. ran, if given, hears of each run (its error
// too): the host logs them.
func (s *Service) Start(ran func(RetentionRun, error)) {
	ctx, cancel := context.WithCancel(audit.With(context.Background(), audit.By(audit.ViaHost)))
	s.stop, s.done = cancel, make(chan struct{})
	go func() {
		defer close(s.done)
		t := time.NewTimer(0)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			run, err := s.ApplyRetention(ctx, Automatic)
			if ran != nil {
				ran(run, err)
			}
			t.Reset(RetentionEvery)
		}
	}()
}

// Close stops the daily retention and waits for a run in progress.
func (s *Service) Close() error {
	if s.stop != nil {
		s.stop()
		<-s.done
	}
	return nil
}
