package room

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// Workspace events: the candidate writes code and strokes only once admitted,
// activity only comes from the candidate, and what it says reaches the
// interviewers' view but never the candidate's.
func TestWorkspaceEventsFollowTheRoomsRules(t *testing.T) {
	f := setup(t, 1)
	code := CodeChangeData{Doc: "main", Updates: []CodeUpdate{{ClientID: "c1", Changes: json.RawMessage(`[[0,"x"]]`)}}}
	if _, _, err := f.svc.Append(f.iv.ID, olive, TypeCodeChanged, code); !errors.Is(err, ErrRejected) {
		t.Fatalf("candidate code before admission: err = %v, want rejected", err)
	}
	f.must(t, rita, TypeCodeChanged, code) // interviewers may prepare the editor
	f.must(t, rita, TypeStarted, nil)
	f.must(t, olive, TypeCodeChanged, code)
	f.must(t, olive, TypeBoardChanged, BoardData{Elements: []json.RawMessage{json.RawMessage(`{"id":"a"}`)}})
	if _, _, err := f.svc.Append(f.iv.ID, olive, TypeCodeRun, RunData{ID: "r"}); !errors.Is(err, ErrForbidden) {
		t.Errorf("candidate writing a run result: err = %v, want forbidden", err)
	}
	if _, _, err := f.svc.Append(f.iv.ID, rita, TypePasted, PasteData{Doc: "main", Length: 3}); !errors.Is(err, ErrForbidden) {
		t.Errorf("interviewer paste as activity: err = %v, want forbidden", err)
	}
	f.must(t, olive, TypePasted, PasteData{Doc: "main", Length: 4210, External: true})
	f.must(t, olive, TypeFocusLeft, nil)
	st := f.must(t, olive, TypeFocusReturned, FocusData{AwayMS: 42000})

	kinds := []string{}
	for _, a := range st.Activity {
		kinds = append(kinds, a.Kind)
	}
	if got := strings.Join(kinds, ","); got != "paste,left,returned" || st.Activity[0].Length != 4210 ||
		st.Activity[2].AwayMS != 42000 {
		t.Errorf("activity = %+v", st.Activity)
	}
	raw, _ := json.Marshal(ForCandidate(st, f.iv))
	if strings.Contains(string(raw), "4210") || strings.Contains(string(raw), "activity") {
		t.Errorf("candidate view carries activity: %s", raw)
	}
	iv, _ := json.Marshal(ForInterviewer(st, f.iv, rita.Email))
	if !strings.Contains(string(iv), `"length":4210`) {
		t.Errorf("interviewer view lacks the paste: %s", iv)
	}

	f.must(t, rita, TypeLocked, nil)
	if _, _, err := f.svc.Append(f.iv.ID, olive, TypeCodeChanged, code); !errors.Is(err, ErrRejected) {
		t.Errorf("candidate code in a locked room: err = %v, want rejected", err)
	}
	f.must(t, rita, TypeEnded, nil)
	if _, _, err := f.svc.Append(f.iv.ID, rita, TypeCodeChanged, code); !errors.Is(err, ErrRejected) {
		t.Errorf("code after the end: err = %v, want rejected", err)
	}
}

// AI analysis is a consent of its own: a candidate who declines it still
// joins, and the state says so; personal data stays required.
func TestConsentToAIAnalysisIsOptional(t *testing.T) {
	f := setup(t, 1)
	if _, _, err := f.svc.Append(f.iv.ID, olive, TypeConsented, ConsentData{AIAnalysis: true, RecordingNotice: true}); !errors.Is(err, ErrRejected) {
		t.Errorf("consent without personal data: err = %v, want rejected", err)
	}
	st := f.must(t, olive, TypeConsented, ConsentData{PersonalData: true, RecordingNotice: true})
	if st.Consent == nil || st.Consent.AIAnalysis || st.ConsentAt.IsZero() {
		t.Errorf("consent without AI analysis: state %+v", st.Consent)
	}
}

// Recording is a consent of its own too: a candidate who declines it joins,
// and the state says so (the host then records nothing of the call); a later
// answer replaces the earlier one.
func TestConsentToRecordingIsOptional(t *testing.T) {
	f := setup(t, 1)
	if _, _, err := f.svc.Append(f.iv.ID, olive, TypeConsented, ConsentData{}); !errors.Is(err, ErrRejected) {
		t.Errorf("consent to nothing: err = %v, want rejected", err)
	}
	st := f.must(t, olive, TypeConsented, ConsentData{PersonalData: true, AIAnalysis: true})
	if st.Consent == nil || st.Consent.RecordingNotice || !st.Consent.AIAnalysis || st.ConsentAt.IsZero() {
		t.Errorf("consent without recording: state %+v", st.Consent)
	}
	if st := f.must(t, olive, TypeConsented, ConsentData{PersonalData: true, RecordingNotice: true}); !st.Consent.RecordingNotice {
		t.Errorf("recording agreed on a later join: state %+v", st.Consent)
	}
}
