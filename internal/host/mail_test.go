package host

import (
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/interviewdesk/interviewdesk/internal/client"
)

// inbox is a real SMTP server on 127.0.0.1 that keeps what it receives.
type inbox struct {
	mu   sync.Mutex
	msgs []string
	addr string
}

type inboxSession struct{ box *inbox }

func (s inboxSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s inboxSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s inboxSession) Reset()                               {}
func (s inboxSession) Logout() error                        { return nil }
func (s inboxSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	s.box.mu.Lock()
	s.box.msgs = append(s.box.msgs, string(b))
	s.box.mu.Unlock()
	return err
}

func startInbox(t *testing.T) *inbox {
	t.Helper()
	box := &inbox{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return inboxSession{box}, nil }))
	srv.Domain = "mx.test"
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	box.addr = ln.Addr().String()
	return box
}

// letter is one received message, parsed.
type letter struct {
	to, subject, text, calendar, method string
}

// waitFor returns the messages once n have arrived.
func (b *inbox) waitFor(t *testing.T, n int) []letter {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		b.mu.Lock()
		got := append([]string(nil), b.msgs...)
		b.mu.Unlock()
		if len(got) >= n {
			var out []letter
			for _, raw := range got {
				out = append(out, parseLetter(t, raw))
			}
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages arrived, want %d", len(got), n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// parseLetter walks multipart/mixed → multipart/alternative → text/plain,
// text/calendar.
func parseLetter(t *testing.T, raw string) letter {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(m.Header.Get("Subject"))
	to, err := mail.ParseAddress(m.Header.Get("To"))
	if err != nil {
		t.Fatalf("To header %q: %v", m.Header.Get("To"), err)
	}
	l := letter{to: to.Name + " <" + to.Address + ">", subject: subject}
	var walk func(ct, cte string, body io.Reader)
	walk = func(ct, cte string, body io.Reader) {
		mt, params, _ := mime.ParseMediaType(ct)
		if strings.HasPrefix(mt, "multipart/") {
			mr := multipart.NewReader(body, params["boundary"])
			for {
				p, err := mr.NextPart()
				if err != nil {
					return
				}
				walk(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p)
			}
		}
		if strings.EqualFold(cte, "base64") {
			body = base64.NewDecoder(base64.StdEncoding, body)
		}
		data, _ := io.ReadAll(body)
		switch mt {
		case "text/plain":
			l.text = string(data)
		case "text/calendar":
			l.calendar, l.method = string(data), params["method"]
		}
	}
	walk(m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), m.Body)
	return l
}

func TestInvitationsFollowEveryChange(t *testing.T) {
	box := startInbox(t)
	h, err := Open(Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", Media: Media{Disabled: true}}, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	c := client.InProcess(h.Handler(), h.Key())
	ctx := context.Background()
	host, port, _ := net.SplitHostPort(box.addr)
	must := func(method, path string, body, out any) {
		t.Helper()
		if err := c.Do(ctx, method, path, body, out); err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
	}
	must("PUT", "/api/settings", map[string]any{"organizer": map[string]string{"name": "Rita Recruiter", "email": "rita@example.com"}}, nil)
	must("PUT", "/api/settings/mail", map[string]any{"host": host, "port": atoi(port), "security": "none",
		"fromName": "InterviewDesk", "fromAddress": "noreply@example.com", "password": "s3cret-smtp", "username": "rita"}, nil)
	var settings map[string]any
	must("GET", "/api/settings/mail", nil, &settings)
	if _, leaked := settings["password"]; leaked || settings["hasPassword"] != true {
		t.Errorf("mail settings answer %v: the password must never come back", settings)
	}
	// This test server has no AUTH: send without credentials.
	must("PUT", "/api/settings/mail", map[string]any{"host": host, "port": atoi(port), "security": "none",
		"fromName": "InterviewDesk", "fromAddress": "noreply@example.com", "clearPassword": true}, &settings)
	if settings["hasPassword"] != false {
		t.Errorf("clearPassword kept the password: %v", settings)
	}
	var list struct{ Templates []struct{ ID, Name string } }
	must("GET", "/api/templates", nil, &list)
	var iv struct {
		ID, CandidateLink string
		Interviewers      []struct{ Email, Link string }
	}
	must("POST", "/api/interviews", map[string]any{"templateId": list.Templates[0].ID, "position": "Backend engineer",
		"candidateName": "Olivia Díaz", "candidateEmail": "olivia@example.com", "when": "later",
		"startsAt": time.Now().Add(72 * time.Hour).Format("2006-01-02T15:04"), "timeZone": "Europe/Berlin"}, &iv)

	got := box.waitFor(t, 2)
	byTo := map[string]letter{}
	for _, l := range got {
		byTo[l.to] = l
	}
	cand, org := byTo["Olivia Díaz <olivia@example.com>"], byTo["Rita Recruiter <rita@example.com>"]
	if cand.method != "REQUEST" || !strings.Contains(cand.text, iv.CandidateLink) || strings.Contains(cand.text, iv.Interviewers[0].Link) {
		t.Errorf("candidate's invitation: method %q, text:\n%s", cand.method, cand.text)
	}
	if !strings.Contains(org.text, iv.Interviewers[0].Link) || strings.Contains(org.text+org.calendar, iv.CandidateLink) {
		t.Errorf("organizer's invitation carries the wrong link:\n%s", org.text)
	}
	if !strings.Contains(cand.calendar, "SEQUENCE:0") || !strings.Contains(cand.calendar, "ORGANIZER;CN=Rita Recruiter:mailto:rita@example.com") {
		t.Errorf("candidate's calendar part:\n%s", cand.calendar)
	}

	must("POST", "/api/interviews/"+iv.ID+"/reschedule", map[string]string{"startsAt": time.Now().Add(96 * time.Hour).Format("2006-01-02T15:04")}, nil)
	moved := box.waitFor(t, 4)[2:]
	for _, l := range moved {
		if !strings.HasPrefix(l.subject, "Moved: ") || !strings.Contains(l.text, "has moved from") || !strings.Contains(l.calendar, "SEQUENCE:1") {
			t.Errorf("reschedule update to %s: %q\n%s", l.to, l.subject, l.calendar)
		}
	}

	must("POST", "/api/interviews/"+iv.ID+"/interviewers", map[string]string{"name": "Ivan", "email": "ivan@example.com"}, nil)
	added := box.waitFor(t, 5)[4]
	if added.to != "Ivan <ivan@example.com>" || added.method != "REQUEST" {
		t.Errorf("new interviewer got %q %s", added.to, added.method)
	}
	must("DELETE", "/api/interviews/"+iv.ID+"/interviewers/ivan@example.com", nil, nil)
	removed := box.waitFor(t, 6)[5]
	if removed.to != "Ivan <ivan@example.com>" || removed.method != "CANCEL" || !strings.Contains(removed.calendar, "STATUS:CANCELLED") {
		t.Errorf("removed interviewer got %q %s", removed.to, removed.method)
	}

	must("POST", "/api/interviews/"+iv.ID+"/invitations", nil, nil) // everyone again, e.g. after setting up email
	for _, l := range box.waitFor(t, 8)[6:] {
		if l.method != "REQUEST" || !strings.HasPrefix(l.subject, "Invitation: ") {
			t.Errorf("invitation sent again to %s: %s %q", l.to, l.method, l.subject)
		}
	}

	must("DELETE", "/api/interviews/"+iv.ID, nil, nil)
	for _, l := range box.waitFor(t, 10)[8:] {
		if l.method != "CANCEL" || !strings.HasPrefix(l.subject, "Cancelled: ") {
			t.Errorf("cancellation to %s: %s %q", l.to, l.method, l.subject)
		}
	}

	var outbox struct {
		MailConfigured bool
		Messages       []struct{ State, Kind string }
	}
	must("GET", "/api/interviews/"+iv.ID+"/outbox", nil, &outbox)
	if !outbox.MailConfigured || len(outbox.Messages) != 10 || outbox.Messages[0].Kind != "cancel" {
		t.Fatalf("outbox = %+v", outbox)
	}
	for _, m := range outbox.Messages {
		if m.State != "sent" {
			t.Errorf("outbox entry %+v not sent", m)
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
