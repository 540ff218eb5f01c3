package transcribe

import (
	"time"
)

// Window is the time a question was on screen (the room's question
// windows); a zero To means it was still open when the transcript ends.
type Window struct {
	Index int
	From  time.Time
	To    time.Time
}

// Question is the part of a transcript said while one question was on
// screen.
type Question struct {
	Index int       `json:"index"`
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
	Lines []Line    `json:"lines"`
	Talk  []Talk    `json:"talk"` // per speaker, in the order they first spoke
}

// Talk is how long a speaker spoke.
type Talk struct {
	Speaker Speaker       `json:"speaker"`
	Time    time.Duration `json:"time"`
}

// Split cuts t into question windows, one Question per window in the given
// order. A line belongs to the window it overlaps most (the earliest on a
// tie; a line of no length, to the window holding its start); lines outside
// every window are in no Question. Talk time counts the speech inside the
// window only.
func Split(t Transcript, windows []Window) []Question {
	end := t.end()
	qs := make([]Question, len(windows))
	for i, w := range windows {
		to := w.To
		if to.IsZero() {
			to = latest(end, w.From)
		}
		qs[i] = Question{Index: w.Index, From: w.From, To: to, Talk: talk(t.Speech, w.From, to)}
	}
	for _, l := range t.Lines {
		if i := bestWindow(qs, l, end); i >= 0 {
			qs[i].Lines = append(qs[i].Lines, l)
		}
	}
	return qs
}

// TalkTime is each speaker's talk time over the whole transcript, in the
// order they first spoke.
func (t Transcript) TalkTime() []Talk {
	if len(t.Speech) == 0 {
		return nil
	}
	from := t.Speech[0].From
	for _, s := range t.Speech {
		from = earliest(from, s.From)
	}
	return talk(t.Speech, from, t.end())
}

// end is the latest time in the transcript.
func (t Transcript) end() time.Time {
	var end time.Time
	for _, l := range t.Lines {
		end = latest(end, l.End)
	}
	for _, s := range t.Speech {
		end = latest(end, s.To)
	}
	return end
}

// bestWindow is the index of the question l belongs to, or -1. Windows
// are half-open, [From, To), except that the transcript's last instant
// (end) belongs to a window ending there.
func bestWindow(qs []Question, l Line, end time.Time) int {
	best, most := -1, time.Duration(0)
	for i, q := range qs {
		if !l.End.After(l.Start) {
			if !l.Start.Before(q.From) && (l.Start.Before(q.To) || l.Start.Equal(end) && q.To.Equal(end)) {
				return i
			}
			continue
		}
		if o := earliest(l.End, q.To).Sub(latest(l.Start, q.From)); o > most {
			best, most = i, o
		}
	}
	return best
}

// talk sums each speaker's turns clipped to [from, to).
func talk(turns []Turn, from, to time.Time) []Talk {
	spans := map[string][]Span{}
	var order []Speaker
	for _, t := range turns {
		a, b := latest(t.From, from), earliest(t.To, to)
		if !b.After(a) {
			continue
		}
		if _, seen := spans[t.Speaker.ID]; !seen {
			order = append(order, t.Speaker)
		}
		spans[t.Speaker.ID] = append(spans[t.Speaker.ID], Span{Start: a.Sub(from), End: b.Sub(from)})
	}
	out := make([]Talk, 0, len(order))
	for _, sp := range order {
		out = append(out, Talk{Speaker: sp, Time: TalkTime(spans[sp.ID])})
	}
	return out
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
