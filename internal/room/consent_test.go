package room

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/consent"
)

// The consent texts reach the candidate (never an interviewer: they need
// none), a ready must name their version, and the stored consent says which
// texts the candidate agreed to; whether the call is recorded is in every
// participant's view.
func TestReadyNamesTheConsentTextsShown(t *testing.T) {
	f := setup(t, 1)
	texts := consent.Current()
	sessions, err := NewSessions(SessionsConfig{Log: f.svc, Interviews: f.ivs, Consent: &texts,
		Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	cand, candConn := connect(t, sessions, f.iv.CandidateToken)
	_, ivConn := connect(t, sessions, f.iv.Interviewers[0].Token)
	if w := welcomeOf(t, candConn); w.Consent == nil || w.Consent.Version != texts.Version || w.Consent.PersonalData == "" {
		t.Errorf("candidate's welcome consent = %+v, want the current texts", w.Consent)
	}
	if w := welcomeOf(t, ivConn); w.Consent != nil {
		t.Errorf("interviewer's welcome carries consent texts %+v", w.Consent)
	}

	for _, version := range []string{"", "v1-000000000000"} {
		cand.Handle(context.Background(), Message{Type: "ready", ID: 1, Consent: &ConsentData{PersonalData: true, TextsVersion: version}})
		if n := countEvents(t, f, TypeConsented); n != 0 {
			t.Fatalf("a ready naming texts %q was stored", version)
		}
	}
	if got := acks(candConn); got["The consent texts have changed since this page was loaded. Reload the page, read them again and join."] != 2 {
		t.Errorf("acks = %v, want two refusals that say to reload", got)
	}

	cand.Handle(context.Background(), Message{Type: "ready", ID: 2, Consent: &ConsentData{PersonalData: true, AIAnalysis: true, TextsVersion: texts.Version}})
	st, iv, err := f.svc.State(f.iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Consent == nil || st.Consent.TextsVersion != texts.Version || st.Consent.RecordingNotice {
		t.Fatalf("stored consent = %+v, want the texts' version and recording declined", st.Consent)
	}
	if ForCandidate(st, iv).Recorded || ForInterviewer(st, iv, f.iv.Interviewers[0].Email).Recorded {
		t.Errorf("views say recorded after the candidate declined recording")
	}
	if !ForCandidate(NewState(PlanOf(iv)), iv).Recorded {
		t.Errorf("before the candidate answered, the call is recorded and the view must say so")
	}
}

func welcomeOf(t *testing.T, c *recordingConn) Welcome {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.sent {
		if w, ok := m.(Welcome); ok {
			return w
		}
	}
	t.Fatal("no welcome sent")
	return Welcome{}
}
