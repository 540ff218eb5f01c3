package teamhost

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/notify"
	"github.com/interviewdesk/interviewdesk/internal/teamhost/teamhosttest"
)

// notes is a notifier that keeps what it is asked to show.
type notes chan notify.Note

func (n notes) Notify(_ context.Context, note notify.Note) error { n <- note; return nil }
func (n notes) Close() error                                     { return nil }

// A candidate ready and waiting on the team host makes the desktop's
// notification, as on this computer's host: the door reads the team host's
// stream into the bus the notifications watch.
func TestACandidateWaitingOnTheTeamHostIsNotified(t *testing.T) {
	th := teamhosttest.Start(t)
	iv := th.Interview(t, "Olivia Diaz")
	d := openDesktop(t, t.TempDir())
	d.connect(t, th)
	sub := d.door.Push().Subscribe()
	defer sub.Close()
	shown := make(notes, 4)
	opened := make(chan string, 1)
	watch := notify.Ready(d.door.Push(), shown, func(id string) { opened <- id }, slog.New(slog.DiscardHandler))
	defer watch.Stop()
	d.signIn(t)
	await(t, sub, "resync") // the team host's stream is open

	joinAsCandidate(t, th, iv.CandidateLink)
	select {
	case note := <-shown:
		if note.Title != "Candidate Olivia Diaz is ready and waiting" {
			t.Errorf("note %q", note.Title)
		}
		note.OnClick()
		if id := <-opened; id != iv.ID {
			t.Errorf("the click opens %q, want %q", id, iv.ID)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no notification of the waiting candidate")
	}
}

// joinAsCandidate opens the candidate's room channel on the team host and
// passes the consent step, as the candidate's page does.
func joinAsCandidate(t *testing.T, th *teamhosttest.Host, link string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	token := link[strings.LastIndex(link, "/")+1:]
	ws, _, err := websocket.Dial(ctx, "wss"+strings.TrimPrefix(th.URL, "https")+"/ws/"+token, &websocket.DialOptions{
		HTTPClient: &http.Client{Transport: client.Transport(client.TLSCheck{CertSHA256: th.Pin})},
		HTTPHeader: http.Header{"Origin": {th.URL}}})
	if err != nil {
		t.Fatalf("dial the room: %v", err)
	}
	t.Cleanup(func() { _ = ws.CloseNow() })
	type frame struct {
		Type    string
		Error   string
		Consent struct{ Version string }
	}
	read := func(typ string) frame {
		for {
			var f frame
			if err := wsjson.Read(ctx, ws, &f); err != nil {
				t.Fatalf("waiting for %s: %v", typ, err)
			}
			if f.Type == typ {
				return f
			}
		}
	}
	welcome := read("welcome")
	if err := wsjson.Write(ctx, ws, map[string]any{"type": "ready", "id": 1, "consent": map[string]any{
		"personalData": true, "aiAnalysis": true, "recordingNotice": true, "textsVersion": welcome.Consent.Version}}); err != nil {
		t.Fatal(err)
	}
	if ack := read("ack"); ack.Error != "" {
		t.Fatalf("the candidate's ready was refused: %s", ack.Error)
	}
}
