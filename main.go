// Command interviewdesk schedules, runs and reviews live technical interviews.
//
// With no arguments (or only desktop flags) it opens the desktop console; `serve`
// runs the host headless; `<noun> <verb>` commands script the same services.
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // time zones work even where the OS has no zoneinfo

	"github.com/interviewdesk/interviewdesk/app"
	"github.com/interviewdesk/interviewdesk/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

//go:embed all:frontend/dist
var assets embed.FS

// icon is the window's icon on Linux (build/ holds the app's icons).
//
//go:embed build/linux/hicolor/256x256/apps/interviewdesk.png
var icon []byte

func main() {
	console, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		fmt.Fprintln(os.Stderr, "interviewdesk: embedded console missing:", err)
		os.Exit(1)
	}
	args := os.Args[1:]
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || args[0] == "-h" || args[0] == "--help" ||
		args[0] == "--host" || strings.HasPrefix(args[0], "--host=")) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Run(cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Console: console, Version: version,
			Now: time.Now, Signals: ctx}, args)
		stop()
		os.Exit(code)
	}
	os.Exit(desktop(console, args))
}

func desktop(console fs.FS, args []string) int {
	f := flag.NewFlagSet("interviewdesk", flag.ContinueOnError)
	data := f.String("data", "", "data folder (default: $XDG_DATA_HOME/interviewdesk)")
	listen := f.String("listen", "", "address the host listens on for candidate links (default 127.0.0.1:7480)")
	public := f.String("public-url", "", "base URL for links sent to people")
	if err := f.Parse(args); err != nil {
		return 2
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := app.Run(app.Config{DataDir: *data, Listen: *listen, PublicURL: *public, Console: console, Version: version, Icon: icon}, log); err != nil {
		fmt.Fprintln(os.Stderr, "interviewdesk:", err)
		return 1
	}
	return 0
}
