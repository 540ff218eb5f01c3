package timeline

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// MinAbsence is the shortest leave-and-return shown at all: anything quicker
// is a page reload or a connection handed over, not an absence.
const MinAbsence = time.Second

// Options tune Build.
type Options struct {
	// ReconnectWithin folds a "left" and the same person's next "joined" into
	// one "reconnected" row when they are at most this far apart (default 30 s).
	ReconnectWithin time.Duration
}

// Timeline is an interview's rows with the view of the state they were built
// from.
type Timeline struct {
	Rows  []Row
	State room.InterviewerView
}

// ForOrganizer builds the timeline as the interview's organizer (its first
// interviewer) sees it: other interviewers' notes appear once it has ended.
func ForOrganizer(iv interviews.Interview, events []room.Event, st room.State) Timeline {
	organizer := ""
	if len(iv.Interviewers) > 0 {
		organizer = iv.Interviewers[0].Email
	}
	// Only the organizer may lack an email, so "" selects exactly their notes.
	v := room.ForInterviewer(st, iv, organizer)
	return Timeline{Rows: Build(events, v, Options{}), State: v}
}

// Build turns the event log and one interviewer's view of the state into
// chronological rows. Rated, commented and note_saved events are not rows of
// their own: ratings and comments show on their question, the latest notes
// come from the view. Event types it does not know and events without a time
// are skipped.
func Build(events []room.Event, v room.InterviewerView, o Options) []Row {
	if o.ReconnectWithin == 0 {
		o.ReconnectWithin = 30 * time.Second
	}
	b := newBuilder(v, o)
	for _, ev := range events {
		if !ev.At.IsZero() {
			b.event(ev)
		}
	}
	b.notes()
	return b.sorted()
}

// placed is a row with its tie-break order (the event's place in the log).
type placed struct {
	Row
	order   uint64
	dropped bool
}

type builder struct {
	v       room.InterviewerView
	o       Options
	total   int
	windows []room.Window
	used    []bool
	next    int
	seen    map[int]bool
	rows    []placed
	// lastLeft: actor → index in rows of their latest "left" not yet followed
	// by a "joined".
	lastLeft map[string]int
	// consents: actor and answers → index in rows of their first consent.
	consents map[string]int
	// lastAway: index in rows of the candidate's absence from the tab not yet
	// ended, or -1.
	lastAway int
}

func newBuilder(v room.InterviewerView, o Options) *builder {
	b := &builder{v: v, o: o, total: v.State.Questions, seen: map[int]bool{},
		lastLeft: map[string]int{}, consents: map[string]int{}, lastAway: -1}
	if b.total == 0 {
		b.total = len(v.Questions)
	}
	for _, w := range v.Windows {
		if !w.From.IsZero() {
			b.windows = append(b.windows, w)
		}
	}
	b.used = make([]bool, len(b.windows))
	return b
}

func actorKey(a room.Actor) string {
	return string(a.Role) + "\x00" + strings.ToLower(a.Email) + "\x00" + a.Name
}

func (b *builder) push(r Row, order uint64) {
	b.rows = append(b.rows, placed{Row: r, order: order})
}

