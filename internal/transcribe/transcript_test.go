package transcribe

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

var (
	t0        = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	alice     = Speaker{ID: "p-alice", Name: "Alice", Role: "interviewer"}
	bob       = Speaker{ID: "p-bob", Name: "Bob", Role: "candidate"}
	at        = func(s float64) time.Time { return t0.Add(secs(s)) }
	lineTexts = func(ls []Line) []string {
		var out []string
		for _, l := range ls {
			out = append(out, l.Speaker.Name+": "+l.Text)
		}
		return out
	}
)

// handMade is a transcript of two speakers; Bob reconnected, so he has two
// tracks.
func handMade() Transcript {
	var t Transcript
	t.add(Track{Speaker: alice, Started: at(0)},
		[]Segment{{Start: secs(1), End: secs(4), Text: "What is an index?"}, {Start: secs(20), End: secs(22), Text: "Thanks. Next one."}},
		[]Span{{secs(1), secs(4)}, {secs(20), secs(22)}})
	t.add(Track{Speaker: bob, Started: at(3)},
		[]Segment{{Start: secs(2), End: secs(12), Text: "It makes lookups faster."}},
		[]Span{{secs(2), secs(7)}, {secs(8), secs(12)}})
	t.add(Track{Speaker: bob, Started: at(21)},
		[]Segment{{Start: secs(2), End: secs(6), Text: "A hash map."}, {Start: secs(7), End: secs(7), Text: "uh"}},
		[]Span{{secs(2), secs(6)}})
	t.sort()
	return t
}

func TestTranscriptMergesTracksInTimeOrder(t *testing.T) {
	tr := handMade()
	want := []string{"Alice: What is an index?", "Bob: It makes lookups faster.", "Alice: Thanks. Next one.", "Bob: A hash map.", "Bob: uh"}
	if got := lineTexts(tr.Lines); !slices.Equal(got, want) {
		t.Fatalf("lines = %q, want %q", got, want)
	}
	if l := tr.Lines[1]; !l.Start.Equal(at(5)) || !l.End.Equal(at(15)) || l.Speaker != bob {
		t.Errorf("Bob's first line = %+v, want 10:00:05–10:00:15 by Bob", l)
	}
	wantTalk := []Talk{{alice, secs(5)}, {bob, secs(13)}}
	if got := tr.TalkTime(); !slices.Equal(got, wantTalk) {
		t.Errorf("TalkTime = %v, want %v", got, wantTalk)
	}
}

func TestSplitCutsTheTranscriptIntoQuestions(t *testing.T) {
	tr := handMade()
	windows := []Window{
		{Index: 0, From: at(0.5), To: at(9)},  // Bob's first answer runs on to 15 s: most of it is in question 2
		{Index: 2, From: at(9), To: at(23.5)}, // the interviewer went back and forth: indexes as given
		{Index: 1, From: at(23.5)},            // still open: to the end
	}
	qs := Split(tr, windows)
	want := []struct {
		index int
		lines []string
		talk  []Talk
	}{
		{0, []string{"Alice: What is an index?"}, []Talk{{alice, secs(3)}, {bob, secs(4)}}},
		{2, []string{"Bob: It makes lookups faster.", "Alice: Thanks. Next one."}, []Talk{{bob, secs(5.5)}, {alice, secs(2)}}},
		{1, []string{"Bob: A hash map.", "Bob: uh"}, []Talk{{bob, secs(3.5)}}},
	}
	if len(qs) != len(want) {
		t.Fatalf("questions = %+v", qs)
	}
	for i, w := range want {
		q := qs[i]
		if q.Index != w.index || !slices.Equal(lineTexts(q.Lines), w.lines) || !slices.Equal(q.Talk, w.talk) {
			t.Errorf("question %d = index %d, lines %q, talk %v; want index %d, lines %q, talk %v",
				i, q.Index, lineTexts(q.Lines), q.Talk, w.index, w.lines, w.talk)
		}
	}
	if !qs[2].To.Equal(at(28)) {
		t.Errorf("open window ends at %v, want the transcript's end %v", qs[2].To, at(28))
	}
	if got := Split(tr, []Window{{Index: 0, From: at(30), To: at(40)}}); len(got[0].Lines) != 0 || len(got[0].Talk) != 0 {
		t.Errorf("a window after everything holds %+v", got[0])
	}
}

