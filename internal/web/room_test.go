package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/interviewdesk/interviewdesk/internal/room"
)

// peer is a test browser tab on the room channel.
type peer struct {
	t    *testing.T
	ws   *websocket.Conn
	seen []string // every frame received, raw
}

func (f fixture) dial(t *testing.T, link string) *peer {
	t.Helper()
	token := link[strings.LastIndex(link, "/")+1:]
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(f.srv.URL, "http")+"/ws/"+token,
		&websocket.DialOptions{HTTPHeader: http.Header{"Origin": {f.srv.URL}}})
	if err != nil {
		t.Fatalf("dial room: %v", err)
	}
	t.Cleanup(func() { _ = ws.CloseNow() })
	return &peer{t: t, ws: ws}
}

// next reads frames until one of type typ arrives and decodes it into out.
func (p *peer) next(typ string, out any) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		var raw json.RawMessage
		if err := wsjson.Read(ctx, p.ws, &raw); err != nil {
			p.t.Fatalf("waiting for %s: %v (seen %d frames)", typ, err, len(p.seen))
		}
		p.seen = append(p.seen, string(raw))
		var head struct{ Type string }
		_ = json.Unmarshal(raw, &head)
		if head.Type == typ {
			if out != nil {
				_ = json.Unmarshal(raw, out)
			}
			return
		}
	}
}

func (p *peer) send(msg map[string]any) {
	p.t.Helper()
	if err := wsjson.Write(context.Background(), p.ws, msg); err != nil {
		p.t.Fatal(err)
	}
}

type ackMsg struct {
	ID    int
	Error string
}

func (p *peer) act(id int, action string, data any) ackMsg {
	p.t.Helper()
	p.send(map[string]any{"type": "action", "id": id, "action": action, "data": data})
	var a ackMsg
	p.next("ack", &a)
	return a
}

func TestRoomChannel(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, strings.Replace(validBody(f.goTemplateID(t)), `"when":"later"`, `"when":"now"`, 1))
	if iv.ID == "" {
		t.Fatal("interview not created")
	}
	interviewer := f.dial(t, iv.InterviewerLink)
	var hello struct {
		Role, InterviewID string
		Interview         struct{ Position string }
	}
	interviewer.next("welcome", &hello)
	if hello.Role != "interviewer" || hello.Interview.Position != "Backend engineer" || hello.InterviewID != iv.ID {
		t.Fatalf("welcome = %+v", hello)
	}

	var candHello map[string]any
	candidate := f.dial(t, iv.CandidateLink)
	candidate.next("welcome", &candHello)
	if _, has := candHello["interviewId"]; has || candHello["participant"] != "candidate" {
		t.Errorf("candidate welcome %v: no interview ID for candidates, participant \"candidate\"", candHello)
	}
	var presence struct {
		Members []struct {
			Role, Name string
			Ready      bool
		}
	}
	candidate.send(map[string]any{"type": "ready", "id": 1,
		"consent": map[string]bool{"personalData": true, "aiAnalysis": true, "recordingNotice": false}})
	candidate.next("ack", nil)
	// The interviewer's room hears the consent at once (declined recording is
	// noted there), before the candidate is shown waiting.
	for {
		var st struct {
			State struct{ Consent *room.ConsentData }
		}
		interviewer.next("state", &st)
		if c := st.State.Consent; c != nil {
			if !c.PersonalData || !c.AIAnalysis || c.RecordingNotice {
				t.Errorf("consent in the interviewer's state = %+v", *c)
			}
			break
		}
	}
	for {
		interviewer.next("presence", &presence)
		if len(presence.Members) == 2 && presence.Members[1].Ready {
			break
		}
	}
	if presence.Members[1].Name != "Olivia Diaz" {
		t.Errorf("presence = %+v", presence)
	}

	// The candidate cannot act as an interviewer.
	if a := candidate.act(2, "started", nil); a.Error == "" {
		t.Error("candidate's Start interview was accepted")
	}
	if a := candidate.act(3, "ended", nil); a.Error == "" {
		t.Error("candidate's end was accepted")
	}

	// The interviewer runs the technical part; the candidate sees only its view.
	for i, step := range []struct {
		action string
		data   any
	}{{"started", nil}, {"technical_started", nil}, {"question_shown", map[string]int{"index": 1}},
		{"rated", map[string]int{"index": 1, "rating": 4}}, {"note_saved", map[string]string{"text": "NOTE-SECRET"}}} {
		if a := interviewer.act(10+i, step.action, step.data); a.Error != "" {
			t.Fatalf("%s: %s", step.action, a.Error)
		}
	}
	if a := interviewer.act(20, "question_shown", map[string]int{"index": 99}); !strings.Contains(a.Error, "does not exist") {
		t.Errorf("out-of-range question: %+v", a)
	}
	var view struct {
		State struct {
			Phase    string
			Question struct {
				Number, Total int
				Text          string
			}
		}
	}
	for view.State.Question.Number != 2 {
		candidate.next("state", &view)
	}
	tpl, _ := f.svc.Templates.Get(f.goTemplateID(t))
	if view.State.Phase != "technical" || view.State.Question.Text != tpl.Questions[1].Text {
		t.Errorf("candidate state = %+v", view.State)
	}
	all := strings.Join(candidate.seen, "\n")
	for _, secret := range []string{tpl.Questions[1].ExpectedAnswer, tpl.Questions[1].Alternative, tpl.Questions[0].ExpectedAnswer,
		tpl.Questions[2].Text, "NOTE-SECRET", iv.InterviewerLink[strings.LastIndex(iv.InterviewerLink, "/")+1:], `"rating`,
		tpl.Plan[0].Hint, tpl.Plan[1].Hint} {
		if strings.Contains(all, secret) {
			t.Errorf("the candidate's socket carried interviewer-only data: %.60q", secret)
		}
	}
	// Positive control: the interviewer's plan carries the topic hints.
	if hint := tpl.Plan[0].Hint; hint == "" || !strings.Contains(strings.Join(interviewer.seen, "\n"), hint) {
		t.Errorf("the interviewer's socket lacks the first topic's hint %.60q", hint)
	}

	// A second tab with the candidate link takes over; the first is told.
	second := f.dial(t, iv.CandidateLink)
	second.next("welcome", nil)
	var closed struct{ Reason string }
	candidate.next("closed", &closed)
	if closed.Reason != "replaced" {
		t.Errorf("first tab closed with %q, want replaced", closed.Reason)
	}

	// The red phone ends the interview for everyone; the links then answer 410.
	if a := interviewer.act(30, "ended", nil); a.Error != "" {
		t.Fatal(a.Error)
	}
	for view.State.Phase != "ended" {
		second.next("state", &view)
	}
	if code, _ := f.get(t, strings.TrimPrefix(iv.CandidateLink, "https://interviews.example.com")); code != http.StatusGone {
		t.Errorf("candidate link after the end = %d, want 410", code)
	}
}

