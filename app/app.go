package app

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/instance"
	"github.com/interviewdesk/interviewdesk/internal/notify"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/teamhost"
	"github.com/interviewdesk/interviewdesk/internal/window"
)

// Config describes the desktop app.
type Config struct {
	DataDir   string
	Listen    string
	PublicURL string
	Console   fs.FS
	Version   string
	Icon      []byte // PNG of the window's icon (Linux; elsewhere the executable's)
}

// Run opens the console window and blocks until it closes. When another
// InterviewDesk already shows the data folder, it brings that window forward
// and returns nil.
func Run(cfg Config, log *slog.Logger) error {
	started := time.Now()
	if cfg.DataDir == "" {
		dir, err := host.DefaultDataDir()
		if err != nil {
			return err
		}
		cfg.DataDir = dir
	}
	native := &Native{log: log}
	if bindingsOnly {
		return wails.Run(&options.App{Title: "InterviewDesk", Bind: []any{native}})
	}
	if askRunning(cfg.DataDir, 0) {
		log.Info("InterviewDesk already runs on this data folder: its window was brought forward", "data", cfg.DataDir)
		return nil
	}
	h, hostErr := startHost(cfg, log)
	if errors.Is(hostErr, store.ErrLocked) && askRunning(cfg.DataDir, startupWait) {
		log.Info("InterviewDesk started on this data folder at the same time: its window was brought forward", "data", cfg.DataDir)
		return nil
	}
	d := &desktop{cfg: cfg, log: log, native: native, started: started, notes: notify.None{},
		place: newPlacement(cfg.DataDir, log)}
	if hostErr != nil {
		log.Error("host did not start", "err", hostErr)
		d.handler = problemPage(hostErr)
	} else {
		defer h.Close()
		door := ConsoleHandler(h, cfg.DataDir, log)
		defer door.Close() // before the host closes
		d.host, d.door, d.handler = h, door, door
		native.api = d.handler
		shown := func() {
			log.Info("a second launch on this data folder: window brought forward")
			native.focus()
		}
		if ln, err := instance.Listen(cfg.DataDir, shown, log); err != nil {
			log.Warn("a second launch on this data folder will not find this window", "err", err)
		} else {
			defer ln.Close()
		}
	}
	err := wails.Run(d.options())
	// A console that could not open its data said why in the window; the
	// process still ends in failure.
	return errors.Join(err, hostErr)
}

// desktop is the window's parts and their lifecycle.
type desktop struct {
	cfg     Config
	log     *slog.Logger
	native  *Native
	started time.Time
	host    *host.Host     // nil when the data folder could not be opened
	door    *teamhost.Door // the console's handler: this computer's host or a team host
	handler http.Handler
	place   *placement
	relay   *pushRelay // the host's live changes, as Wails events
	notes   notify.Notifier
	ready   *notify.Watch
}

