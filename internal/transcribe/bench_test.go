package transcribe

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// BenchmarkTranscribeMinute transcribes a minute of speech with pauses, as
// a WebM recording, with the offline engine end to end: convert, voice
// activity, pocketsphinx. x-realtime is processing time per second of
// audio (the goal is 0.3 or less on two cores); words-found the share of
// the spoken words the transcript has (PocketSphinx finds few on espeak's
// voice: it is there to see that speed costs no words).
func BenchmarkTranscribeMinute(b *testing.B) {
	s := newSphinx(b)
	dir := b.TempDir()
	sentences := []string{
		"A hash table maps keys to values in constant time on average",
		"When two keys collide we keep both in a list at that slot",
		"An index on the column lets the database skip most rows",
		"I would measure first and then decide what to optimise",
		"Binary search needs the array to be sorted",
		"The cache is invalidated when the record changes",
	}
	var parts []part
	var said []string
	for i := range 14 { // about 70 s; cut to 60 s below
		parts = append(parts, say(sentences[i%len(sentences)]), quiet(time.Duration(500+i%3*400)*time.Millisecond))
		said = append(said, sentences[i%len(sentences)])
	}
	long, _ := makeTrack(b, dir, "minute-long", parts...)
	wav := filepath.Join(dir, "minute.wav")
	sh(b, "sox", long, wav, "trim", "0", "60")
	info, err := readWAV(wav)
	if err != nil {
		b.Fatal(err)
	}
	tracks := []Track{{Speaker: bob, Path: toWebM(b, wav), Started: t0}}
	b.ResetTimer()
	var heard []string
	for b.Loop() {
		tr, err := Build(b.Context(), s, tracks, "en")
		if err != nil || len(tr.Lines) == 0 {
			b.Fatalf("Build = %d lines, %v", len(tr.Lines), err)
		}
		heard = heard[:0]
		for _, l := range tr.Lines {
			heard = append(heard, l.Text)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/info.duration.Seconds(), "x-realtime")
	// The last sentences fall past the 60 s cut: a share of all 14 is a floor.
	b.ReportMetric(testmain.WordsFound(strings.Join(said, " "), strings.Join(heard, " ")), "words-found")
}
