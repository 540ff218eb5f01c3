package media

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os/exec"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/interceptor/pkg/intervalpli"
	"github.com/pion/interceptor/pkg/nack"
	"github.com/pion/logging"
	"github.com/pion/webrtc/v4"
)

// Config configures an SFU. Zero values take the defaults noted.
type Config struct {
	// ICEConn is the one UDP socket that every peer's ICE shares (an ICE UDP
	// mux). Without it the SFU carries no calls of its own and only records
	// the tracks handed to it (RecordTrack), e.g. an external server's. Bind it to a chosen address, not 0.0.0.0: its address is
	// the host candidate the browsers get. Like http.Server.Serve with a
	// listener, the SFU takes the socket over: Close closes it.
	ICEConn net.PacketConn
	// ICETCPListener, if set, also serves ICE over TCP (passive host
	// candidates) for networks that block UDP. Close closes it.
	ICETCPListener net.Listener
	// PublicIPs, if set, replace the address in the host candidates (1:1 NAT,
	// e.g. a cloud VM with a public address mapped to a private one).
	PublicIPs []string
	// IncludeLoopbackCandidate offers 127.0.0.1 candidates (tests, or a host
	// reached through a loopback TURN relay).
	IncludeLoopbackCandidate bool

	// RecordDir, if set, gets one WebM file per incoming track:
	// RecordDir/<room>/<participant>-<source>-<n>.webm.
	RecordDir string
	// FFmpeg and FFprobe are the programs that finalise and measure
	// recordings; default "ffmpeg" and "ffprobe" from PATH. Without them
	// recordings stay playable but not seekable.
	FFmpeg, FFprobe string

	// VP9 also offers VP9 (after VP8, which browsers then prefer).
	VP9 bool
	// KeyframeInterval asks publishers for a keyframe this often, so
	// recordings stay seekable and late viewers recover; default 3s, < 0 off.
	// Keyframes are also requested whenever a viewer subscribes or asks.
	KeyframeInterval time.Duration
	// MaxParticipants per room; default 6.
	MaxParticipants int
	// StartBitrate is the bandwidth estimate (kbit/s) browsers start sending
	// video at, told in the host's SDP (x-google-start-bitrate); default
	// 1000, < 0 leaves the browser's own (300). Higher, a camera's first
	// keyframe reaches the others sooner, at full size.
	StartBitrate int
	// DisconnectTimeout: a participant whose connection stays disconnected or
	// failed this long is removed (ReasonTimeout); default 60s. The host sends
	// an ICE-restart offer as soon as the connection fails.
	DisconnectTimeout time.Duration

	// OnEvent receives every Event, in order, from one goroutine owned by the
	// SFU. It may call back into the SFU. Optional.
	OnEvent func(Event)
	// Now is the clock; default time.Now.
	Now func() time.Time
}

const (
	defaultKeyframeInterval  = 3 * time.Second
	defaultMaxParticipants   = 6
	defaultDisconnectTimeout = 60 * time.Second
	defaultStartBitrate      = 1000                   // kbit/s
	keyframeMinGap           = 500 * time.Millisecond // at most one forwarded PLI per track per gap
	firstKeyframeGap         = 100 * time.Millisecond // …but a viewer with no keyframe yet may ask this often
	// nackHistory is how many packets each forwarded video track keeps for
	// retransmission: about 5 s of a 1 Mbit/s camera, 1.5 s of a 3 Mbit/s
	// screen, many round trips either way (pion's default, 1024, doubles the
	// memory per viewer for nothing).
	nackHistory = 512
	// iceSocketBuffer is the ICE socket's buffer size asked for (the kernel
	// caps it): a few hundred milliseconds of 50 interviews' media.
	iceSocketBuffer = 16 << 20

	payloadTypeVP8  = 96
	payloadTypeVP9  = 98
	payloadTypeOpus = 111
)