func TestTracksFromPicksCompleteMicrophoneTracks(t *testing.T) {
	recs := []media.Recording{
		{Path: "r/p-bob-microphone-1.webm", Participant: "p-bob", Source: media.SourceMicrophone, Kind: media.KindAudio, Started: at(3), Finalised: true},
		{Path: "r/p-bob-camera-1.webm", Participant: "p-bob", Source: media.SourceCamera, Kind: media.KindVideo, Started: at(3)},
		{Path: "r/p-bob-screen-audio-1.webm", Participant: "p-bob", Source: media.SourceScreenAudio, Kind: media.KindAudio, Started: at(5)},
		{Path: "r/p-bob-microphone-2.webm", Participant: "p-bob", Source: media.SourceMicrophone, Kind: media.KindAudio, Started: at(21)},
		{Path: "r/p-alice-microphone-1.webm", Participant: "p-alice", Source: media.SourceMicrophone, Kind: media.KindAudio, Started: at(0), Active: true},
		{Path: "r/p-alice-microphone-2.webm", Participant: "p-alice", Source: media.SourceMicrophone, Kind: media.KindAudio}, // from before a restart
		{Path: "r/p-eve-microphone-1.webm", Participant: "p-eve", Source: media.SourceMicrophone, Kind: media.KindAudio, Started: at(1)},
	}
	people := map[string]Speaker{"p-bob": bob, "p-alice": alice}
	got := TracksFrom(recs, func(r media.Recording) (Speaker, bool) { sp, ok := people[r.Participant]; return sp, ok })
	want := []Track{{bob, "r/p-bob-microphone-1.webm", at(3)}, {bob, "r/p-bob-microphone-2.webm", at(21)}}
	if !slices.Equal(got, want) {
		t.Errorf("TracksFrom = %+v, want %+v", got, want)
	}
}

// TestBuildTranscribesRecordings runs the whole chain on two WebM
// recordings like package media's: convert, voice activity, pocketsphinx.
func TestBuildTranscribesRecordings(t *testing.T) {
	s := newSphinx(t)
	dir := t.TempDir()
	aliceWAV, aliceSpeech := makeTrack(t, dir, "alice", quiet(secs(0.8)), say("Tell me about the quick brown fox"), quiet(secs(6)))
	bobWAV, bobSpeech := makeTrack(t, dir, "bob", quiet(secs(1)), say("The quick brown fox jumps over the lazy dog"), quiet(secs(1)))
	tracks := []Track{
		{Speaker: bob, Path: toWebM(t, bobWAV), Started: at(4)},
		{Speaker: alice, Path: toWebM(t, aliceWAV), Started: at(0)},
	}
	tr, err := Build(t.Context(), s, tracks, "en")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("transcript: %+v", tr.Lines)
	if tr.Engine != "pocketsphinx" || !strings.Contains(tr.Quality, "wrong words") {
		t.Errorf("engine %q, quality %q", tr.Engine, tr.Quality)
	}
	if len(tr.Lines) < 2 || tr.Lines[0].Speaker != alice || tr.Lines[len(tr.Lines)-1].Speaker != bob {
		t.Fatalf("lines = %+v, want Alice's question, then Bob's answer", tr.Lines)
	}
	const slack = 400 * time.Millisecond // Opus and resampling shift edges a little
	for _, l := range tr.Lines {
		speech, start := aliceSpeech[0], at(0)
		if l.Speaker == bob {
			speech, start = bobSpeech[0], at(4)
		}
		if l.Start.Before(start.Add(speech.Start-slack)) || l.End.After(start.Add(speech.End+slack)) {
			t.Errorf("%s's line %v–%v is outside their speech %v–%v", l.Speaker.Name, l.Start, l.End,
				start.Add(speech.Start), start.Add(speech.End))
		}
	}
	talk := tr.TalkTime()
	if len(talk) != 2 || talk[0].Speaker != alice || !near(talk[1].Time, bobSpeech[0].Len(), slack) {
		t.Errorf("talk time = %v, want Alice then Bob with about %v", talk, bobSpeech[0].Len())
	}
}