func TestRoomChannelRefusesForeignOriginsAndBadTokens(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, validBody(f.goTemplateID(t)))
	token := iv.CandidateLink[strings.LastIndex(iv.CandidateLink, "/")+1:]
	url := "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/ws/"
	ctx := context.Background()
	if _, resp, err := websocket.Dial(ctx, url+token, &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {"https://evil.example"}}}); err == nil {
		t.Error("a foreign Origin was accepted")
	} else if resp != nil && resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Origin = %d, want 403", resp.StatusCode)
	}
	if _, resp, err := websocket.Dial(ctx, url+"AAAAAAAAAAAAAAAAAAAAAA", nil); err == nil || resp.StatusCode != http.StatusGone {
		t.Errorf("unknown token: %v", err)
	}
}

func TestTimelineShowsTheLog(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, strings.Replace(validBody(f.goTemplateID(t)), `"when":"later"`, `"when":"now"`, 1))
	p := f.dial(t, iv.InterviewerLink)
	p.next("welcome", nil)
	p.act(1, "started", nil)
	p.act(2, "note_saved", map[string]string{"text": "Calm and precise"})
	var tl struct {
		Rows []struct {
			Kind string
			Note *struct{ Text string }
		}
		State struct {
			Phase string
			Notes map[string]struct{ Text string }
		}
	}
	if code := f.call(t, "GET", "/api/interviews/"+iv.ID+"/timeline", "", &tl); code != 200 {
		t.Fatalf("timeline = %d", code)
	}
	kinds := []string{}
	for _, r := range tl.Rows {
		kinds = append(kinds, r.Kind)
	}
	if got := strings.Join(kinds, ","); got != "joined,started,note" || tl.State.Phase != "plan" {
		t.Errorf("timeline rows %s, phase %s", got, tl.State.Phase)
	}
	if n := len(tl.Rows); n == 0 || tl.Rows[n-1].Note == nil || tl.Rows[n-1].Note.Text != "Calm and precise" {
		t.Errorf("the organizer's own notes are not on the timeline: %+v", tl.Rows)
	}
	if len(tl.State.Notes) != 1 {
		t.Errorf("organizer's own notes missing from the timeline: %+v", tl.State.Notes)
	}
}

func TestPresenceForTheConsole(t *testing.T) {
	f := setup(t)
	_, iv := f.create(t, strings.Replace(validBody(f.goTemplateID(t)), `"when":"later"`, `"when":"now"`, 1))
	var p struct {
		Phase   string
		Members []struct {
			Role, Name string
			Ready      bool
		}
	}
	if code := f.call(t, "GET", "/api/interviews/"+iv.ID+"/presence", "", &p); code != 200 || p.Phase != "waiting" || len(p.Members) != 0 {
		t.Fatalf("empty room: %d %+v", code, p)
	}
	c := f.dial(t, iv.CandidateLink)
	c.next("welcome", nil)
	c.send(map[string]any{"type": "ready", "id": 1,
		"consent": map[string]bool{"personalData": true, "aiAnalysis": true, "recordingNotice": true}})
	c.next("ack", nil)
	f.call(t, "GET", "/api/interviews/"+iv.ID+"/presence", "", &p)
	if len(p.Members) != 1 || p.Members[0].Role != "candidate" || !p.Members[0].Ready || p.Members[0].Name != "Olivia Diaz" {
		t.Errorf("presence with a waiting candidate: %+v", p)
	}
}
