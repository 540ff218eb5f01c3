// Command headless serves the desktop app's console handler — the one the
// window mounts on Wails' asset server (app.ConsoleHandler) — on a loopback
// port, without a window, so that end-to-end tests drive the desktop's
// console in a real browser (frontend/e2e/desktop-harness.ts). It is a test
// tool, not a face of the product: like the webview's own door, the handler
// takes every request for the desktop's, so it listens on loopback only.
//
//	go run ./app/headless --data DIR --console frontend/dist
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/interviewdesk/interviewdesk/app"
	"github.com/interviewdesk/interviewdesk/internal/host"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "headless:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "", "data folder")
	console := flag.String("console", "frontend/dist", "the built console")
	listen := flag.String("listen", "127.0.0.1:0", "loopback address for the console handler")
	flag.Parse()
	if *data == "" {
		return errors.New("--data is required")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	h, err := host.Open(host.Config{DataDir: *data, Listen: "127.0.0.1:0", Console: os.DirFS(*console), Version: "headless"}, log, time.Now)
	if err != nil {
		return err
	}
	defer h.Close()
	if err := h.Start(ctx); err != nil {
		return err
	}
	door := app.ConsoleHandler(h, *data, log)
	defer door.Close()
	ln, err := loopback(*listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: door, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	fmt.Printf("desktop console on http://%s (host: %s)\n", ln.Addr(), h.URL())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loopback listens on addr, which must be a loopback address.
func loopback(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("--listen %s: the desktop's handler trusts every request, so it listens on a loopback address only", addr)
	}
	return net.Listen("tcp", addr)
}
