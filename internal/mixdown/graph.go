package mixdown

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Colours of the frame (ffmpeg colour syntax).
const (
	canvasColor  = "0x16181d" // behind the grid, and a tile with no video
	pipTileColor = "0x24272e" // a small tile's background in picture-in-picture
	pipBorder    = "white@0.35"
	captionBox   = "black@0.55"
)

// graph assembles an ffmpeg filtergraph one chain at a time.
type graph struct {
	chains []string
	n      int
}

// add appends "[in…]filters[out]" and returns the new label.
func (g *graph) add(filters string, in ...string) string {
	g.n++
	out := "s" + strconv.Itoa(g.n)
	var b strings.Builder
	for _, l := range in {
		b.WriteString("[" + l + "]")
	}
	b.WriteString(filters + "[" + out + "]")
	g.chains = append(g.chains, b.String())
	return out
}

func (g *graph) String() string { return strings.Join(g.chains, ";") }

// filterGraph returns the graph and its video and audio output labels.
func filterGraph(in Input, p *plan, nm *names) (graph, string, string) {
	var g graph
	video := g.add(fmt.Sprintf("color=c=%s:s=%dx%d:r=%d:d=%s,format=yuv420p", canvasColor, in.Width, in.Height, in.FPS, secs(p.span)))
	for i, t := range p.tiles {
		small := in.Layout == LayoutPIP && i > 0
		if small {
			video = g.add(drawbox(t.at, pipTileColor, "fill"), video)
		}
		for _, s := range t.segments {
			scaled := g.add(fmt.Sprintf("setpts=PTS-STARTPTS+%s/TB,fps=%d,scale=w=%d:h=%d:force_original_aspect_ratio=decrease:eval=frame",
				secs(s.offset), in.FPS, t.at.w, t.at.h), fmt.Sprintf("%d:v", s.input))
			video = g.add(fmt.Sprintf("overlay=x=%d+(%d-overlay_w)/2:y=%d+(%d-overlay_h)/2:eval=frame:eof_action=pass",
				t.at.x, t.at.w, t.at.y, t.at.h), video, scaled)
		}
		if small {
			video = g.add(drawbox(t.at, pipBorder, "2"), video)
		}
		if nm != nil {
			video = g.add(nm.drawtext(i, t), video)
		}
	}
	return g, video, audioMix(&g, p)
}

// audioMix delays every audio input to its offset and sums them over the
// whole timeline (silence when there is no audio at all).
func audioMix(g *graph, p *plan) string {
	if len(p.audio) == 0 {
		return g.add(fmt.Sprintf("anullsrc=r=48000:cl=mono:d=%s", secs(p.span)))
	}
	var parts []string
	for _, a := range p.audio {
		// async=1 fills gaps in a file's timestamps with silence.
		parts = append(parts, g.add(fmt.Sprintf("asetpts=PTS-STARTPTS,aresample=48000:async=1:first_pts=0,aformat=sample_fmts=fltp:channel_layouts=mono,adelay=delays=%d:all=1",
			a.offset.Milliseconds()), fmt.Sprintf("%d:a", a.input)))
	}
	return g.add(fmt.Sprintf("amix=inputs=%d:normalize=0:duration=longest:dropout_transition=0,apad=whole_dur=%s,atrim=end=%s",
		len(parts), secs(p.span), secs(p.span)), parts...)
}

func drawbox(r rect, color, thickness string) string {
	return fmt.Sprintf("drawbox=x=%d:y=%d:w=%d:h=%d:color=%s:t=%s", r.x, r.y, r.w, r.h, color, thickness)
}

// secs writes d in seconds with millisecond precision.
func secs(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
}

// ffmpegArgs is the whole command line after the program name.
func ffmpegArgs(in Input, p *plan, nm *names, out string) []string {
	args := []string{"-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-progress", "pipe:1", "-nostats"}
	for _, t := range p.inputs {
		// Frames that change size go on through the same graph (the scale
		// filter adapts) instead of restarting it, which would restart the
		// timeline.
		args = append(args, "-reinit_filter", "0", "-i", t.Path)
	}
	g, video, audio := filterGraph(in, p, nm)
	// Constrained quality: still talking heads stay small, motion is capped.
	bitrate := max(200_000, in.Width*in.Height*in.FPS/12)
	return append(args,
		"-filter_complex", g.String(),
		"-map", "["+video+"]", "-map", "["+audio+"]",
		"-c:v", "libvpx-vp9", "-row-mt", "1", "-tile-columns", "1", "-deadline", "realtime", "-cpu-used", "8", "-threads", "2",
		"-crf", "35", "-b:v", strconv.Itoa(bitrate), "-g", strconv.Itoa(2*in.FPS),
		"-c:a", "libopus", "-b:a", "48k", "-ac", "1",
		"-max_muxing_queue_size", "4096",
		"-t", secs(p.span), "-f", "webm", out)
}
