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
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Config describes the desktop app.
type Config struct {
	DataDir   string
	Listen    string
	PublicURL string
	Console   fs.FS
	Version   string
}

// Run opens the console window and blocks until it closes.
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
	var relay *pushRelay // the host's live changes, as Wails events
	var handler http.Handler
	h, hostErr := startHost(cfg, log)
	if hostErr != nil {
		log.Error("host did not start", "err", hostErr)
		handler = problemPage(hostErr)
	} else {
		defer h.Close()
		handler = h.TrustedHandler()
	}
	err := wails.Run(&options.App{
		Title:            "InterviewDesk",
		Width:            1280,
		Height:           820,
		MinWidth:         900,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Handler: handler},
		BackgroundColour: &options.RGBA{R: 245, G: 246, B: 250, A: 255},
		OnStartup: func(ctx context.Context) {
			native.startup(ctx)
			if h != nil {
				relay = startPushRelay(h.Push(), wailsEmit(ctx))
			}
		},
		OnShutdown: func(context.Context) { relay.stop() },
		OnDomReady: func(ctx context.Context) {
			log.Info("console ready", "startup_ms", time.Since(started).Milliseconds())
		},
		Bind:               []any{native},
		SingleInstanceLock: &options.SingleInstanceLock{UniqueId: "interviewdesk-" + cfg.DataDir, OnSecondInstanceLaunch: native.focus},
		Linux:              &linux.Options{ProgramName: "InterviewDesk", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
	// A console that could not open its data said why in the window; the
	// process still ends in failure.
	return errors.Join(err, hostErr)
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
		advice = "Close the other InterviewDesk that uses this data folder, or start this one with --data pointing elsewhere."
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
