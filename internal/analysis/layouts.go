package analysis

import (
	"fmt"
	"slices"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// The combined recording's other layouts: the analysis builds the
// picture-in-picture file (the one most people watch) and then, one at a
// time and at a lower CPU priority, the grid; a layout asked for before
// it is there is built on demand, with its progress in the analysis.

type layoutJob struct {
	id   string
	name LayoutName
}

// building lists a's layouts being built (to queue again after a stop).
func (a Analysis) building() []layoutJob {
	var out []layoutJob
	if a.Recording != nil {
		for _, l := range a.Recording.Layouts {
			if l.Status == LayoutBuilding {
				out = append(out, layoutJob{id: a.InterviewID, name: l.Name})
			}
		}
	}
	return out
}

// queueLayouts marks the layouts a's recording lacks as being built and
// returns their jobs; call it inside an update, then enqueueLayouts.
func (a *Analysis) queueLayouts() []layoutJob {
	if a.Recording == nil {
		return nil
	}
	var out []layoutJob
	for _, name := range layoutNames {
		if l, ok := a.Recording.layoutOf(name); ok && l.Status != LayoutFailed {
			continue
		}
		a.Recording.setLayout(Layout{Name: name, Status: LayoutBuilding})
		out = append(out, layoutJob{id: a.InterviewID, name: name})
	}
	return out
}

func (s *Service) enqueueLayouts(jobs []layoutJob) {
	for _, j := range jobs {
		select {
		case s.layouts <- j:
		default: // marked as building: queued again at the next start
			s.cfg.Logger.Warn("layout build waits for a restart: too many waiting", "interview", j.id, "layout", j.name)
		}
	}
}

// BuildLayout asks for interview id's combined recording in layout name:
// nothing to do when it is there or being built; otherwise it is queued
// (again, after a failure) and the analysis shows its progress.
func (s *Service) BuildLayout(id string, name LayoutName) (Analysis, error) {
	if !slices.Contains(layoutNames, name) {
		return Analysis{}, fmt.Errorf("recording of interview %s: %w", id, ErrLayout)
	}
	var jobs []layoutJob
	var out Analysis
	err := s.update(id, func(a *Analysis) {
		if a.Recording == nil {
			return
		}
		if l, ok := a.Recording.layoutOf(name); ok && l.Status != LayoutFailed {
			out = *a
			return
		}
		a.Recording.setLayout(Layout{Name: name, Status: LayoutBuilding})
		jobs = []layoutJob{{id: id, name: name}}
		out = *a
	})
	if err != nil {
		return Analysis{}, err
	}
	if out.Recording == nil {
		return Analysis{}, fmt.Errorf("recording of interview %s: %w", id, ErrNoRecording)
	}
	s.enqueueLayouts(jobs)
	return out, nil
}

func (s *Service) layoutWork() {
	defer s.wg.Done()
	for {
		select {
		case <-s.ctx.Done():
			return
		case j := <-s.layouts:
			s.buildLayout(j)
		}
	}
}

// buildLayout encodes one layout at a lower priority and stores how it went.
func (s *Service) buildLayout(j layoutJob) {
	set := func(l Layout) {
		err := s.update(j.id, func(a *Analysis) {
			if a.Recording != nil {
				a.Recording.setLayout(l)
			}
		})
		if err != nil {
			s.cfg.Logger.Warn("store layout progress", "interview", j.id, "err", err)
		}
	}
	var sent float64
	err := s.combineLayout(j, func(done float64) {
		if done = min(max(done, 0), 1); done-sent >= progressStep {
			sent = done
			set(Layout{Name: j.name, Status: LayoutBuilding, Progress: done})
		}
	})
	switch {
	case s.ctx.Err() != nil:
		return // stopped with the host: built at the next start
	case err != nil:
		s.cfg.Logger.Warn("combine the recording", "interview", j.id, "layout", j.name, "err", err)
		set(Layout{Name: j.name, Status: LayoutFailed, Progress: 1, Error: fault.Text(err)})
	default:
		set(Layout{Name: j.name, Status: LayoutReady, Progress: 1})
	}
}

func (s *Service) combineLayout(j layoutJob, progress func(float64)) error {
	if s.cfg.Combine == nil || s.cfg.Dir == "" {
		return fault.Explain(fault.Unavailable, nil, "this host does not combine recordings")
	}
	in, err := s.input(j.id)
	if err != nil {
		return err
	}
	if len(in.Recordings) == 0 {
		return fmt.Errorf("combine interview %s: %w", j.id, ErrNoRecording)
	}
	_, err = s.cfg.Combine(s.ctx, CombineJob{Interview: in.Interview, Recordings: in.Recordings, Layout: j.name,
		Out: s.layoutPath(j.id, j.name), LowPriority: true, Progress: progress})
	if s.ctx.Err() != nil {
		return s.ctx.Err()
	}
	return err
}
