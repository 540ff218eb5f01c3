// Package mixdown combines an interview's per-track recordings into one
// synced recording with ffmpeg; the per-track files stay the source.
//
// # Basics
//
// The media host records every participant's camera, microphone and screen
// to its own WebM file, and starts a new file at each reconnect. Build lays
// them all on one timeline, from the earliest track's start to the latest
// track's end, and encodes one WebM file (VP9 video, mono Opus audio):
//
//	res, err := mixdown.Build(ctx, mixdown.Input{
//		Tracks:   tracks, // one per recorded file, with its wall-clock start
//		Layout:   mixdown.LayoutGrid,
//		Focus:    candidateID, // shown first in a grid, large in picture-in-picture
//		Out:      "/data/mixdowns/INTERVIEW.webm",
//		Progress: func(done, total time.Duration) { … },
//	})
//	// res.Start is the wall-clock time of the output's 0 s, for markers.
//
// Every participant gets one tile for the whole timeline (and a second one
// while they ever shared a screen): their camera files are placed at their
// own start offsets, and the tile is dark where no file covers the time (a
// reconnect gap, or a participant who never had a camera). The person's name
// is drawn in their tile. Every audio file is delayed to its own offset and
// the files are summed (no normalisation, so a voice keeps its level when
// another joins).
//
// Layouts: LayoutGrid puts the tiles in rows and columns chosen to give 16:9
// video the most room; LayoutPIP shows the focus participant over the whole
// frame and the others small in the bottom-right corner.
//
// # Caveats
//
//   - A track needs its wall-clock start (Track.Started); Build refuses a
//     track without one rather than guess where it belongs.
//   - Names need ffmpeg's drawtext filter and a font (DejaVu Sans by
//     default). Without either the recording is built without names and
//     Result.Names is false.
//   - Cameras that change resolution mid-file (WebRTC adapts it to the
//     bandwidth) are rescaled frame by frame into their tile.
//   - Encoding uses libvpx's fastest real-time settings (-deadline realtime
//     -cpu-used 8, the most this libvpx allows) at 960x540, 15 fps by
//     default: on two cores a minute of two participants takes about 6–10 s
//     and 4–6 MB (BenchmarkMixdownMinute), about 0.15 s of CPU per second of
//     call, of which decoding the cameras is a sixth; VP9 measured faster
//     than VP8 there (VP8 at -cpu-used 16: twice the CPU, a quarter larger).
//     Both layouts from one ffmpeg run would save only that sixth, so each
//     layout is its own Build. The quality is meant for watching an interview
//     back; the per-track files remain the originals.
//   - LowPriority runs ffmpeg through nice(1) at 10 where nice exists (not
//     on Windows): the encoding then fills what other work leaves of the CPU.
package mixdown
