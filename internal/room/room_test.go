package room

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

var (
	rita  = Actor{Role: RoleInterviewer, Email: "rita@example.com", Name: "Rita"}
	ivan  = Actor{Role: RoleInterviewer, Email: "ivan@example.com", Name: "Ivan"}
	olive = Actor{Role: RoleCandidate, Name: "Olivia"}
)

type fixture struct {
	db    *store.DB
	ivs   *interviews.Service
	svc   *Service
	iv    interviews.Interview
	tpl   templates.Template
	clock *time.Time
	now   func() time.Time // a second later at each call
}

func setup(t testing.TB, questions int) fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clock := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	ts := templates.New(db, now)
	c := templates.Content{Name: "T", Plan: []templates.Topic{{Title: "Experience", Hint: "Hint secret: ask about scale"}, {Title: "Motivation"}}}
	for i := 0; i < questions; i++ {
		c.Questions = append(c.Questions, templates.Question{Text: fmt.Sprintf("Question text %d", i),
			Alternative: fmt.Sprintf("Rephrased secret %d", i), ExpectedAnswer: fmt.Sprintf("Expected secret %d", i)})
	}
	tpl, err := ts.Create(c)
	if err != nil {
		t.Fatal(err)
	}
	st := settings.New(db)
	// The console's owner entered their details, as its first screen asks.
	if _, err := st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"}}); err != nil {
		t.Fatal(err)
	}
	ivs := interviews.New(db, ts, st, now)
	iv, err := ivs.Create(interviews.NewInterview{TemplateID: tpl.ID, Position: "P", CandidateName: "Olivia",
		CandidateEmail: "olivia@example.com", When: "now"})
	if err != nil {
		t.Fatal(err)
	}
	return fixture{db: db, ivs: ivs, svc: New(db, ivs, slog.New(slog.DiscardHandler), now), iv: iv, tpl: tpl, clock: &clock, now: now}
}

func (f fixture) must(t *testing.T, actor Actor, typ Type, data any) State {
	t.Helper()
	st, _, err := f.svc.Append(f.iv.ID, actor, typ, data)
	if err != nil {
		t.Fatalf("%s: %v", typ, err)
	}
	return st
}

func TestTechnicalInterviewFlow(t *testing.T) {
	f := setup(t, 3)
	topics := f.iv.Plan
	f.must(t, rita, TypeStarted, nil)
	f.must(t, rita, TypeTopicChecked, TopicCheckData{TopicID: topics[1].ID, Done: true}) // out of order is fine
	f.must(t, rita, TypeTopicAdded, TopicAddData{ID: "x1", Title: "Relocation"})
	f.must(t, rita, TypeTopicChecked, TopicCheckData{TopicID: "x1", Done: true})
	st := f.must(t, rita, TypeTechnicalStarted, nil)
	if st.Phase != PhaseTechnical || st.Question != 0 {
		t.Fatalf("after Start technical part: %s question %d", st.Phase, st.Question)
	}
	f.must(t, rita, TypeRephraseShown, QuestionData{Index: 0})
	f.must(t, rita, TypeRated, RatingData{Index: 0, Rating: 4})
	f.must(t, rita, TypeQuestionShown, QuestionData{Index: 2, Skipped: true}) // skip question 2
	f.must(t, ivan, TypeNoteSaved, NoteData{Text: "Strong on channels"})
	f.must(t, rita, TypeFinishStarted, nil)
	st = f.must(t, rita, TypeEnded, nil)

	if !st.Done[topics[1].ID] || st.Done[topics[0].ID] || !st.Done["x1"] || len(st.Topics) != 3 {
		t.Errorf("topics %v done %v", st.Topics, st.Done)
	}
	if len(st.Windows) != 2 || st.Windows[0].Index != 0 || !st.Windows[0].Skipped || st.Windows[1].Skipped ||
		st.Windows[1].Index != 2 || st.Windows[1].To.IsZero() {
		t.Errorf("question windows %+v", st.Windows)
	}
	if st.Ratings[0] != 4 || !st.Rephrased[0] || st.Notes["ivan@example.com"].Text != "Strong on channels" {
		t.Errorf("ratings %v rephrased %v notes %v", st.Ratings, st.Rephrased, st.Notes)
	}
	if got, _ := f.ivs.Get(f.iv.ID); got.Status != interviews.Finished {
		t.Errorf("interview status after the end = %s, want finished", got.Status)
	}
}

