package room

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// A member cannot grow an interview's log without limit: a repeated ready
// that changes nothing is not stored, each connection's changes are rate
// limited, a reconnect storm logs a bounded number of joins, and the log
// has a cap that still lets the interview end.

// roomAt is setup's interview with room sessions on a clock that only moves
// when the test moves it.
func roomAt(t *testing.T) (fixture, *Sessions, *time.Time) {
	t.Helper()
	f := setup(t, 2)
	at := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	log := slog.New(slog.DiscardHandler)
	sessions, err := NewSessions(SessionsConfig{Log: f.svc, Interviews: f.ivs, Logger: log, Now: func() time.Time { return at }})
	if err != nil {
		t.Fatal(err)
	}
	return f, sessions, &at
}

func connect(t *testing.T, s *Sessions, token string) (*Session, *recordingConn) {
	t.Helper()
	sess, err := s.Admit(token)
	if err != nil {
		t.Fatal(err)
	}
	conn := &recordingConn{}
	if err := sess.Connect(context.Background(), conn); err != nil {
		t.Fatal(err)
	}
	return sess, conn
}

func countEvents(t *testing.T, f fixture, typ Type) int {
	t.Helper()
	events, err := f.svc.Events(f.iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Type == typ {
			n++
		}
	}
	return n
}

// acks are the ack messages conn was sent, by error text ("" for plain acks).
func acks(conn *recordingConn) map[string]int {
	conn.mu.Lock()
	defer conn.mu.Unlock()
	out := map[string]int{}
	for _, m := range conn.sent {
		if a, ok := m.(ack); ok {
			out[a.Error]++
		}
	}
	return out
}

func TestRepeatedReadyIsStoredOnce(t *testing.T) {
	f, sessions, _ := roomAt(t)
	cand, conn := connect(t, sessions, f.iv.CandidateToken)
	consent := &ConsentData{PersonalData: true, AIAnalysis: true, RecordingNotice: true}
	for i := 1; i <= 4000; i++ {
		cand.Handle(context.Background(), Message{Type: "ready", ID: i, Consent: consent})
	}
	if n := countEvents(t, f, TypeConsented); n != 1 {
		t.Errorf("4,000 identical readies stored %d consent events, want 1", n)
	}
	if got := acks(conn); got[""] != 4000 {
		t.Errorf("acks = %v, want 4,000 plain ones: a repeated ready is not an error", got)
	}
	// A changed answer is stored.
	cand.Handle(context.Background(), Message{Type: "ready", Consent: &ConsentData{PersonalData: true}})
	if n := countEvents(t, f, TypeConsented); n != 2 {
		t.Errorf("a changed consent: %d consent events, want 2", n)
	}
}

func TestReconnectStormIsBounded(t *testing.T) {
	f, sessions, at := roomAt(t)
	for i := 0; i < 1000; i++ {
		sess, _ := connect(t, sessions, f.iv.CandidateToken)
		sess.Leave(context.Background())
	}
	joins, leaves := countEvents(t, f, TypeJoined), countEvents(t, f, TypeLeft)
	if joins == 0 || joins > JoinLogBurst || leaves != joins {
		t.Errorf("1,000 reconnects at once logged %d joins and %d leaves, want 1..%d of each, paired", joins, leaves, JoinLogBurst)
	}
	*at = at.Add(JoinLogEvery)
	sess, _ := connect(t, sessions, f.iv.CandidateToken)
	sess.Leave(context.Background())
	if n := countEvents(t, f, TypeJoined); n != joins+1 {
		t.Errorf("a join after a quiet spell: %d joins logged, want %d", n, joins+1)
	}
}

func TestEachConnectionIsRateLimited(t *testing.T) {
	f, sessions, at := roomAt(t)
	rita, conn := connect(t, sessions, f.iv.Interviewers[0].Token)
	for i := 1; i <= 3*ChangeBurst; i++ {
		rita.Handle(context.Background(), Message{Type: "action", ID: i, Action: TypeNoteSaved,
			Data: []byte(`{"text":"note ` + strings.Repeat("x", i%7) + `"}`)})
	}
	stored := countEvents(t, f, TypeNoteSaved)
	if stored != ChangeBurst {
		t.Errorf("%d notes sent at once stored %d, want the burst of %d", 3*ChangeBurst, stored, ChangeBurst)
	}
	got := acks(conn)
	var refusal string
	for text := range got {
		if text != "" {
			refusal = text
		}
	}
	if got[refusal] != 2*ChangeBurst || !strings.Contains(refusal, "too fast") || !strings.Contains(refusal, "try again") {
		t.Errorf("acks = %v: want %d refusals that say it was too fast and to try again", got, 2*ChangeBurst)
	}
	*at = at.Add(time.Second)
	rita.Handle(context.Background(), Message{Type: "action", ID: 1, Action: TypeNoteSaved, Data: []byte(`{"text":"later"}`)})
	if n := countEvents(t, f, TypeNoteSaved); n != stored+1 {
		t.Errorf("a second later: %d notes, want %d", n, stored+1)
	}
}

func TestLogCapStillLetsTheInterviewEnd(t *testing.T) {
	f := setup(t, 1)
	f.svc.maxEvents = 10
	f.must(t, rita, TypeStarted, nil)
	var err error
	for i := 0; err == nil && i < 100; i++ {
		_, _, err = f.svc.Append(f.iv.ID, rita, TypeNoteSaved, NoteData{Text: strings.Repeat("n", i+1)})
	}
	if !errors.Is(err, ErrLogFull) || !strings.Contains(err.Error(), "10 events") {
		t.Fatalf("past the cap: err = %v, want ErrLogFull naming the limit", err)
	}
	events, _ := f.svc.Events(f.iv.ID)
	if len(events) != 10 {
		t.Errorf("log holds %d events, want the cap of 10", len(events))
	}
	if st := f.must(t, rita, TypeEnded, nil); st.Phase != PhaseEnded {
		t.Errorf("phase after the end = %s", st.Phase)
	}
}
