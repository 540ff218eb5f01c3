package analysis

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
)

// CombineJob asks for the call's one recording in one layout.
type CombineJob struct {
	Interview  interviews.Interview
	Recordings []media.Recording // every finished track
	Layout     LayoutName
	Out        string // the file to write; replaced only when the build succeeds
	// LowPriority encodes at a lower CPU priority: for a layout built in the
	// background, so that whatever else runs (a live interview) comes first.
	LowPriority bool
	Progress    func(done float64) // 0..1
}

// Combiner builds the call's one recording (the host's is package mixdown).
type Combiner func(ctx context.Context, j CombineJob) (Combined, error)

// layoutNames are the layouts there are, the one built with the analysis first.
var layoutNames = []LayoutName{LayoutPIP, LayoutGrid}

// layoutFile is the file of layout name in an interview's folder
// (picture-in-picture keeps the name it had before layouts).
func layoutFile(name LayoutName) string {
	if name == LayoutPIP {
		return "interview.webm"
	}
	return "interview-" + string(name) + ".webm"
}

func (s *Service) layoutPath(id string, name LayoutName) string {
	if s.cfg.Dir == "" {
		return ""
	}
	return filepath.Join(s.cfg.Dir, filepath.Base(id), layoutFile(name))
}

// layoutOf finds layout name of c; an analysis from before layouts has its
// picture-in-picture file only.
func (c *Combined) layoutOf(name LayoutName) (Layout, bool) {
	if len(c.Layouts) == 0 && name == LayoutPIP {
		return Layout{Name: LayoutPIP, Status: LayoutReady, Progress: 1}, true
	}
	i := slices.IndexFunc(c.Layouts, func(l Layout) bool { return l.Name == name })
	if i < 0 {
		return Layout{}, false
	}
	return c.Layouts[i], true
}

// setLayout puts l in c's list, replacing the layout of its name.
func (c *Combined) setLayout(l Layout) {
	if len(c.Layouts) == 0 {
		c.Layouts = []Layout{{Name: LayoutPIP, Status: LayoutReady, Progress: 1}}
	}
	if i := slices.IndexFunc(c.Layouts, func(x Layout) bool { return x.Name == l.Name }); i >= 0 {
		c.Layouts[i] = l
		return
	}
	c.Layouts = append(c.Layouts, l)
}

// withLayouts is the recording a run just built (picture-in-picture) with
// the other layouts prev had ready: the tracks of an ended interview do
// not change, so their files still hold.
func withLayouts(built Combined, prev *Combined) Combined {
	built.Layouts = []Layout{{Name: LayoutPIP, Status: LayoutReady, Progress: 1}}
	if prev == nil {
		return built
	}
	for _, l := range prev.Layouts {
		if l.Name != LayoutPIP && l.Status == LayoutReady {
			built.Layouts = append(built.Layouts, l)
		}
	}
	return built
}

// RecordingFile is the file of interview id's combined recording in layout
// (picture-in-picture when empty), once it is built.
func (s *Service) RecordingFile(id string, layout LayoutName) (string, error) {
	if layout == "" {
		layout = LayoutPIP
	}
	if !slices.Contains(layoutNames, layout) {
		return "", fmt.Errorf("recording of interview %s: %w", id, ErrLayout)
	}
	a, err := s.Get(id)
	if err != nil {
		return "", err
	}
	if a.Recording == nil || s.cfg.Dir == "" {
		return "", fmt.Errorf("recording of interview %s: %w", id, ErrNoRecording)
	}
	if l, ok := a.Recording.layoutOf(layout); !ok || l.Status != LayoutReady {
		return "", fmt.Errorf("recording of interview %s in layout %s: %w", id, layout, ErrNoRecording)
	}
	return s.layoutPath(id, layout), nil
}
