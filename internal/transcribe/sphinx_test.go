package transcribe

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// espeak-ng's voice is far from the speech pocketsphinx's model learnt
// (PLATFORM.md measured this): the tests check where text is found and that
// a clear sentence is partly recognised, not what every word is.

func TestSphinxTranscribesWhereSpeechIs(t *testing.T) {
	s := newSphinx(t)
	wav, speech := makeTrack(t, t.TempDir(), "answer",
		quiet(secs(1.2)), say("The quick brown fox jumps over the lazy dog"),
		quiet(secs(1.5)), say("A database index makes queries faster"),
		quiet(secs(1)))
	segs, err := s.Transcribe(t.Context(), Audio{Path: wav, Language: "en-US"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("segments: %+v", segs)
	if len(segs) == 0 {
		t.Fatal("no segments")
	}
	const slack = 300 * time.Millisecond
	for i, seg := range segs {
		inside := slices.ContainsFunc(speech, func(sp Span) bool {
			return seg.Start >= sp.Start-slack && seg.End <= sp.End+slack && seg.End > seg.Start
		})
		if !inside {
			t.Errorf("segment %d %v–%v %q is outside the speech %v", i, seg.Start, seg.End, seg.Text, speech)
		}
		if seg.Confidence < 0 || seg.Confidence > 1 || seg.Text == "" {
			t.Errorf("segment %d = %+v, want text and a confidence in 0..1", i, seg)
		}
		if i > 0 && seg.Start < segs[i-1].End {
			t.Errorf("segment %d starts at %v, before the previous one ends (%v)", i, seg.Start, segs[i-1].End)
		}
	}
	first := words(segs, speech[0])
	heard := slices.DeleteFunc(slices.Clone(first), func(w string) bool {
		return !slices.Contains([]string{"quick", "brown", "fox", "jumps", "over", "lazy", "dog"}, w)
	})
	if len(heard) < 2 {
		t.Errorf("first sentence heard as %q: want at least two of its words", first)
	}
}

// words is the recognised text inside a span.
func words(segs []Segment, sp Span) []string {
	var out []string
	for _, s := range segs {
		if s.Start < sp.End && s.End > sp.Start {
			out = append(out, strings.Fields(s.Text)...)
		}
	}
	return out
}

func TestSphinxSpotsAKeyword(t *testing.T) {
	s := newSphinx(t)
	wav, speech := makeTrack(t, t.TempDir(), "keywords",
		quiet(secs(1)), say("Tell me about your last project"),
		quiet(secs(1.2)), say("The quick brown fox jumps over the lazy dog"),
		quiet(secs(1)))
	hits, err := s.KeywordSpot(t.Context(), Audio{Path: wav}, []string{"Fox", "zzqxv"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("hits: %+v", hits)
	found := slices.ContainsFunc(hits, func(h Hit) bool {
		return h.Term == "Fox" && h.Start >= speech[1].Start && h.End <= speech[1].End+300*time.Millisecond
	})
	if !found {
		t.Errorf("hits = %+v, want Fox inside %v", hits, speech[1])
	}
	if slices.ContainsFunc(hits, func(h Hit) bool { return h.Term != "Fox" }) {
		t.Errorf("hits = %+v: a term the dictionary lacks cannot be spotted", hits)
	}
}

func TestSphinxSpeaksEnglishOnly(t *testing.T) {
	s := newSphinx(t)
	wav, _ := makeTrack(t, t.TempDir(), "short", quiet(secs(0.5)))
	for _, lang := range []string{"de", "fr-CA"} {
		if _, err := s.Transcribe(t.Context(), Audio{Path: wav, Language: lang}); !errors.Is(err, ErrLanguage) {
			t.Errorf("Transcribe in %s = %v, want ErrLanguage", lang, err)
		}
	}
	segs, err := s.Transcribe(t.Context(), Audio{Path: wav, Language: "en"})
	if err != nil || len(segs) != 0 {
		t.Errorf("Transcribe of silence = %v, %v; want nothing", segs, err)
	}
}

func TestCancelEndsThePrograms(t *testing.T) {
	s := newSphinx(t)
	dir := t.TempDir()
	var parts []part
	for range 12 {
		parts = append(parts, say("Hash tables give constant time lookups on average"), quiet(secs(0.6)))
	}
	wav, _ := makeTrack(t, dir, "long", parts...)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := s.Transcribe(ctx, Audio{Path: wav})
		done <- err
	}()
	// Cancel once the decoder runs.
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	running := func(c testmain.Child) bool { return c.Name == "pocketsphinx_ba" }
	for !slices.ContainsFunc(testmain.Children(t), running) {
		select {
		case err := <-done:
			t.Fatalf("Transcribe ended (%v) before its decoder was seen", err)
		case <-tick.C:
		}
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Transcribe = %v, want context.Canceled", err)
	}
	if left := testmain.Children(t); len(left) > 0 {
		t.Fatalf("programs still running after cancel: %v", left)
	}
}

func TestParseBacktraceReadsTheDecodersTables(t *testing.T) {
	// Excerpt of a real log: the table is written twice, log lines come
	// between its rows, spotted phrases hold spaces.
	log := `INFO: batch.c(729): Decoding 'u0'
INFO: pocketsphinx.c(1168): the quick (-18169)
word                 start end   pprob ascr       lscr       lback
INFO: ngram_search.c(1025): bestpath 0.00 CPU 0.000 xRT
<s>                  0     10    1.000 -93184     0          1
the(2)               11    25    0.624 -496640    -190       2
quick                32    59    0.000 -1645568   -611       1
INFO: batch.c(760): u0: 2.77 seconds speech, 0.64 seconds CPU, 0.70 seconds wall
the quick (u0 -18169)
word                 start end   pprob ascr       lscr       lback
<s>                  0     10    1.000 -93184     0          1
the(2)               11    25    0.624 -496640    -190       2
quick                32    59    0.000 -1645568   -611       1
u0 done --------------------------------------
INFO: batch.c(729): Decoding 'u1'
word                 start end   pprob ascr       lscr       lback
lazy dog             193   253   0.816 -7942      0          0
fox                  86    116   0.856 -3326      0          0
lazy dog  fox  (u1 0)
`
	got := parseBacktrace(log)
	want := map[string][]word{
		"u0": {{"<s>", 0, secs(0.11), 1}, {"the", secs(0.11), secs(0.26), 0.624}, {"quick", secs(0.32), secs(0.6), 0}},
		"u1": {{"lazy dog", secs(1.93), secs(2.54), 0.816}, {"fox", secs(0.86), secs(1.17), 0.856}},
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s = %+v, want %+v", id, got[id], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("utterances = %v, want %d", got, len(want))
	}
}
