package host

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/score"
	"github.com/interviewdesk/interviewdesk/internal/testmain"
	"github.com/interviewdesk/interviewdesk/internal/transcribe"
)

// BenchmarkAnalysisMinute runs the analysis of a minute of a two-person
// interview as the host does (the offline engines: PocketSphinx and the
// offline scorer; mixdown for the combined recording), from recordings as
// the media host writes them: a 640x480 VP8 camera and an Opus microphone
// per person, taking turns to speak (espeak-ng voices between quiet-room
// noise). Its parts show what the time goes to:
//
//   - transcribe: the transcript and the scores (convert, voice activity,
//     PocketSphinx, scoring), every track;
//   - combine: the combined recording alone (picture-in-picture);
//   - sequential: combine, then transcribe, one after the other;
//   - end-to-end: the analysis as it runs (analysis.Pipeline.Analyse).
//
// x-realtime is the wall time per second of interview (the goal is ≤ 0.3
// on two cores); cpu-x-realtime the CPU time of the programs it ran per
// second (above x-realtime when both cores work); words-found the share of
// the spoken words that the transcript has (PocketSphinx on synthetic voices
// finds few: the figure is there to see that speed costs no words).
func BenchmarkAnalysisMinute(b *testing.B) {
	for _, p := range []string{"espeak-ng", "sox", "ffmpeg", "pocketsphinx_batch"} {
		if _, err := exec.LookPath(p); err != nil {
			b.Fatalf("%s is needed (scripts/deps.sh test): %v", p, err)
		}
	}
	in, said := minuteInterview(b, b.TempDir())
	sph, err := transcribe.NewSphinx(transcribe.SphinxConfig{})
	if err != nil {
		b.Fatal(err)
	}
	off, err := score.NewOffline(score.OfflineConfig{})
	if err != nil {
		b.Fatal(err)
	}
	tr := transcriber{engine: sph, name: sph.Name(), quality: sph.Quality(), tmp: b.TempDir()}
	sc := scorer{engine: off, name: "offline"}
	out := filepath.Join(b.TempDir(), "interview.webm")
	combine := func(ctx context.Context) {
		if _, err := combineRecording(ctx, analysis.CombineJob{Interview: in.Interview, Recordings: in.Recordings,
			Layout: analysis.LayoutPIP, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
	transcribeAll := func(ctx context.Context) analysis.Analysis {
		a, err := analysis.Run(ctx, in, tr, sc, func(string, float64) {})
		if err != nil {
			b.Fatal(err)
		}
		return a
	}
	parts := []struct {
		name string
		run  func(context.Context) *analysis.Analysis
	}{
		{"transcribe", func(ctx context.Context) *analysis.Analysis { a := transcribeAll(ctx); return &a }},
		{"combine", func(ctx context.Context) *analysis.Analysis { combine(ctx); return nil }},
		{"sequential", func(ctx context.Context) *analysis.Analysis { combine(ctx); a := transcribeAll(ctx); return &a }},
		{"end-to-end", func(ctx context.Context) *analysis.Analysis {
			p := analysis.Pipeline{Transcriber: tr, Scorer: sc, Combine: combineRecording, Out: out}
			a, err := p.Analyse(ctx, in, func(string, float64) {})
			if err != nil || a.Recording == nil {
				b.Fatalf("Analyse: recording %v, %v", a.Recording, err)
			}
			return &a
		}},
	}
	length := in.End.Sub(in.Start)
	for _, part := range parts {
		b.Run(part.name, func(b *testing.B) {
			var last *analysis.Analysis
			cpu := testmain.ChildCPU(b)
			for b.Loop() {
				last = part.run(b.Context())
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/length.Seconds(), "x-realtime")
			b.ReportMetric((testmain.ChildCPU(b)-cpu).Seconds()/float64(b.N)/length.Seconds(), "cpu-x-realtime")
			if last != nil {
				var heard []string
				for _, l := range last.Transcript {
					heard = append(heard, l.Text)
				}
				b.ReportMetric(testmain.WordsFound(said, strings.Join(heard, " ")), "words-found")
			}
		})
	}
}

// speakingTurn is one person speaking for a while, the other quiet.
type speakingTurn struct {
	who   string // participant
	words string
	secs  float64
}

// minuteInterview writes the recordings of a minute of interview into dir
// and returns the analysis input with every spoken word.
func minuteInterview(b *testing.B, dir string) (analysis.Input, string) {
	b.Helper()
	turns := []speakingTurn{
		{"interviewer-1", "Tell me how a hash table works", 5},
		{"candidate", "A hash table maps keys to values in constant time on average. When two keys collide we keep both in a list at that slot", 13},
		{"interviewer-1", "And when it grows too full", 4},
		{"candidate", "We double the array and move every key to its new slot. The cost spreads over the inserts", 10},
		{"interviewer-1", "Good. How would you find a slow query in a database", 6},
		{"candidate", "I would measure first and then decide what to optimise. An index on the column lets the database skip most rows", 14},
		{"interviewer-1", "Thank you that is all", 8},
	}
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	iv := interviews.Interview{Candidate: interviews.Person{Name: "Olivia Diaz"},
		Interviewers: []interviews.Interviewer{{Person: interviews.Person{Name: "Rita Reyes"}, Participant: "interviewer-1"}}}
	in := analysis.Input{InterviewID: "bench", Start: t0, End: t0.Add(time.Minute), AIAnalysis: true, Interview: iv,
		Ratings: map[int]int{},
		Questions: []analysis.Question{
			{Text: "How does a hash table work?", Expected: "Keys are hashed to slots of an array; collisions are chained; the table grows and rehashes.",
				KeyPoints: []string{"hash keys to slots", "collisions chained in a list", "resize and rehash"}},
			{Text: "How do you find a slow query?", Expected: "Measure with the query plan, then add an index on the filtered column.",
				KeyPoints: []string{"measure first", "query plan", "index on the column"}},
		},
		Windows: []analysis.Window{{Index: 0, From: t0, To: t0.Add(32 * time.Second)}, {Index: 1, From: t0.Add(32 * time.Second)}}}
	var said []string
	for _, who := range []string{"candidate", "interviewer-1"} {
		mic := filepath.Join(dir, who+"-microphone.webm")
		speakerTrack(b, dir, who, turns, mic)
		cam := filepath.Join(dir, who+"-camera.webm")
		sh(b, "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=640x480:r=30:d=60",
			"-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "400k", cam)
		in.Recordings = append(in.Recordings,
			media.Recording{Path: cam, Participant: who, Kind: media.KindVideo, Source: media.SourceCamera, Started: t0, Duration: time.Minute, Finalised: true},
			media.Recording{Path: mic, Participant: who, Kind: media.KindAudio, Source: media.SourceMicrophone, Started: t0, Duration: time.Minute, Finalised: true})
		speaker, role := iv.ParticipantNames()[links.ParticipantID(who)], "interviewer"
		if who == "candidate" {
			role = "candidate"
		}
		in.Tracks = append(in.Tracks, analysis.Track{Path: mic, Participant: who, Speaker: speaker, Role: role, Started: t0, Duration: time.Minute})
	}
	for _, t := range turns {
		said = append(said, t.words)
	}
	return in, strings.Join(said, " ")
}

// speakerTrack writes who's microphone: their turns spoken, quiet-room
// noise in the others', 48 kHz stereo Opus in WebM as the media host records.
func speakerTrack(b *testing.B, dir, who string, turns []speakingTurn, out string) {
	b.Helper()
	var files []string
	for i, t := range turns {
		f := filepath.Join(dir, fmt.Sprintf("%s-%d.wav", who, i))
		length := fmt.Sprint(t.secs)
		noise := f + ".noise.wav"
		sh(b, "sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", noise, "synth", length, "whitenoise", "vol", "0.002")
		if t.who != who {
			files = append(files, noise)
			continue
		}
		raw := f + ".raw.wav"
		sh(b, "espeak-ng", "-s", "150", "-w", raw, t.words)
		speech := f + ".speech.wav"
		sh(b, "sox", raw, "-r", "16000", "-c", "1", "-b", "16", speech, "pad", "0.3", length, "trim", "0", length)
		sh(b, "sox", "-m", speech, noise, f)
		files = append(files, f)
	}
	wav := filepath.Join(dir, who+".wav")
	sh(b, "sox", append(files, wav)...)
	sh(b, "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", wav, "-ar", "48000", "-ac", "2", "-c:a", "libopus", out)
}

func sh(b *testing.B, name string, args ...string) {
	b.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		b.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}
