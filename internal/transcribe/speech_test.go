package transcribe

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"testing"
	"time"
)

func TestSpeechFindsTheSpokenSpans(t *testing.T) {
	dir := t.TempDir()
	wav, want := makeTrack(t, dir, "layout",
		quiet(secs(1)), say("Hash tables give constant time lookups"),
		quiet(secs(1.5)), say("An index makes the query faster"),
		quiet(secs(2.2)), say("Thank you"), quiet(secs(0.8)))
	got, err := Speech(t.Context(), wav)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("spans = %v, want %v", got, want)
	}
	const tol = 300 * time.Millisecond
	for i := range want {
		if !near(got[i].Start, want[i].Start, tol) || !near(got[i].End, want[i].End, tol) {
			t.Errorf("span %d = %v–%v, want %v–%v (±%v)", i, got[i].Start, got[i].End, want[i].Start, want[i].End, tol)
		}
	}
	if g, w := TalkTime(got), TalkTime(want); !near(g, w, tol) {
		t.Errorf("TalkTime = %v, want %v", g, w)
	}
}

func TestSpeechOfSilenceIsEmpty(t *testing.T) {
	wav, _ := makeTrack(t, t.TempDir(), "silent", quiet(secs(2)))
	got, err := Speech(t.Context(), wav)
	if err != nil || len(got) != 0 {
		t.Fatalf("Speech = %v, %v; want no spans", got, err)
	}
}

func TestConvertReadsARecording(t *testing.T) {
	dir := t.TempDir()
	wav, want := makeTrack(t, dir, "voice", quiet(secs(0.7)), say("Binary search halves the range each step"), quiet(secs(1)))
	webm := toWebM(t, wav)
	out := dir + "/converted.wav"
	if err := Convert(t.Context(), webm, out); err != nil {
		t.Fatal(err)
	}
	info, err := readWAV(out) // checks 16 kHz mono 16-bit
	if err != nil {
		t.Fatal(err)
	}
	if total := want[0].End + secs(1); !near(info.duration, total, 100*time.Millisecond) {
		t.Errorf("duration = %v, want %v", info.duration, total)
	}
	got, err := Speech(t.Context(), out)
	if err != nil || len(got) != 1 || !near(got[0].Start, want[0].Start, 300*time.Millisecond) {
		t.Errorf("Speech = %v, %v; want about %v", got, err, want)
	}
}

// Prepare decodes once what Convert and Speech decode twice: the same WAV
// samples and the same spoken spans (to the sample frames ffmpeg's filter
// happens to cut the audio in).
func TestPrepareIsConvertAndSpeechInOnePass(t *testing.T) {
	dir := t.TempDir()
	wav, _ := makeTrack(t, dir, "voice", quiet(secs(0.9)), say("A queue serves the oldest item first"),
		quiet(secs(1.2)), say("A stack serves the newest"), quiet(secs(1)))
	webm := toWebM(t, wav)
	one, two := dir+"/one.wav", dir+"/two.wav"
	got, err := Prepare(t.Context(), webm, one)
	if err != nil {
		t.Fatal(err)
	}
	if err := Convert(t.Context(), webm, two); err != nil {
		t.Fatal(err)
	}
	want, err := Speech(t.Context(), two)
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b Span) bool {
		return near(a.Start, b.Start, time.Millisecond) && near(a.End, b.End, time.Millisecond)
	}
	if len(got) != 2 || !slices.EqualFunc(got, want, same) {
		t.Errorf("Prepare spans = %v, Convert+Speech = %v", got, want)
	}
	a, errA := os.ReadFile(one)
	b, errB := os.ReadFile(two)
	if errA != nil || errB != nil || !bytes.Equal(a, b) {
		t.Errorf("the WAV files differ (%d and %d bytes; %v %v)", len(a), len(b), errA, errB)
	}
}

func TestConvertRejectsWhatIsNotAudio(t *testing.T) {
	need(t, "ffmpeg")
	dir := t.TempDir()
	bad := dir + "/notes.webm"
	sh(t, "sh", "-c", "echo not a recording > "+bad)
	if err := Convert(t.Context(), bad, dir+"/out.wav"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("Convert = %v, want ErrInvalid", err)
	}
	if _, err := Speech(t.Context(), bad); !errors.Is(err, ErrInvalid) {
		t.Fatalf("Speech = %v, want ErrInvalid", err)
	}
}

func TestTalkTimeCountsOverlapsOnce(t *testing.T) {
	tests := []struct {
		name  string
		spans []Span
		want  time.Duration
	}{
		{"none", nil, 0},
		{"apart", []Span{{secs(5), secs(6)}, {secs(0), secs(2)}}, secs(3)},
		{"overlapping", []Span{{secs(0), secs(3)}, {secs(2), secs(4)}}, secs(4)},
		{"inside", []Span{{secs(0), secs(10)}, {secs(2), secs(4)}, {secs(11), secs(12)}}, secs(11)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TalkTime(tt.spans); got != tt.want {
				t.Errorf("TalkTime(%v) = %v, want %v", tt.spans, got, tt.want)
			}
		})
	}
}
