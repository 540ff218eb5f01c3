package workspace

import (
	"context"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// runRemote runs r on the remote runner in the background; the result ends
// the run like a browser's report. sp.mu is held by the caller.
func (f *Feature) runRemote(r *run, req RemoteRequest) {
	ctx, cancel := context.WithTimeout(context.Background(), req.Timeout+f.cfg.ReportGrace)
	r.cancel = cancel
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		defer cancel()
		began := time.Now()
		res, err := f.cfg.Remote.Run(ctx, req)
		end := runEnd{Status: res.Status, ExitCode: res.ExitCode, DurationMS: time.Since(began).Milliseconds(),
			Error: res.Error}
		switch {
		case ctx.Err() == context.Canceled:
			end = runEnd{Status: "stopped", Error: "Stopped."}
		case ctx.Err() == context.DeadlineExceeded:
			end = runEnd{Status: "timeout", Error: "The code runner did not answer within the time limit."}
		case err != nil:
			end = runEnd{Status: "crashed", Error: fault.Text(err)}
		}
		_ = f.with(r.asker, func(sp *space) error {
			if sp.runs[r.data.ID] != r {
				return nil
			}
			if res.Stdout != "" {
				f.addOutput(r.asker, r, "stdout", res.Stdout)
			}
			if res.Stderr != "" {
				f.addOutput(r.asker, r, "stderr", res.Stderr)
			}
			f.finish(r.asker, sp, r, end)
			return nil
		})
	}()
}

// Close stops the remote runs going on and waits for them.
func (f *Feature) Close() error {
	f.spaces.mu.Lock()
	all := make([]*space, 0, len(f.spaces.m))
	for _, sp := range f.spaces.m {
		all = append(all, sp)
	}
	f.spaces.mu.Unlock()
	var cancels []context.CancelFunc
	for _, sp := range all {
		sp.mu.Lock()
		for _, r := range sp.runs {
			if r.cancel != nil {
				cancels = append(cancels, r.cancel)
			}
		}
		sp.mu.Unlock()
	}
	for _, c := range cancels {
		c()
	}
	f.wg.Wait()
	return nil
}
