package transcribe

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Voice activity thresholds: quieter than silenceLevel for at least
// silenceMin counts as a pause; spoken spans shorter than minSpeech (a
// click, a breath) are dropped.
const (
	silenceLevel = "-35dB"
	silenceMin   = 0.4 // seconds
	minSpeech    = 50 * time.Millisecond
)

// Speech finds the spoken spans of a WAV track with ffmpeg's silencedetect
// filter (no model: any sound louder than -35 dBFS between pauses of 0.4 s
// or more counts as speech). The spans are in time order and do not
// overlap; a silent track has none (an empty slice, not nil).
func Speech(ctx context.Context, wavPath string) ([]Span, error) {
	info, err := readWAV(wavPath)
	if err != nil {
		return nil, err
	}
	prog, err := ffmpeg.path()
	if err != nil {
		return nil, err
	}
	log, err := run(ctx, prog, "-nostdin", "-hide_banner", "-nostats", "-i", wavPath, "-af", silenceFilter(), "-f", "null", "-")
	if err != nil {
		return nil, fmt.Errorf("voice activity of %s: %w", wavPath, err)
	}
	return spokenSpans(log, info.duration), nil
}

func silenceFilter() string {
	return fmt.Sprintf("silencedetect=noise=%s:d=%g", silenceLevel, silenceMin)
}

// spokenSpans turns silencedetect's log into the spans between silences of
// a track lasting total.
func spokenSpans(log []byte, total time.Duration) []Span {
	var spans []Span
	from, silent := time.Duration(0), false // start of the current spoken span
	add := func(to time.Duration) {
		if to-from >= minSpeech {
			spans = append(spans, Span{Start: from, End: to})
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(log))
	for sc.Scan() {
		line := sc.Text()
		if at, ok := logTime(line, "silence_start:"); ok && !silent {
			add(min(at, total))
			silent = true
		} else if at, ok := logTime(line, "silence_end:"); ok {
			from, silent = min(at, total), false
		}
	}
	if !silent {
		add(total)
	}
	if spans == nil {
		return []Span{} // not nil: "known, and none" for Audio.Speech
	}
	return slices.Clip(spans)
}

// logTime reads the seconds after key in a silencedetect log line.
func logTime(line, key string) (time.Duration, bool) {
	_, rest, ok := strings.Cut(line, key)
	if !ok {
		return 0, false
	}
	f := strings.Fields(rest)
	if len(f) == 0 {
		return 0, false
	}
	s, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return 0, false
	}
	return max(0, time.Duration(s*float64(time.Second))), true
}

// TalkTime is the time covered by spans, counting overlaps once.
func TalkTime(spans []Span) time.Duration {
	sorted := slices.SortedFunc(slices.Values(spans), func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	var total, end time.Duration
	for i, s := range sorted {
		if i == 0 || s.Start > end {
			total += max(0, s.Len())
			end = s.End
			continue
		}
		if s.End > end {
			total += s.End - end
			end = s.End
		}
	}
	return total
}
