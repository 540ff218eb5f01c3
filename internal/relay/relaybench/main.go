// Command relaybench runs package relay's TURN server standalone, for
// scripts/turn-bench.sh to drive with coturn's turnutils_uclient side by side
// with coturn. It allows loopback peers (turnutils_peer runs on 127.0.0.1), so
// it is a benchmark harness, not a production relay.
//
//	relaybench -listen 127.0.0.1:3478 -secret SECRET [-realm R] [-cpuprofile F] [-memprofile F]
//
// It prints its counters as a line of JSON on stdout at every SIGUSR1 (so
// that a benchmark can count what one run relayed) and once more when
// SIGINT or SIGTERM ends it.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/interviewdesk/interviewdesk/internal/relay"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "relaybench:", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:3478", "UDP and TCP listen address")
	secret := flag.String("secret", "", "TURN REST shared secret (coturn's --static-auth-secret)")
	realm := flag.String("realm", relay.DefaultRealm, "TURN realm")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := flag.String("memprofile", "", "write an allocation profile to this file at exit")
	verbose := flag.Bool("v", false, "log at debug level")
	flag.Parse()
	if *secret == "" {
		return errors.New("-secret is required")
	}

	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	srv, err := relay.New(relay.Config{
		Realm:              *realm,
		Secret:             *secret,
		UDPAddr:            *listen,
		TCPAddr:            *listen,
		AllowLoopbackPeers: true,
	}, log)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Start(ctx); err != nil {
		return err
	}
	a := srv.Addrs()
	fmt.Fprintf(os.Stderr, "relaybench: ready udp=%s tcp=%s\n", a.UDP, a.TCP)
	out := json.NewEncoder(os.Stdout)
	report := make(chan os.Signal, 1)
	if len(reportSignals) > 0 {
		signal.Notify(report, reportSignals...)
	}
	for ctx.Err() == nil {
		select {
		case <-report:
			if err := out.Encode(srv.Stats()); err != nil {
				return err
			}
		case <-ctx.Done():
		}
	}
	if err := srv.Close(); err != nil {
		return err
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
	}
	return out.Encode(srv.Stats())
}
