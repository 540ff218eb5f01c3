package transcribe

import (
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkTranscribeMinute transcribes a minute of speech with pauses, as
// a WebM recording, with the offline engine end to end: convert, voice
// activity, pocketsphinx. x-realtime is processing time per second of
// audio (the goal is 0.3 or less on two cores).
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
	for i := range 14 { // about 70 s; cut to 60 s below
		parts = append(parts, say(sentences[i%len(sentences)]), quiet(time.Duration(500+i%3*400)*time.Millisecond))
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
	for b.Loop() {
		tr, err := Build(b.Context(), s, tracks, "en")
		if err != nil || len(tr.Lines) == 0 {
			b.Fatalf("Build = %d lines, %v", len(tr.Lines), err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/info.duration.Seconds(), "x-realtime")
}
