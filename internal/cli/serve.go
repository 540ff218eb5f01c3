package cli

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/host"
)

// serve runs the host headless until e.Signals is done.
func serve(ctx context.Context, e Env, args []string) error {
	f := newFlags("serve")
	listen := f.String("listen", host.DefaultListen, "address to listen on")
	public := f.String("public-url", "", "base URL for candidate and interviewer links (default: the listen address)")
	verbose := f.Bool("verbose", false, "log every detail")
	var tlsCfg host.TLS
	f.StringVar(&tlsCfg.CertFile, "tls-cert", "", "HTTPS certificate chain (PEM)")
	f.StringVar(&tlsCfg.KeyFile, "tls-key", "", "HTTPS private key (PEM)")
	f.StringVar(&tlsCfg.ACMEDomain, "acme-domain", "", "get a certificate for this public domain from Let's Encrypt")
	f.StringVar(&tlsCfg.ACMEHTTP, "acme-http", "", `listen address for ACME HTTP-01 challenges, e.g. ":80"`)
	f.StringVar(&tlsCfg.ACMEEmail, "acme-email", "", "contact email for the certificate authority")
	var mediaCfg host.Media
	f.BoolVar(&mediaCfg.Disabled, "no-media", false, "run without calls (no video)")
	f.StringVar(&mediaCfg.BindIP, "media-ip", "", "address for the ICE and TURN sockets (default: the --listen address)")
	f.StringVar(&mediaCfg.PublicIP, "public-ip", "", "address browsers reach this host at, behind NAT or with --media-ip 0.0.0.0")
	f.IntVar(&mediaCfg.ICEPort, "ice-port", 0, "UDP and TCP port for every call's media (0: a free port)")
	f.IntVar(&mediaCfg.TURNPort, "turn-port", 0, "UDP and TCP port of the embedded TURN relay (0: a free port, -1: no relay)")
	f.IntVar(&mediaCfg.TURNTLSPort, "turn-tls-port", 0, "with HTTPS: also serve TURN over TLS on this port, with the HTTPS certificate")
	var externalTURN string
	f.StringVar(&externalTURN, "external-turn", "", "comma-separated turn:/turns: URLs of an external TURN server (e.g. coturn) to offer too")
	f.StringVar(&mediaCfg.ExternalTURNSecret, "external-turn-secret", "", "that server's shared secret (coturn --static-auth-secret)")
	f.StringVar(&mediaCfg.LiveKit.URL, "livekit-url", "", "put calls on this LiveKit server instead of the embedded SFU: ws://HOST:7880 or wss://HOST (default: Settings → Media server)")
	f.StringVar(&mediaCfg.LiveKit.APIKey, "livekit-api-key", "", "that LiveKit server's API key")
	f.StringVar(&mediaCfg.LiveKit.APISecret, "livekit-api-secret", "", "that LiveKit server's API secret")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	for _, u := range strings.Split(externalTURN, ",") {
		if u = strings.TrimSpace(u); u != "" {
			mediaCfg.ExternalTURN = append(mediaCfg.ExternalTURN, u)
		}
	}
	dir, err := f.dataDir()
	if err != nil {
		return err
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(e.Stderr, &slog.HandlerOptions{Level: level}))
	h, err := host.Open(host.Config{DataDir: dir, Listen: *listen, PublicURL: *public,
		Console: e.Console, Version: e.Version, TLS: tlsCfg, Media: mediaCfg}, log, e.Now)
	if err != nil {
		return err
	}
	if err := h.Start(ctx); err != nil {
		_ = h.Close()
		return err
	}
	fmt.Fprintf(e.Stdout, "InterviewDesk host serving on %s (console: %s)\n", h.URL(), h.LoginURL())
	if fp := h.CertSHA256(); fp != "" {
		// What a desktop app connecting to this host shows, to compare.
		fmt.Fprintf(e.Stdout, "HTTPS certificate SHA-256 fingerprint: %s\n", colons(fp))
	}
	<-ctx.Done()
	log.Info("stopping host")
	return h.Close()
}