func TestRejectedEventsChangeNothing(t *testing.T) {
	long := strings.Repeat("x", MaxNoteChars+1)
	tests := []struct {
		name  string
		setup []Type
		actor Actor
		typ   Type
		data  any
		want  error
	}{
		{"candidate starts", nil, olive, TypeStarted, nil, ErrForbidden},
		{"candidate rates", []Type{TypeStarted, TypeTechnicalStarted}, olive, TypeRated, RatingData{0, 5}, ErrForbidden},
		{"question before technical", []Type{TypeStarted}, rita, TypeQuestionShown, QuestionData{Index: 1}, ErrRejected},
		{"index out of range", []Type{TypeStarted, TypeTechnicalStarted}, rita, TypeQuestionShown, QuestionData{Index: 3}, ErrRejected},
		{"negative index", []Type{TypeStarted, TypeTechnicalStarted}, rita, TypeQuestionShown, QuestionData{Index: -1}, ErrRejected},
		{"rate unasked", []Type{TypeStarted, TypeTechnicalStarted}, rita, TypeRated, RatingData{2, 3}, ErrRejected},
		{"rating 6", []Type{TypeStarted, TypeTechnicalStarted}, rita, TypeRated, RatingData{0, 6}, ErrRejected},
		{"rephrase another question", []Type{TypeStarted, TypeTechnicalStarted}, rita, TypeRephraseShown, QuestionData{Index: 1}, ErrRejected},
		{"note too long", []Type{TypeStarted}, rita, TypeNoteSaved, NoteData{Text: long}, ErrRejected},
		{"start twice", []Type{TypeStarted}, rita, TypeStarted, nil, ErrRejected},
		{"after end", []Type{TypeStarted, TypeEnded}, rita, TypeTopicAdded, TopicAddData{ID: "a", Title: "B"}, ErrRejected},
		{"unknown topic", []Type{TypeStarted}, rita, TypeTopicChecked, TopicCheckData{TopicID: "nope", Done: true}, ErrRejected},
		{"unknown type", nil, rita, Type("teleport"), nil, ErrRejected},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := setup(t, 3)
			for _, typ := range tc.setup {
				f.must(t, rita, typ, nil)
			}
			before, _, _ := f.svc.State(f.iv.ID)
			events, _ := f.svc.Events(f.iv.ID)
			_, _, err := f.svc.Append(f.iv.ID, tc.actor, tc.typ, tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
			after, _, _ := f.svc.State(f.iv.ID)
			eventsAfter, _ := f.svc.Events(f.iv.ID)
			if !reflect.DeepEqual(before, after) || len(events) != len(eventsAfter) {
				t.Error("a rejected event changed the state or the log")
			}
		})
	}
}

func TestApplyRejectsOutOfOrderEvents(t *testing.T) {
	st := NewState(Plan{Questions: 1})
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := Apply(st, Event{Seq: 2, At: at, Type: TypeStarted, Actor: rita}); !errors.Is(err, ErrRejected) {
		t.Errorf("a gap in sequence numbers: %v", err)
	}
	st, _ = Apply(st, Event{Seq: 1, At: at, Type: TypeStarted, Actor: rita})
	if _, err := Apply(st, Event{Seq: 2, At: at.Add(-time.Second), Type: TypeLocked, Actor: rita}); !errors.Is(err, ErrRejected) {
		t.Errorf("an event timed before its predecessor: %v", err)
	}
}