func (b *builder) event(ev room.Event) {
	r := Row{Key: fmt.Sprintf("e-%d", ev.Seq), At: ev.At, Actor: personOf(ev.Actor)}
	order := 2 * ev.Seq
	switch ev.Type {
	case room.TypeJoined:
		if b.returned(ev) {
			return
		}
		r.Kind = KindJoined
	case room.TypeLeft:
		b.lastLeft[actorKey(ev.Actor)] = len(b.rows)
		r.Kind = KindLeft
	case room.TypeConsented:
		if b.consentRepeated(ev, &r) {
			return
		}
	case room.TypeLocked:
		r.Kind = KindLocked
	case room.TypeUnlocked:
		r.Kind = KindUnlocked
	case room.TypeStarted:
		r.Kind = KindStarted
	case room.TypeTopicChecked:
		var d room.TopicCheckData
		_ = json.Unmarshal(ev.Data, &d)
		r.Kind = KindTopicUnchecked
		if d.Done {
			r.Kind = KindTopicChecked
		}
		r.Topic = b.topic(d.TopicID)
	case room.TypeTopicAdded:
		var d room.TopicAddData
		_ = json.Unmarshal(ev.Data, &d)
		r.Kind, r.Topic = KindTopicAdded, b.topic(d.ID)
		if t := strings.TrimSpace(d.Title); t != "" {
			r.Topic = &room.Topic{ID: d.ID, Title: t, Added: true}
		}
	case room.TypeTechnicalStarted:
		r.Kind = KindTechnicalStarted
		b.push(r, order)
		if b.total > 0 || len(b.windows) > 0 {
			b.push(b.question(ev, 0), order+1)
		}
		return
	case room.TypeQuestionShown:
		i, ok := questionIndex(ev.Data)
		if !ok {
			return
		}
		r = b.question(ev, i)
	case room.TypeRephraseShown:
		i, ok := questionIndex(ev.Data)
		if !ok {
			return
		}
		r.Kind, r.Rephrase = KindRephrased, &Rephrase{Index: i, Number: i + 1}
		if i < len(b.v.Questions) {
			r.Rephrase.Alternative = b.v.Questions[i].Alternative
		}
	case room.TypeFinishStarted:
		r.Kind = KindFinishStarted
	case room.TypeEnded:
		r.Kind = KindEnded
		if start := b.v.StartedAt; !start.IsZero() && !ev.At.Before(start) {
			lasted := ev.At.Sub(start).Milliseconds()
			r.LastedMs = &lasted
		}
	default:
		if !b.workspace(ev, &r) {
			return // rated, commented, note_saved, code changes, and types newer than this code
		}
	}
	b.push(r, order)
}

// workspace fills r for the workspace's events worth a row; it reports
// whether ev makes one.
func (b *builder) workspace(ev room.Event, r *Row) bool {
	switch ev.Type {
	case room.TypePasted:
		var d room.PasteData
		_ = json.Unmarshal(ev.Data, &d)
		r.Kind, r.Paste = KindPasted, &Paste{Doc: d.Doc, Length: d.Length, External: d.External}
	case room.TypeFocusLeft:
		b.lastAway = len(b.rows)
		r.Kind = KindTabAway
	case room.TypeFocusReturned:
		var d room.FocusData
		_ = json.Unmarshal(ev.Data, &d)
		if b.lastAway >= 0 {
			away := &b.rows[b.lastAway]
			away.AwayMs, away.dropped = d.AwayMS, d.AwayMS < MinAbsence.Milliseconds()
			b.lastAway = -1
		}
		return false
	case room.TypeCodeRun:
		var d room.RunData
		_ = json.Unmarshal(ev.Data, &d)
		r.Kind, r.Run = KindRan, &Run{Doc: d.Doc, Language: d.Language, Status: d.Status, ExitCode: d.ExitCode,
			DurationMs: d.DurationMS, Runner: d.Runner, By: personOf(d.By)}
		r.Actor = personOf(d.By)
	case room.TypeCodeLanguage:
		var d room.CodeLanguageData
		_ = json.Unmarshal(ev.Data, &d)
		r.Kind, r.Language = KindLanguage, &Language{Doc: d.Doc, Language: d.Language}
	case room.TypeCodeChanged:
		var d room.CodeChangeData
		_ = json.Unmarshal(ev.Data, &d)
		if d.Question == nil {
			return false
		}
		i := *d.Question
		r.Kind, r.Question = KindStarterLoaded, &Question{Index: i, Number: i + 1, Total: b.total, From: ev.At}
		if i >= 0 && i < len(b.v.Questions) {
			r.Question.Text = b.v.Questions[i].Text
		}
	default:
		return false
	}
	return true
}

// returned handles a "joined" that follows the same person's "left": within
// MinAbsence both go, within ReconnectWithin the "left" becomes "reconnected".
// It reports whether the "joined" needs no row of its own.
func (b *builder) returned(ev room.Event) bool {
	k := actorKey(ev.Actor)
	i, ok := b.lastLeft[k]
	if !ok {
		return false
	}
	delete(b.lastLeft, k)
	left := &b.rows[i]
	away := ev.At.Sub(left.At)
	switch {
	case away < MinAbsence:
		left.dropped = true
	case away <= b.o.ReconnectWithin:
		left.Kind, left.AwayMs = KindReconnected, away.Milliseconds()
	default:
		return false
	}
	return true
}

