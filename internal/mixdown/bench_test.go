package mixdown

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// BenchmarkMixdownMinute builds one minute of two participants, each with a
// 640x480 30 fps camera and a microphone, and reports the time taken as a
// fraction of the recording's length (x-realtime; the goal is ≤ 0.5 on two
// cores), the CPU time ffmpeg used as a fraction of it (cpu-x-realtime:
// above x-realtime when both cores work) and the output size per minute.
func BenchmarkMixdownMinute(b *testing.B) {
	ffmpegOrFail(b)
	const length = time.Minute
	dir := b.TempDir()
	var tracks []Track
	for i, who := range []string{"candidate", "interviewer"} {
		cam, mic := filepath.Join(dir, who+"-camera-1.webm"), filepath.Join(dir, who+"-microphone-1.webm")
		camera(b, cam, length, "640x480")
		microphone(b, mic, length, 300+200*i)
		tracks = append(tracks,
			Track{Path: cam, Participant: who, Name: who, Kind: KindVideo, Source: "camera", Started: t0, Duration: length},
			Track{Path: mic, Participant: who, Name: who, Kind: KindAudio, Source: "microphone", Started: t0, Duration: length})
	}
	for _, layout := range []Layout{LayoutGrid, LayoutPIP} {
		b.Run(string(layout), func(b *testing.B) {
			out := filepath.Join(dir, string(layout)+".webm")
			var size int64
			cpu := testmain.ChildCPU(b)
			for b.Loop() {
				build(b, Input{Tracks: tracks, Layout: layout, Focus: "candidate", Out: out})
				fi, err := os.Stat(out)
				if err != nil {
					b.Fatal(err)
				}
				size = fi.Size()
			}
			perOp := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(perOp.Seconds()/length.Seconds(), "x-realtime")
			b.ReportMetric((testmain.ChildCPU(b)-cpu).Seconds()/float64(b.N)/length.Seconds(), "cpu-x-realtime")
			b.ReportMetric(float64(size)/1e6/length.Minutes(), "MB/min")
		})
	}
}