func TestStateSurvivesRestart(t *testing.T) {
	f := setup(t, 2)
	f.must(t, rita, TypeStarted, nil)
	f.must(t, rita, TypeTechnicalStarted, nil)
	f.must(t, rita, TypeQuestionShown, QuestionData{Index: 1})
	f.must(t, rita, TypeNoteSaved, NoteData{Text: "note"})
	live, _, _ := f.svc.State(f.iv.ID)
	restarted := New(f.db, f.ivs, slog.New(slog.DiscardHandler), time.Now)
	again, _, err := restarted.State(f.iv.ID)
	if err != nil || !reflect.DeepEqual(live, again) {
		t.Errorf("state after restart differs:\nlive  %+v\nagain %+v (%v)", live, again, err)
	}
}

// TestReplayEqualsLive applies random event sequences (most of them invalid) and
// checks that replaying the accepted ones reproduces the live state.
func TestReplayEqualsLive(t *testing.T) {
	types := []Type{TypeJoined, TypeLeft, TypeLocked, TypeUnlocked, TypeStarted, TypeTopicChecked, TypeTopicAdded,
		TypeTechnicalStarted, TypeQuestionShown, TypeRephraseShown, TypeRated, TypeCommented, TypeNoteSaved,
		TypeFinishStarted, TypeEnded, TypeConsented}
	actors := []Actor{rita, ivan, olive, {Role: RoleHost}}
	plan := Plan{Topics: []Topic{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}}, Questions: 4}
	for seed := uint64(0); seed < 300; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		live := NewState(plan)
		var log []Event
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; i < 60; i++ {
			at = at.Add(time.Duration(r.IntN(5000)) * time.Millisecond)
			typ := types[r.IntN(len(types))]
			e := Event{Seq: live.LastSeq + 1, At: at, Version: CurrentVersion, Type: typ, Actor: actors[r.IntN(len(actors))]}
			e.Data = randomData(r, typ)
			if next, err := Apply(live, e); err == nil {
				live = next
				log = append(log, e)
			} else if !errors.Is(err, ErrRejected) && !errors.Is(err, ErrForbidden) {
				t.Fatalf("seed %d: unexpected error kind %v", seed, err)
			}
		}
		raw, _ := json.Marshal(log) // as the store keeps it
		var stored []Event
		_ = json.Unmarshal(raw, &stored)
		replayed, err := Replay(plan, stored)
		if err != nil {
			t.Fatalf("seed %d: replay of accepted events failed: %v", seed, err)
		}
		if !reflect.DeepEqual(live, replayed) {
			t.Fatalf("seed %d: replay differs\nlive     %+v\nreplayed %+v", seed, live, replayed)
		}
	}
}

func randomData(r *rand.Rand, typ Type) json.RawMessage {
	var v any
	idx := r.IntN(6) - 1
	switch typ {
	case TypeTopicChecked:
		v = TopicCheckData{TopicID: []string{"a", "b", "c", "n1"}[r.IntN(4)], Done: r.IntN(2) == 0}
	case TypeTopicAdded:
		v = TopicAddData{ID: fmt.Sprintf("n%d", r.IntN(3)), Title: "New"}
	case TypeQuestionShown, TypeRephraseShown:
		v = QuestionData{Index: idx, Skipped: r.IntN(2) == 0}
	case TypeRated:
		v = RatingData{Index: idx, Rating: r.IntN(7)}
	case TypeCommented:
		v = CommentData{Index: idx, Comment: []string{"", "good", "weak"}[r.IntN(3)]}
	case TypeNoteSaved:
		v = NoteData{Text: fmt.Sprintf("note %d", r.IntN(100))}
	case TypeConsented:
		v = ConsentData{PersonalData: true, AIAnalysis: r.IntN(3) > 0, RecordingNotice: r.IntN(3) > 0}
	case TypePasted:
		v = PasteData{Doc: "main", Length: idx * 100, External: r.IntN(2) == 0}
	case TypeFocusReturned:
		v = FocusData{AwayMS: int64(idx * 1000)}
	default:
		return nil
	}
	raw, _ := json.Marshal(v)
	return raw
}