// consentRepeated fills r with ev's consent, or counts ev on the row of an
// earlier consent with the same answers by the same person and reports true.
func (b *builder) consentRepeated(ev room.Event, r *Row) bool {
	var d room.ConsentData
	_ = json.Unmarshal(ev.Data, &d)
	k := fmt.Sprintf("%s\x00%t%t%t", actorKey(ev.Actor), d.PersonalData, d.AIAnalysis, d.RecordingNotice)
	if i, ok := b.consents[k]; ok {
		b.rows[i].Consent.Repeats++
		return true
	}
	b.consents[k] = len(b.rows)
	r.Kind, r.Consent = KindConsented, &Consent{ConsentData: d}
	return false
}

func questionIndex(raw json.RawMessage) (int, bool) {
	var d struct{ Index *int }
	if json.Unmarshal(raw, &d) != nil || d.Index == nil || *d.Index < 0 {
		return 0, false
	}
	return *d.Index, true
}

// topic names a topic from the view's topics or plan; unknown ones by ID.
func (b *builder) topic(id string) *room.Topic {
	for _, list := range [][]room.Topic{b.v.Topics, b.v.Plan} {
		for _, t := range list {
			if t.ID == id {
				return &t
			}
		}
	}
	return &room.Topic{ID: id, Title: id}
}

// window finds the window a question_shown (or technical_started) event
// opened: the next one in order, else one with its index and start time, else
// one from the event alone (still on screen).
func (b *builder) window(index int, at time.Time) room.Window {
	if n := b.next; n < len(b.windows) && b.windows[n].Index == index && !b.used[n] {
		b.used[n], b.next = true, n+1
		return b.windows[n]
	}
	for k, w := range b.windows {
		if !b.used[k] && w.Index == index && w.From.Equal(at) {
			b.used[k], b.next = true, k+1
			return w
		}
	}
	return room.Window{Index: index, From: at}
}

func (b *builder) question(ev room.Event, index int) Row {
	w := b.window(index, ev.At)
	again := b.seen[index]
	b.seen[index] = true
	q := &Question{Index: index, Number: index + 1, Total: b.total, From: w.From, Again: again,
		Rephrased: !again && b.v.Rephrased[index], Skipped: w.Skipped}
	if index < len(b.v.Questions) {
		q.Text = b.v.Questions[index].Text
	}
	if !w.To.IsZero() {
		d := max(0, w.To.Sub(w.From).Milliseconds())
		q.To, q.DurationMs = w.To, &d
	}
	if !again {
		if r := b.v.Ratings[index]; r >= 1 && r <= 5 {
			q.Rating = r
		}
		if c := b.v.Comments[index]; strings.TrimSpace(c) != "" {
			q.Comment = c
		}
	}
	return Row{Key: fmt.Sprintf("q-%d", ev.Seq), At: w.From, Kind: KindQuestion,
		Actor: personOf(ev.Actor), Question: q}
}

// notes adds each interviewer's latest notes at their save time; empty and
// never saved ones are left out.
func (b *builder) notes() {
	keys := make([]string, 0, len(b.v.Notes))
	for k := range b.v.Notes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		n := b.v.Notes[k]
		if strings.TrimSpace(n.Text) == "" || n.SavedAt.IsZero() {
			continue
		}
		b.push(Row{Key: "note-" + k, At: n.SavedAt, Kind: KindNote,
			Note: &Note{Author: personOf(n.Author), Text: n.Text, SavedAt: n.SavedAt}}, math.MaxUint64)
	}
}

// sorted orders rows by time, then by their place in the log (notes after
// events at the same moment).
func (b *builder) sorted() []Row {
	sort.SliceStable(b.rows, func(i, j int) bool {
		x, y := b.rows[i], b.rows[j]
		if !x.At.Equal(y.At) {
			return x.At.Before(y.At)
		}
		return x.order < y.order
	})
	out := make([]Row, 0, len(b.rows))
	for _, r := range b.rows {
		if !r.dropped {
			out = append(out, r.Row)
		}
	}
	return out
}
