package timeline

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

var (
	alex   = room.Actor{Role: room.RoleInterviewer, Email: "alex@example.com", Name: "Alex Recruiter"}
	sam    = room.Actor{Role: room.RoleInterviewer, Email: "sam@example.com", Name: "Sam Lee"}
	olivia = room.Actor{Role: room.RoleCandidate, Email: "olivia@example.com", Name: "Olivia Diaz"}

	allConsent = room.ConsentData{PersonalData: true, AIAnalysis: true, RecordingNotice: true}
)

// at is a time on the interview's day, "HH:MM:SS" or "HH:MM:SS.mmm", in UTC;
// "" is the zero time.
func at(hhmmss string) time.Time {
	if hhmmss == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, "2026-11-25T"+hhmmss+"Z")
	if err != nil {
		panic(err)
	}
	return t
}

type entry struct {
	at    string
	typ   room.Type
	actor room.Actor
	data  any
}

// events numbers the entries as the log would.
func events(t *testing.T, entries ...entry) []room.Event {
	t.Helper()
	out := make([]room.Event, 0, len(entries))
	for i, e := range entries {
		ev := room.Event{Seq: uint64(i + 1), At: at(e.at), Version: room.CurrentVersion, Type: e.typ, Actor: e.actor}
		if e.data != nil {
			raw, err := json.Marshal(e.data)
			if err != nil {
				t.Fatal(err)
			}
			ev.Data = raw
		}
		out = append(out, ev)
	}
	return out
}

func questions() []templates.Question {
	qs := make([]templates.Question, 10)
	for i := range qs {
		qs[i] = templates.Question{ID: fmt.Sprintf("q%d", i+1), Text: fmt.Sprintf("Question text %d", i+1),
			Alternative: fmt.Sprintf("Alternative %d", i+1), ExpectedAnswer: fmt.Sprintf("Expected %d", i+1)}
	}
	return qs
}

// view is an organizer's view of a ten-question interview, changed by edit.
func view(edit func(v *room.InterviewerView)) room.InterviewerView {
	st := room.NewState(room.Plan{Topics: []room.Topic{
		{ID: "t1", Title: "General information"}, {ID: "t2", Title: "Experience"}, {ID: "t3", Title: "Motivation"},
	}, Questions: 10})
	v := room.InterviewerView{State: st, Questions: questions()}
	if edit != nil {
		edit(&v)
	}
	return v
}

// line writes a row tersely, without locale, for comparing whole timelines.
func line(r Row) string {
	s := r.At.Format("15:04") + " " + string(r.Kind)
	switch r.Kind {
	case KindJoined, KindLeft, KindLocked, KindUnlocked:
		s += " " + r.Actor.Name
	case KindReconnected:
		s += fmt.Sprintf(" %s away %s", r.Actor.Name, time.Duration(r.AwayMs)*time.Millisecond)
	case KindConsented:
		s += " " + r.Actor.Name
		if r.Consent.Repeats > 0 {
			s += fmt.Sprintf(" repeats %d", r.Consent.Repeats)
		}
	case KindTopicChecked, KindTopicUnchecked, KindTopicAdded:
		s += " " + r.Topic.Title
	case KindRephrased:
		s += fmt.Sprint(" ", r.Rephrase.Number)
	case KindNote:
		s += " " + r.Note.Author.Name
	case KindQuestion:
		q := r.Question
		s += fmt.Sprint(" ", q.Number)
		if q.Total > 0 {
			s += fmt.Sprint("/", q.Total)
		}
		if q.Again {
			s += " again"
		}
		if q.Skipped {
			s += " skipped"
		}
		if q.DurationMs == nil {
			s += " " + q.From.Format("15:04") + "–now"
		} else {
			s += fmt.Sprintf(" %s–%s %s", q.From.Format("15:04"), q.To.Format("15:04"),
				time.Duration(*q.DurationMs)*time.Millisecond)
		}
	}
	return s
}

func lines(rows []Row) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, line(r))
	}
	return out
}

