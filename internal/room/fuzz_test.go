package room

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// FuzzRoomMessage decodes each input as the room channel does (a JSON text
// frame into Message) and has the candidate and then an interviewer send it.
// Whatever it is, nothing panics, every refusal says why in words, and the
// candidate's connection never receives an expected answer or a topic's
// hint. A room that ended is replaced by a fresh interview. The seed corpus
// is testdata/fuzz/FuzzRoomMessage.
func FuzzRoomMessage(f *testing.F) {
	fx := setup(f, 2)
	sessions, err := NewSessions(SessionsConfig{Log: fx.svc, Interviews: fx.ivs, Logger: slog.New(slog.DiscardHandler), Now: fx.now})
	if err != nil {
		f.Fatal(err)
	}
	r := newFuzzRoom(f, fx, sessions, fx.iv)
	f.Fuzz(func(t *testing.T, raw []byte) {
		var msg Message
		if json.Unmarshal(raw, &msg) != nil {
			return // the channel refuses it before the room sees it
		}
		msg.Raw = raw
		ctx := context.Background()
		r.candidate.Handle(ctx, msg)
		r.interviewer.Handle(ctx, msg)
		r.check(t)
		if st, _, err := fx.svc.State(r.iv.ID); err != nil || st.Phase == PhaseEnded {
			r = newFuzzRoom(t, fx, sessions, r.fresh(t))
		}
	})
}

// fuzzRoom is one interview with its candidate and organizer connected.
type fuzzRoom struct {
	fx          fixture
	iv          interviews.Interview
	candidate   *Session
	interviewer *Session
	seen        *recordingConn
}

func newFuzzRoom(t testing.TB, fx fixture, s *Sessions, iv interviews.Interview) *fuzzRoom {
	t.Helper()
	join := func(token string, c Conn) *Session {
		sess, err := s.Admit(token)
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.Connect(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		return sess
	}
	r := &fuzzRoom{fx: fx, iv: iv, seen: &recordingConn{}}
	r.candidate = join(iv.CandidateToken, r.seen)
	r.interviewer = join(iv.Interviewers[0].Token, &recordingConn{})
	return r
}

// fresh schedules another interview like the first.
func (r *fuzzRoom) fresh(t testing.TB) interviews.Interview {
	t.Helper()
	iv, err := r.fx.ivs.Create(interviews.NewInterview{TemplateID: r.fx.tpl.ID, Position: "P", CandidateName: "Olivia",
		CandidateEmail: "olivia@example.com", When: "now"})
	if err != nil {
		t.Fatal(err)
	}
	return iv
}

// check looks at what the candidate was sent since the last check.
func (r *fuzzRoom) check(t *testing.T) {
	r.seen.mu.Lock()
	sent := r.seen.sent
	r.seen.sent = nil
	r.seen.mu.Unlock()
	for _, m := range sent {
		if a, ok := m.(ack); ok && a.Error == "" && a.ID == 0 {
			t.Fatalf("a refusal without words: %+v", a)
		}
		raw, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("a message to the candidate does not encode: %v", err)
		}
		for _, secret := range []string{"Expected secret", "Hint secret"} {
			if strings.Contains(string(raw), secret) {
				t.Fatalf("the candidate was sent %q: %s", secret, raw)
			}
		}
	}
}
