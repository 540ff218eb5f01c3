// Package loadgen puts a host under the load of many concurrent recorded 1:1
// interviews, the way the room app would, and measures what the host does
// with it.
//
// Every participant is a pion peer, not a browser, that connects exactly as
// the room app does (frontend/src/room): the interview is scheduled through
// the console API, each side opens the room WebSocket with its link, the
// candidate gives consent, the interviewer starts the interview, both join
// the call, and the media signalling (docs/room-protocol.md,
// internal/media/doc.go) runs inside that socket. Each participant publishes
// real encoded media on send-only transceivers — VP8 at about 1 Mbit/s and
// Opus, made once with ffmpeg (MakeMedia) and looped in real time — with
// NACK, RTCP reports and transport-wide sequence numbers like a browser, and
// receives the other side's tracks from the host's SFU.
//
// # What it measures
//
//   - Forwarding loss, per interview: for each forwarded track, the sequence
//     numbers the viewer received (once, retransmissions included) against
//     what the publisher sent from the first packet the viewer saw to its
//     last. The SFU keeps the publisher's sequence numbers, so a gap is a
//     packet lost on the way and never recovered.
//
//   - The host process's CPU (user + system per second of wall time, from
//     /proc/PID/stat) and peak resident memory over the measured window,
//     the load generator's own, and how busy the whole machine was.
//
//   - Recordings, once everyone hung up: all four tracks of each interview
//     finalised, fetched from the host as the console's player does and
//     read by ffprobe (every packet demuxed, the first seconds decoded),
//     each lasting as long as the media its publisher sent.
//
//     m, err := loadgen.MakeMedia(ctx, "ffmpeg", "bench/out/media", loadgen.MediaSpec{})
//     res, err := loadgen.Run(ctx, loadgen.Config{URL: url, Key: key, Interviews: 50,
//     Duration: 30 * time.Second, Media: m, HostPID: pid})
//     worst, mean, lossy := res.Losses()
//
// # Caveats
//
// The load generator runs on the same machine as the host and costs about
// as much CPU as the host itself (it encrypts, sends and receives the same
// packets): Result.Loader and Result.MachineBusy say how much of the machine
// was left. Participants reach the host directly (host candidates), not
// through the TURN relay. The clients never react to congestion feedback:
// they send at the file's rate whatever the host says. On a loopback host
// each participant's room socket comes from an address of its own in
// 127.0.0.0/8, as people on networks of their own would (the host bounds
// room connections per address); the media all comes from 127.0.0.1.
package loadgen