func ms(d time.Duration) *int64 {
	n := d.Milliseconds()
	return &n
}

func find(t *testing.T, rows []Row, ok func(Row) bool) Row {
	t.Helper()
	for _, r := range rows {
		if ok(r) {
			return r
		}
	}
	t.Fatalf("no such row in %q", lines(rows))
	return Row{}
}

func kind(k Kind) func(Row) bool { return func(r Row) bool { return r.Kind == k } }

func TestBuildTellsEventsInOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		events []entry
		view   func(v *room.InterviewerView)
		opts   Options
		want   []string
	}{
		{name: "nothing happened yet", want: []string{}},
		{
			name: "the question on screen runs until now, also with a zero end time",
			events: []entry{
				{"09:00:00", room.TypeStarted, alex, nil},
				{"09:01:00", room.TypeTechnicalStarted, alex, nil},
				{"09:03:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 2}},
			},
			view: func(v *room.InterviewerView) {
				v.Phase, v.Question = room.PhaseTechnical, 2
				v.Windows = []room.Window{{Index: 0, From: at("09:01:00"), To: at("09:03:00")}, {Index: 2, From: at("09:03:00")}}
			},
			want: []string{"09:00 started", "09:01 technical-started", "09:01 question 1/10 09:01–09:03 2m0s", "09:03 question 3/10 09:03–now"},
		},
		{
			name: "a skipped question says so",
			events: []entry{
				{"10:00:00", room.TypeTechnicalStarted, alex, nil},
				{"10:01:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 1, Skipped: true}},
			},
			view: func(v *room.InterviewerView) {
				v.Phase, v.Question = room.PhaseTechnical, 1
				v.Windows = []room.Window{{Index: 0, From: at("10:00:00"), To: at("10:01:00"), Skipped: true}, {Index: 1, From: at("10:01:00")}}
			},
			want: []string{"10:00 technical-started", "10:00 question 1/10 skipped 10:00–10:01 1m0s", "10:01 question 2/10 10:01–now"},
		},
		{
			name: "short and long windows keep their exact length",
			events: []entry{
				{"10:00:00", room.TypeTechnicalStarted, alex, nil},
				{"10:00:40", room.TypeQuestionShown, alex, room.QuestionData{Index: 1}},
				{"11:15:40", room.TypeFinishStarted, alex, nil},
			},
			view: func(v *room.InterviewerView) {
				v.Phase = room.PhaseFinish
				v.Windows = []room.Window{{Index: 0, From: at("10:00:00"), To: at("10:00:40")}, {Index: 1, From: at("10:00:40"), To: at("11:15:40")}}
			},
			want: []string{"10:00 technical-started", "10:00 question 1/10 10:00–10:00 40s", "10:00 question 2/10 10:00–11:15 1h15m0s", "11:15 finish-started"},
		},
		{
			name:   "each event finds its window past one without an event",
			events: []entry{{"10:00:00", room.TypeTechnicalStarted, alex, nil}, {"10:05:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 3}}},
			view: func(v *room.InterviewerView) {
				v.Windows = []room.Window{
					{Index: 0, From: at("10:00:00"), To: at("10:04:00")},
					{Index: 5, From: at("10:04:00"), To: at("10:05:00")}, // opened by a newer event type
					{Index: 3, From: at("10:05:00"), To: at("10:07:00")},
				}
			},
			want: []string{"10:00 technical-started", "10:00 question 1/10 10:00–10:04 4m0s", "10:05 question 4/10 10:05–10:07 2m0s"},
		},
		{
			name:   "without windows a question shows from its event's time",
			events: []entry{{"10:00:00", room.TypeTechnicalStarted, alex, nil}, {"10:05:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 3}}},
			view:   func(v *room.InterviewerView) { v.Windows = nil },
			want:   []string{"10:00 technical-started", "10:00 question 1/10 10:00–now", "10:05 question 4/10 10:05–now"},
		},
		{
			name:   "a window out of sequence is matched by index and start time",
			events: []entry{{"10:00:00", room.TypeTechnicalStarted, alex, nil}, {"10:05:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 3}}},
			view: func(v *room.InterviewerView) {
				v.Windows = []room.Window{{Index: 3, From: at("10:05:00"), To: at("10:09:00")}, {Index: 0, From: at("10:00:00"), To: at("10:05:00")}}
			},
			want: []string{"10:00 technical-started", "10:00 question 1/10 10:00–10:05 5m0s", "10:05 question 4/10 10:05–10:09 4m0s"},
		},
		{
			name: "a quick leave-and-return is one reconnected row, also with others acting in between",
			events: []entry{
				{"10:00:00", room.TypeJoined, olivia, room.JoinData{Connection: "a"}},
				{"10:00:05", room.TypeJoined, alex, room.JoinData{Connection: "b"}},
				{"10:10:00", room.TypeLeft, olivia, room.JoinData{Connection: "a"}},
				{"10:10:03", room.TypeTopicChecked, alex, room.TopicCheckData{TopicID: "t1", Done: true}},
				{"10:10:12", room.TypeJoined, olivia, room.JoinData{Connection: "c"}},
				{"10:20:00", room.TypeLeft, alex, room.JoinData{Connection: "b"}},
				{"10:25:00", room.TypeJoined, alex, room.JoinData{Connection: "d"}},
				{"10:30:00", room.TypeLeft, sam, room.JoinData{Connection: "e"}},
				{"10:30:10", room.TypeJoined, alex, room.JoinData{Connection: "f"}},
			},
			want: []string{
				"10:00 joined Olivia Diaz",
				"10:00 joined Alex Recruiter",
				"10:10 reconnected Olivia Diaz away 12s",
				"10:10 topic-checked General information",
				"10:20 left Alex Recruiter", // 5 minutes away: a real leave
				"10:25 joined Alex Recruiter",
				"10:30 left Sam Lee", // someone else's return is not Sam's
				"10:30 joined Alex Recruiter",
			},
		},
		{
			name:   "a return after the reconnect window is a leave and a join",
			events: []entry{{"10:00:00", room.TypeLeft, olivia, nil}, {"10:00:50", room.TypeJoined, olivia, nil}},
			want:   []string{"10:00 left Olivia Diaz", "10:00 joined Olivia Diaz"},
		},
		{
			name:   "a custom reconnect window",
			events: []entry{{"10:00:00", room.TypeLeft, olivia, nil}, {"10:00:50", room.TypeJoined, olivia, nil}},
			opts:   Options{ReconnectWithin: time.Minute},
			want:   []string{"10:00 reconnected Olivia Diaz away 50s"},
		},
		{
			name: "an absence shorter than a second is no row (a reload), one of a second is",
			events: []entry{
				{"10:00:00", room.TypeJoined, olivia, room.JoinData{Connection: "a"}},
				{"10:05:00", room.TypeLeft, olivia, room.JoinData{Connection: "a"}},
				{"10:05:00.300", room.TypeJoined, olivia, room.JoinData{Connection: "b"}},
				{"10:06:00", room.TypeLeft, olivia, room.JoinData{Connection: "b"}},
				{"10:06:00.999", room.TypeJoined, olivia, room.JoinData{Connection: "c"}},
				{"10:07:00", room.TypeLeft, olivia, room.JoinData{Connection: "c"}},
				{"10:07:01", room.TypeJoined, olivia, room.JoinData{Connection: "d"}},
			},
			want: []string{"10:00 joined Olivia Diaz", "10:07 reconnected Olivia Diaz away 1s"},
		},
		{
			name: "topics are named from the plan, else by their ID, and unchecking is told apart",
			events: []entry{
				{"10:00:00", room.TypeTopicChecked, alex, room.TopicCheckData{TopicID: "t3", Done: true}},
				{"10:01:00", room.TypeTopicChecked, alex, room.TopicCheckData{TopicID: "t3", Done: false}},
				{"10:02:00", room.TypeTopicChecked, alex, room.TopicCheckData{TopicID: "p9", Done: true}},
				{"10:03:00", room.TypeTopicChecked, alex, room.TopicCheckData{TopicID: "gone", Done: true}},
			},
			view: func(v *room.InterviewerView) { v.Plan = []room.Topic{{ID: "p9", Title: "From the plan list"}} },
			want: []string{
				"10:00 topic-checked Motivation",
				"10:01 topic-unchecked Motivation",
				"10:02 topic-checked From the plan list",
				"10:03 topic-checked gone",
			},
		},
		{
			name: "a topic added is named from its event, else from the view",
			events: []entry{
				{"10:00:00", room.TypeTopicAdded, alex, room.TopicAddData{ID: "x1", Title: "  Open source work "}},
				{"10:01:00", room.TypeTopicAdded, alex, room.TopicAddData{ID: "t2"}},
			},
			want: []string{"10:00 topic-added Open source work", "10:01 topic-added Experience"},
		},
		{
			name: "unknown event types and events without a time are skipped",
			events: []entry{
				{"10:00:00", "code_changed", alex, map[string]any{"ops": []any{}}},
				{"10:01:00", room.TypeLocked, alex, nil},
				{"10:02:00", room.TypeUnlocked, sam, nil},
				{"", room.TypeStarted, alex, nil},
			},
			want: []string{"10:01 locked Alex Recruiter", "10:02 unlocked Sam Lee"},
		},
		{
			name:   "missing maps are tolerated",
			events: []entry{{"10:00:00", room.TypeTechnicalStarted, alex, nil}},
			view: func(v *room.InterviewerView) {
				v.Windows, v.Ratings, v.Comments, v.Rephrased, v.Notes, v.Topics, v.Done = nil, nil, nil, nil, nil, nil, nil
			},
			want: []string{"10:00 technical-started", "10:00 question 1/10 10:00–now"},
		},
		{
			name:   "the total comes from the content when the count is missing",
			events: []entry{{"10:00:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 4}}},
			view:   func(v *room.InterviewerView) { v.State.Questions = 0 },
			want:   []string{"10:00 question 5/10 10:00–now"},
		},
		{
			name:   "no total when it is unknown",
			events: []entry{{"10:00:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 4}}},
			view:   func(v *room.InterviewerView) { v.State.Questions, v.Questions = 0, nil },
			want:   []string{"10:00 question 5 10:00–now"},
		},
		{
			name:   "a question event without an index is skipped",
			events: []entry{{"10:00:00", room.TypeQuestionShown, alex, map[string]any{}}, {"10:01:00", room.TypeRephraseShown, alex, map[string]int{"index": -1}}},
			want:   []string{},
		},
		{
			name:   "each interviewer's notes sit at their save time; empty and unsaved ones are left out",
			events: []entry{{"10:00:00", room.TypeStarted, alex, nil}, {"10:30:00", room.TypeEnded, alex, nil}},
			view: func(v *room.InterviewerView) {
				v.StartedAt = at("10:00:00")
				v.Notes = map[string]room.Note{
					"sam@example.com":  {Author: sam, Text: "Sam’s notes", SavedAt: at("10:10:00")},
					"alex@example.com": {Author: alex, Text: "Alex’s notes", SavedAt: at("10:30:00")},
					"name:Nobody":      {Author: room.Actor{Role: room.RoleInterviewer, Name: "Nobody"}, Text: "  \n", SavedAt: at("10:05:00")},
					"zero@example.com": {Author: alex, Text: "never saved"},
				}
			},
			want: []string{
				"10:00 started",
				"10:10 note Sam Lee",
				"10:30 ended", // an event at the same moment comes first
				"10:30 note Alex Recruiter",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := lines(Build(events(t, tt.events...), view(tt.view), tt.opts))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestBuildTellsAWholeTechnicalInterview(t *testing.T) {
	t.Parallel()
	evs := events(t,
		entry{"14:00:00", room.TypeJoined, alex, room.JoinData{Connection: "c1"}},
		entry{"14:01:00", room.TypeJoined, olivia, room.JoinData{Connection: "c2"}},
		entry{"14:01:30", room.TypeConsented, olivia, allConsent},
		entry{"14:02:00", room.TypeStarted, alex, nil},
		entry{"14:03:00", room.TypeTopicChecked, alex, room.TopicCheckData{TopicID: "t2", Done: true}},
		entry{"14:03:30", room.TypeTopicChecked, alex, room.TopicCheckData{TopicID: "t1", Done: true}},
		entry{"14:03:40", room.TypeTopicAdded, alex, room.TopicAddData{ID: "x1", Title: "Open source work"}},
		entry{"14:04:00", room.TypeNoteSaved, alex, room.NoteData{Text: "draft"}},
		entry{"14:05:00", room.TypeTechnicalStarted, alex, nil},
		entry{"14:06:00", room.TypeRephraseShown, alex, room.QuestionData{Index: 0}},
		entry{"14:11:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 1}},
		entry{"14:12:00", room.TypeRated, alex, room.RatingData{Index: 1, Rating: 2}},
		entry{"14:14:30", room.TypeQuestionShown, alex, room.QuestionData{Index: 0}},
		entry{"14:15:00", room.TypeRated, alex, room.RatingData{Index: 0, Rating: 4}},
		entry{"14:15:10", room.TypeCommented, alex, room.CommentData{Index: 0, Comment: "Clear on channels."}},
		entry{"14:16:00", room.TypeFinishStarted, alex, nil},
		entry{"14:40:00", room.TypeEnded, alex, nil},
	)
	v := view(func(v *room.InterviewerView) {
		v.Phase, v.StartedAt, v.EndedAt = room.PhaseEnded, at("14:02:00"), at("14:40:00")
		v.Topics = append(v.Topics, room.Topic{ID: "x1", Title: "Open source work", Added: true})
		v.Done = map[string]bool{"t1": true, "t2": true}
		v.Question = 0
		v.Windows = []room.Window{
			{Index: 0, From: at("14:05:00"), To: at("14:11:00")},
			{Index: 1, From: at("14:11:00"), To: at("14:14:30")},
			{Index: 0, From: at("14:14:30"), To: at("14:16:00")},
		}
		v.Rephrased = map[int]bool{0: true}
		v.Ratings = map[int]int{0: 4, 1: 2}
		v.Comments = map[int]string{0: "Clear on channels."}
		v.Notes = map[string]room.Note{"alex@example.com": {Author: alex, Text: "# Olivia\n- knows **channels**", SavedAt: at("14:39:00")}}
	})
	rows := Build(evs, v, Options{})
	want := []string{
		"14:00 joined Alex Recruiter",
		"14:01 joined Olivia Diaz",
		"14:01 consented Olivia Diaz",
		"14:02 started",
		"14:03 topic-checked Experience",
		"14:03 topic-checked General information",
		"14:03 topic-added Open source work",
		"14:05 technical-started",
		"14:05 question 1/10 14:05–14:11 6m0s",
		"14:06 rephrased 1",
		"14:11 question 2/10 14:11–14:14 3m30s",
		"14:14 question 1/10 again 14:14–14:16 1m30s",
		"14:16 finish-started",
		"14:39 note Alex Recruiter",
		"14:40 ended",
	}
	if got := lines(rows); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows:\n got %q\nwant %q", got, want)
	}

	q1 := find(t, rows, func(r Row) bool { return r.Question != nil && r.Question.Index == 0 && !r.Question.Again })
	wantQ1 := &Question{Index: 0, Number: 1, Total: 10, Text: "Question text 1", From: at("14:05:00"), To: at("14:11:00"),
		DurationMs: ms(6 * time.Minute), Rephrased: true, Rating: 4, Comment: "Clear on channels."}
	if !reflect.DeepEqual(q1.Question, wantQ1) {
		t.Errorf("question 1 = %+v, want %+v", q1.Question, wantQ1)
	}
	// The revisit carries no second copy of the rating and comment.
	again := find(t, rows, func(r Row) bool { return r.Question != nil && r.Question.Again })
	if q := again.Question; q.Rephrased || q.Rating != 0 || q.Comment != "" {
		t.Errorf("revisit = %+v, want no rephrasing, rating or comment", q)
	}
	if q := find(t, rows, func(r Row) bool { return r.Question != nil && r.Question.Index == 1 }).Question; q.Rating != 2 || q.Rephrased || q.Comment != "" {
		t.Errorf("question 2 = %+v, want rating 2 only", q)
	}

	if r := find(t, rows, kind(KindRephrased)); !reflect.DeepEqual(r.Rephrase, &Rephrase{Index: 0, Number: 1, Alternative: "Alternative 1"}) {
		t.Errorf("rephrase = %+v", r.Rephrase)
	}
	if r := find(t, rows, kind(KindStarted)); r.Actor != (Person{Name: "Alex Recruiter", Role: room.RoleInterviewer}) {
		t.Errorf("started by %+v", r.Actor)
	}
	if r := find(t, rows, kind(KindEnded)); r.LastedMs == nil || *r.LastedMs != (38*time.Minute).Milliseconds() {
		t.Errorf("ended lasted %v, want 38 min", r.LastedMs)
	}
	wantNote := &Note{Author: Person{Name: "Alex Recruiter", Role: room.RoleInterviewer}, Text: "# Olivia\n- knows **channels**", SavedAt: at("14:39:00")}
	if r := find(t, rows, kind(KindNote)); !reflect.DeepEqual(r.Note, wantNote) {
		t.Errorf("note = %+v, want %+v", r.Note, wantNote)
	}
	wantConsent := &Consent{ConsentData: allConsent}
	if r := find(t, rows, kind(KindConsented)); !reflect.DeepEqual(r.Consent, wantConsent) {
		t.Errorf("consent = %+v, want %+v", r.Consent, wantConsent)
	}
	// Keys are unique (the console's lists need them).
	keys := map[string]bool{}
	for _, r := range rows {
		if keys[r.Key] {
			t.Errorf("key %q twice", r.Key)
		}
		keys[r.Key] = true
	}
}

func TestBuildIgnoresRatingsOutOfRangeAndBlankComments(t *testing.T) {
	t.Parallel()
	evs := events(t, entry{"10:00:00", room.TypeTechnicalStarted, alex, nil})
	v := view(func(v *room.InterviewerView) {
		v.Windows = []room.Window{{Index: 0, From: at("10:00:00"), To: at("10:03:00")}}
		v.Ratings, v.Comments = map[int]int{0: 7}, map[int]string{0: "   "}
	})
	q := find(t, Build(evs, v, Options{}), kind(KindQuestion)).Question
	if q.Rating != 0 || q.Comment != "" {
		t.Errorf("question = %+v, want no rating or comment", q)
	}
}

func TestBuildLeavesTheLengthOutWhenTheStartIsUnknown(t *testing.T) {
	t.Parallel()
	rows := Build(events(t, entry{"10:30:00", room.TypeEnded, alex, nil}), view(nil), Options{})
	if r := find(t, rows, kind(KindEnded)); r.LastedMs != nil {
		t.Errorf("lasted %d ms, want unknown", *r.LastedMs)
	}
}

// A candidate is asked for consent on every join: the timeline says it once.
func TestBuildMergesConsentsGivenOnEachJoin(t *testing.T) {
	t.Parallel()
	declined := room.ConsentData{PersonalData: true, RecordingNotice: true}
	noah := room.Actor{Role: room.RoleCandidate, Email: "noah@example.com", Name: "Noah"}
	evs := events(t,
		entry{"10:00:00", room.TypeJoined, olivia, room.JoinData{Connection: "a"}},
		entry{"10:00:10", room.TypeConsented, olivia, allConsent},
		entry{"10:10:00", room.TypeLeft, olivia, room.JoinData{Connection: "a"}},
		entry{"10:12:00", room.TypeJoined, olivia, room.JoinData{Connection: "b"}},
		entry{"10:12:05", room.TypeConsented, olivia, allConsent},
		entry{"10:20:00", room.TypeLeft, olivia, room.JoinData{Connection: "b"}},
		entry{"10:20:05", room.TypeJoined, olivia, room.JoinData{Connection: "c"}},
		entry{"10:20:09", room.TypeConsented, olivia, allConsent},
		entry{"10:21:00", room.TypeConsented, olivia, declined}, // other answers: a row of its own
		entry{"10:22:00", room.TypeConsented, noah, allConsent}, // another person: a row of their own
	)
	rows := Build(evs, view(nil), Options{})
	want := []string{
		"10:00 joined Olivia Diaz",
		"10:00 consented Olivia Diaz repeats 2",
		"10:10 left Olivia Diaz",
		"10:12 joined Olivia Diaz",
		"10:20 reconnected Olivia Diaz away 5s",
		"10:21 consented Olivia Diaz",
		"10:22 consented Noah",
	}
	if got := lines(rows); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows:\n got %q\nwant %q", got, want)
	}
	if c := rows[5].Consent; c.ConsentData != declined || c.Repeats != 0 {
		t.Errorf("second answers = %+v, want %+v once", c, declined)
	}
}

func TestPeopleAreNamedByNameThenEmail(t *testing.T) {
	t.Parallel()
	tests := []struct {
		actor room.Actor
		want  Person
	}{
		{olivia, Person{Name: "Olivia Diaz", Role: room.RoleCandidate}},
		{room.Actor{Role: room.RoleCandidate}, Person{Role: room.RoleCandidate}},
		{room.Actor{Role: room.RoleInterviewer, Email: " x@example.com "}, Person{Name: "x@example.com", Role: room.RoleInterviewer}},
		{room.Actor{Role: room.RoleInterviewer, Name: "  "}, Person{Role: room.RoleInterviewer}},
		{room.Actor{Role: room.RoleHost}, Person{Role: room.RoleHost}},
	}
	for _, tt := range tests {
		if got := personOf(tt.actor); got != tt.want {
			t.Errorf("personOf(%+v) = %+v, want %+v", tt.actor, got, tt.want)
		}
	}
}

// The organizer sees other interviewers' notes only once the interview ended.
func TestForOrganizerKeepsOtherNotesPrivateUntilTheEnd(t *testing.T) {
	t.Parallel()
	iv := interviews.Interview{ID: "iv1", Questions: questions(), Interviewers: []interviews.Interviewer{
		{Person: interviews.Person{Name: alex.Name, Email: alex.Email}},
		{Person: interviews.Person{Name: sam.Name, Email: sam.Email}},
	}}
	st := room.NewState(room.Plan{Questions: 10})
	evs := events(t,
		entry{"10:00:00", room.TypeStarted, alex, nil},
		entry{"10:05:00", room.TypeNoteSaved, alex, room.NoteData{Text: "Alex: calm"}},
		entry{"10:06:00", room.TypeNoteSaved, sam, room.NoteData{Text: "Sam: secret until the end"}},
		entry{"10:30:00", room.TypeEnded, alex, nil},
	)
	for _, e := range evs[:3] {
		var err error
		if st, err = room.Apply(st, e); err != nil {
			t.Fatal(err)
		}
	}
	notes := func(tl Timeline) string {
		var out []string
		for _, r := range tl.Rows {
			if r.Note != nil {
				out = append(out, r.Note.Text)
			}
		}
		return strings.Join(out, "|")
	}
	during := ForOrganizer(iv, evs[:3], st)
	if got := notes(during); got != "Alex: calm" {
		t.Errorf("notes during the interview = %q, want only the organizer's", got)
	}
	if len(during.State.Notes) != 1 || during.State.Questions == nil {
		t.Errorf("state during the interview = %+v, want the organizer's view", during.State)
	}
	st, err := room.Apply(st, evs[3])
	if err != nil {
		t.Fatal(err)
	}
	if got := notes(ForOrganizer(iv, evs, st)); got != "Alex: calm|Sam: secret until the end" {
		t.Errorf("notes after the end = %q, want everyone's", got)
	}
}

// The rows are the wire contract: times in RFC 3339, durations in ms.
func TestRowsEncodeAsDocumented(t *testing.T) {
	t.Parallel()
	evs := events(t,
		entry{"10:00:00", room.TypeLeft, olivia, room.JoinData{Connection: "a"}},
		entry{"10:00:12", room.TypeJoined, olivia, room.JoinData{Connection: "b"}},
		entry{"10:01:00", room.TypeQuestionShown, alex, room.QuestionData{Index: 1}},
	)
	v := view(func(v *room.InterviewerView) {
		v.Windows = []room.Window{{Index: 1, From: at("10:01:00"), To: at("10:01:00")}}
	})
	raw, err := json.Marshal(Build(evs, v, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"key":"e-1","at":"2026-11-25T10:00:00Z","kind":"reconnected","actor":{"name":"Olivia Diaz","role":"candidate"},"awayMs":12000},` +
		`{"key":"q-3","at":"2026-11-25T10:01:00Z","kind":"question","actor":{"name":"Alex Recruiter","role":"interviewer"},` +
		`"question":{"index":1,"number":2,"total":10,"text":"Question text 2","from":"2026-11-25T10:01:00Z","to":"2026-11-25T10:01:00Z","durationMs":0,"again":false,"rephrased":false}}]`
	if string(raw) != want {
		t.Errorf("JSON:\n got %s\nwant %s", raw, want)
	}
}

// The workspace's events worth a row: pastes, time away from the tab (merged
// into one row, dropped when shorter than a second), runs, languages and
// loaded starter code; keystrokes and strokes are not rows.
func TestBuildTellsTheWorkspace(t *testing.T) {
	q := 0
	evs := events(t,
		entry{"10:00:00", room.TypeCodeLanguage, alex, room.CodeLanguageData{Doc: "main", Language: "python"}},
		entry{"10:00:05", room.TypeCodeChanged, alex, room.CodeChangeData{Doc: "main", Question: &q}},
		entry{"10:00:06", room.TypeCodeChanged, olivia, room.CodeChangeData{Doc: "main"}},
		entry{"10:00:07", room.TypeBoardChanged, olivia, room.BoardData{}},
		entry{"10:01:00", room.TypePasted, olivia, room.PasteData{Doc: "main", Length: 4210, External: true}},
		entry{"10:02:00", room.TypeFocusLeft, olivia, nil},
		entry{"10:02:42", room.TypeFocusReturned, olivia, room.FocusData{AwayMS: 42000}},
		entry{"10:03:00", room.TypeFocusLeft, olivia, nil},
		entry{"10:03:00.300", room.TypeFocusReturned, olivia, room.FocusData{AwayMS: 300}},
		entry{"10:04:00", room.TypeCodeRun, room.Actor{Role: room.RoleHost}, room.RunData{Doc: "main", Language: "python",
			Status: "ok", DurationMS: 120, Runner: "interviewer", By: olivia}},
	)
	v := room.InterviewerView{Questions: []templates.Question{{Text: "Reverse a list"}}}
	rows := Build(evs, v, Options{})
	var kinds []string
	for _, r := range rows {
		kinds = append(kinds, string(r.Kind))
	}
	if got := strings.Join(kinds, ","); got != "language,starter-loaded,pasted,tab-away,ran" {
		t.Fatalf("rows = %s", got)
	}
	if rows[1].Question.Text != "Reverse a list" || rows[2].Paste.Length != 4210 || !rows[2].Paste.External ||
		rows[3].AwayMs != 42000 || rows[4].Run.Status != "ok" || rows[4].Actor.Name != "Olivia Diaz" {
		t.Errorf("rows = %+v", rows)
	}
}