func (d *desktop) options() *options.App {
	return &options.App{
		Title:            "InterviewDesk",
		Width:            d.place.initial.Width,
		Height:           d.place.initial.Height,
		MinWidth:         window.MinWidth,
		MinHeight:        window.MinHeight,
		WindowStartState: d.place.startState(),
		AssetServer:      &assetserver.Options{Assets: devAssets(d.cfg.Console), Handler: startsOn(onMainThread, d.handler)},
		BackgroundColour: &options.RGBA{R: 245, G: 246, B: 250, A: 255},
		OnStartup:        d.startup,
		OnDomReady:       d.domReady,
		OnBeforeClose:    d.beforeClose,
		OnShutdown:       d.shutdown,
		Bind:             []any{d.native},
		Linux: &linux.Options{ProgramName: "interviewdesk", Icon: d.cfg.Icon,
			WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	}
}

func (d *desktop) startup(ctx context.Context) {
	d.native.startup(ctx)
	if d.door != nil {
		// The chosen host's live changes: the embedded host's, or the team
		// host's stream as the door reads it.
		d.relay = startPushRelay(d.door.Push(), wailsEmit(ctx))
		d.notes = notify.Default(ctx, d.log)
		d.ready = notify.Ready(d.door.Push(), d.notes, d.native.openInterview, d.log)
	}
}

func (d *desktop) domReady(ctx context.Context) {
	d.place.restore(ctx)
	d.log.Info("console ready", "startup_ms", time.Since(d.started).Milliseconds())
}

func (d *desktop) beforeClose(ctx context.Context) (prevent bool) {
	d.place.remember(ctx)
	return false
}

func (d *desktop) shutdown(context.Context) {
	d.ready.Stop()
	_ = d.notes.Close()
	d.relay.stop()
}

// ConsoleHandler is the handler the window mounts on Wails' asset server:
// the console's files from the embedded host h, the console API from the
// host the user chose (h's own, or a team host; internal/teamhost).
func ConsoleHandler(h *host.Host, dataDir string, log *slog.Logger) *teamhost.Door {
	return teamhost.New(teamhost.Config{DataDir: dataDir, Local: h.TrustedHandler(), LocalPush: h.Push()},
		log.With("part", "team host"))
}

// startupWait is how long a launch that lost the race for the data folder
// waits for the winner to listen for it.
const startupWait = 5 * time.Second

// askRunning asks the instance on dir to show itself, trying for up to wait
// while it may still be starting; it reports whether one answered.
func askRunning(dir string, wait time.Duration) bool {
	deadline := time.Now().Add(wait)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := instance.Ask(ctx, dir)
		cancel()
		if err == nil {
			return true
		}
		if !errors.Is(err, instance.ErrNotRunning) || time.Now().After(deadline) {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// startHost opens the data folder and serves candidate links. A busy default
// port falls back to a free one, so a second app on another folder still starts.
func startHost(cfg Config, log *slog.Logger) (*host.Host, error) {
	listen := cfg.Listen
	if listen == "" {
		listen = host.DefaultListen
	}
	open := func(listen string) (*host.Host, error) {
		return host.Open(host.Config{DataDir: cfg.DataDir, Listen: listen, PublicURL: cfg.PublicURL,
			Console: cfg.Console, Version: cfg.Version}, log, time.Now)
	}
	h, err := open(listen)
	if errors.Is(err, host.ErrListen) && cfg.Listen == "" {
		log.Warn("default port busy, using a free one", "err", err)
		h, err = open("127.0.0.1:0")
	}
	if err != nil {
		return nil, err
	}
	if err := h.Start(context.Background()); err != nil {
		_ = h.Close()
		return nil, err
	}
	return h, nil
}

// problemPage explains, inside the window, why the console cannot open.
func problemPage(err error) http.Handler {
	advice := "Check the data folder and try again."
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, store.ErrDamaged):
		advice = "Until the file is restored or moved aside, InterviewDesk cannot start on this data folder; it will not overwrite the file."
	case errors.Is(err, store.ErrLocked):
		advice = "Another InterviewDesk (perhaps `interviewdesk serve`) holds this data folder. Stop it, or start this one with --data pointing elsewhere."
	case errors.Is(err, os.ErrPermission):
		advice = "InterviewDesk may not write to its data folder. Fix the folder's permissions or start it with --data pointing elsewhere."
	case errors.As(err, &pathErr):
		advice = "The data folder could not be used. Start InterviewDesk with --data pointing to a folder it can write."
	}
	body := fmt.Sprintf(`<!doctype html><html lang="en"><meta charset="utf-8"><title>InterviewDesk</title>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:640px;margin:64px auto;padding:0 24px;color:#1b1e2b">
<h1>InterviewDesk cannot open its data</h1><p>%s</p><p>%s</p></body></html>`,
		html.EscapeString(err.Error()), html.EscapeString(advice))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(body))
	})
}