func TestCandidateViewCarriesNoSecrets(t *testing.T) {
	f := setup(t, 3)
	f.must(t, rita, TypeStarted, nil)
	f.must(t, rita, TypeTechnicalStarted, nil)
	f.must(t, rita, TypeQuestionShown, QuestionData{Index: 1})
	f.must(t, rita, TypeRated, RatingData{Index: 1, Rating: 2})
	f.must(t, rita, TypeCommented, CommentData{Index: 1, Comment: "Comment secret"})
	st := f.must(t, rita, TypeNoteSaved, NoteData{Text: "Note secret"})

	raw, _ := json.Marshal(ForCandidate(st, f.iv))
	for _, secret := range []string{"Expected secret", "Rephrased secret", "Comment secret", "Note secret",
		"Question text 0", "Question text 2", "Experience", "Hint secret", `"rating`} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("candidate view %s contains %q", raw, secret)
		}
	}
	if !strings.Contains(string(raw), "Question text 1") || !strings.Contains(string(raw), `"number":2,"total":3`) {
		t.Errorf("candidate view lacks the current question: %s", raw)
	}
	st = f.must(t, rita, TypeRephraseShown, QuestionData{Index: 1})
	if raw, _ := json.Marshal(ForCandidate(st, f.iv)); !strings.Contains(string(raw), "Rephrased secret 1") {
		t.Errorf("after Show rephrased question the candidate view lacks it: %s", raw)
	}
}

// TestInterviewerViewCarriesTopicHints: the template's topic hints reach the
// interviewer's plan, though the state derived from the log holds none.
func TestInterviewerViewCarriesTopicHints(t *testing.T) {
	f := setup(t, 0)
	f.must(t, rita, TypeStarted, nil)
	st := f.must(t, rita, TypeTopicAdded, TopicAddData{ID: "x1", Title: "Team leadership"})
	for _, tp := range st.Topics {
		if tp.Hint != "" {
			t.Errorf("state topic %+v carries a hint", tp)
		}
	}
	v := ForInterviewer(st, f.iv, "rita@example.com")
	want := []string{"Hint secret: ask about scale", "", ""}
	for _, list := range [][]Topic{v.Topics, v.Plan} {
		if len(list) != len(want) {
			t.Fatalf("interviewer topics %+v, want %d", list, len(want))
		}
		for i, tp := range list {
			if tp.Hint != want[i] {
				t.Errorf("topic %q hint = %q, want %q", tp.Title, tp.Hint, want[i])
			}
		}
	}
	if st.Topics[0].Hint != "" {
		t.Errorf("ForInterviewer changed the state's topics: %+v", st.Topics[0])
	}
}

func TestInterviewerNotesArePrivateUntilTheEnd(t *testing.T) {
	f := setup(t, 0)
	f.must(t, rita, TypeStarted, nil)
	f.must(t, rita, TypeNoteSaved, NoteData{Text: "Rita's"})
	st := f.must(t, ivan, TypeNoteSaved, NoteData{Text: "Ivan's"})
	if v := ForInterviewer(st, f.iv, "ivan@example.com"); len(v.Notes) != 1 || v.Notes["ivan@example.com"].Text != "Ivan's" {
		t.Errorf("during the interview Ivan sees notes %v", v.Notes)
	}
	if _, _, err := f.svc.Append(f.iv.ID, rita, TypeTechnicalStarted, nil); !errors.Is(err, ErrRejected) {
		t.Errorf("technical part without questions: %v", err)
	}
	f.must(t, rita, TypeFinishStarted, nil) // plan straight to finish
	st = f.must(t, rita, TypeEnded, nil)
	if v := ForInterviewer(st, f.iv, "ivan@example.com"); len(v.Notes) != 2 {
		t.Errorf("after the end Ivan sees %d notes, want both", len(v.Notes))
	}
}
