package app

import (
	"context"
	"log/slog"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/interviewdesk/interviewdesk/internal/window"
)

// placement brings the window back where it was (package window) and
// remembers where it is when it closes.
type placement struct {
	dir     string
	log     *slog.Logger
	initial window.Geometry // as loaded; the size the window opens with
	done    bool            // restored once, on the first DOM ready
}

func newPlacement(dir string, log *slog.Logger) *placement {
	g, err := window.Load(dir)
	if err != nil {
		log.Warn("window size and place forgotten", "err", err)
	}
	return &placement{dir: dir, log: log, initial: g}
}

func (p *placement) startState() options.WindowStartState {
	if p.initial.Maximised {
		return options.Maximised
	}
	return options.Normal
}

// restore fits the stored geometry to the screen the window opened on. It
// runs once the page is up: Wails centres the window as it shows it.
func (p *placement) restore(ctx context.Context) {
	if p.done {
		return
	}
	p.done = true
	w, h := currentScreen(ctx)
	g := p.initial.Fit(w, h)
	if p.initial.Maximised {
		return
	}
	runtime.WindowSetSize(ctx, g.Width, g.Height)
	if g.Placed {
		runtime.WindowSetPosition(ctx, g.X, g.Y)
	}
	p.log.Info("window placed", "x", g.X, "y", g.Y, "width", g.Width, "height", g.Height, "placed", g.Placed)
}

// currentScreen is the size of the screen showing the window (else the
// primary one); 0×0 when unknown.
func currentScreen(ctx context.Context) (int, int) {
	screens, err := runtime.ScreenGetAll(ctx)
	if err != nil {
		return 0, 0
	}
	var w, h int
	for _, s := range screens {
		if s.IsCurrent || (s.IsPrimary && w == 0) {
			w, h = s.Size.Width, s.Size.Height
		}
	}
	return w, h
}

// remember saves the window's geometry as it closes.
func (p *placement) remember(ctx context.Context) {
	x, y := runtime.WindowGetPosition(ctx)
	w, h := runtime.WindowGetSize(ctx)
	g := window.Observed(p.initial, x, y, w, h, runtime.WindowIsMaximised(ctx), runtime.WindowIsMinimised(ctx))
	if err := window.Save(p.dir, g); err != nil {
		p.log.Warn("window size and place not saved", "err", err)
		return
	}
	p.log.Info("window size and place saved", "x", g.X, "y", g.Y, "width", g.Width, "height", g.Height, "maximised", g.Maximised)
}