func (c *Config) setDefaults() error {
	if c.KeyframeInterval == 0 {
		c.KeyframeInterval = defaultKeyframeInterval
	}
	if c.MaxParticipants == 0 {
		c.MaxParticipants = defaultMaxParticipants
	}
	if c.MaxParticipants < 0 {
		return fmt.Errorf("%w: MaxParticipants %d", ErrInvalid, c.MaxParticipants)
	}
	if c.StartBitrate == 0 {
		c.StartBitrate = defaultStartBitrate
	}
	if c.DisconnectTimeout == 0 {
		c.DisconnectTimeout = defaultDisconnectTimeout
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.OnEvent == nil {
		c.OnEvent = func(Event) {}
	}
	for _, ip := range c.PublicIPs {
		if net.ParseIP(ip) == nil {
			return fmt.Errorf("%w: public IP %q", ErrInvalid, ip)
		}
	}
	if c.FFmpeg == "" {
		c.FFmpeg = lookPath("ffmpeg")
	}
	if c.FFprobe == "" {
		c.FFprobe = lookPath("ffprobe")
	}
	return nil
}

// lookPath returns the program's path, or "" when it is not installed.
func lookPath(name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	return p
}

// newAPI builds the pion API every peer connection shares: codecs, RTCP
// feedback interceptors and the ICE muxes.
func newAPI(cfg *Config, udpMux ice.UDPMux, tcpMux ice.TCPMux, lf *pionLogs) (*webrtc.API, error) {
	m := &webrtc.MediaEngine{}
	videoFeedback := []webrtc.RTCPFeedback{{Type: "ccm", Parameter: "fir"}}
	codecs := []struct {
		p    webrtc.RTPCodecParameters
		kind webrtc.RTPCodecType
	}{
		{webrtc.RTPCodecParameters{
			RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000, RTCPFeedback: videoFeedback},
			PayloadType:        payloadTypeVP8,
		}, webrtc.RTPCodecTypeVideo},
		{webrtc.RTPCodecParameters{
			RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2, SDPFmtpLine: "minptime=10;useinbandfec=1"},
			PayloadType:        payloadTypeOpus,
		}, webrtc.RTPCodecTypeAudio},
	}
	if cfg.VP9 {
		codecs = append(codecs, struct {
			p    webrtc.RTPCodecParameters
			kind webrtc.RTPCodecType
		}{webrtc.RTPCodecParameters{
			RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP9, ClockRate: 90000, SDPFmtpLine: "profile-id=0", RTCPFeedback: videoFeedback},
			PayloadType:        payloadTypeVP9,
		}, webrtc.RTPCodecTypeVideo})
	}
	for _, c := range codecs {
		if err := m.RegisterCodec(c.p, c.kind); err != nil {
			return nil, fmt.Errorf("register codec %s: %w", c.p.MimeType, err)
		}
	}

	// NACK (generator towards publishers, responder towards viewers), RTCP
	// sender/receiver reports, transport-wide congestion control feedback for
	// the browsers' bandwidth estimation, and periodic PLI.
	reg := &interceptor.Registry{}
	if err := webrtc.ConfigureNackWithOptions(m, reg, nil, nack.ResponderSize(nackHistory)); err != nil {
		return nil, fmt.Errorf("configure nack: %w", err)
	}
	if err := webrtc.ConfigureRTCPReports(reg); err != nil {
		return nil, fmt.Errorf("configure rtcp reports: %w", err)
	}
	if err := webrtc.ConfigureTWCCSender(m, reg); err != nil {
		return nil, fmt.Errorf("configure twcc: %w", err)
	}
	if cfg.KeyframeInterval > 0 {
		pli, err := intervalpli.NewReceiverInterceptor(intervalpli.GeneratorInterval(cfg.KeyframeInterval))
		if err != nil {
			return nil, fmt.Errorf("configure periodic pli: %w", err)
		}
		reg.Add(pli)
	}

	se := webrtc.SettingEngine{LoggerFactory: lf}
	se.SetICEUDPMux(udpMux)
	types := []webrtc.NetworkType{webrtc.NetworkTypeUDP4, webrtc.NetworkTypeUDP6}
	if tcpMux != nil {
		se.SetICETCPMux(tcpMux)
		types = append(types, webrtc.NetworkTypeTCP4, webrtc.NetworkTypeTCP6)
	}
	se.SetNetworkTypes(types)
	se.SetIncludeLoopbackCandidate(cfg.IncludeLoopbackCandidate)
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	se.SetICETimeouts(5*time.Second, 15*time.Second, 2*time.Second)
	if len(cfg.PublicIPs) > 0 {
		if err := se.SetICEAddressRewriteRules(webrtc.ICEAddressRewriteRule{
			External:        cfg.PublicIPs,
			AsCandidateType: webrtc.ICECandidateTypeHost,
			Mode:            webrtc.ICEAddressRewriteReplace,
		}); err != nil {
			return nil, fmt.Errorf("%w: public IPs: %w", ErrInvalid, err)
		}
	}
	return webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(reg), webrtc.WithSettingEngine(se)), nil
}

// pionLogs routes pion's logs to slog one level down: pion warns about
// routine things (a stream closing under it, a candidate pair failing), so
// its info and warnings go to Debug and its errors to Warn.
type pionLogs struct{ log *slog.Logger }

func (f *pionLogs) NewLogger(scope string) logging.LeveledLogger {
	return pionLogger{f.log.With("pion", scope)}
}

type pionLogger struct{ l *slog.Logger }

func (p pionLogger) Trace(string)          {}
func (p pionLogger) Tracef(string, ...any) {}
func (p pionLogger) Debug(m string)        { p.l.Debug(m) }
func (p pionLogger) Debugf(f string, a ...any) {
	if p.l.Enabled(context.Background(), slog.LevelDebug) {
		p.l.Debug(fmt.Sprintf(f, a...))
	}
}
func (p pionLogger) Info(m string)            { p.l.Debug(m) }
func (p pionLogger) Infof(f string, a ...any) { p.Debugf(f, a...) }
func (p pionLogger) Warn(m string)            { p.l.Debug(m) }
func (p pionLogger) Warnf(f string, a ...any) { p.Debugf(f, a...) }
func (p pionLogger) Error(m string)           { p.l.Warn(m) }
func (p pionLogger) Errorf(f string, a ...any) {
	p.l.Warn(fmt.Sprintf(f, a...))
}
