package mail

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/interviewdesk/interviewdesk/internal/calendar"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var fixedNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

const (
	candidateLink   = "https://interviews.example.com/r/cAnd1dateTok3n"
	interviewerLink = "https://interviews.example.com/r/1ntErv1ewerTok3n"
)

var (
	candidate   = Address{Name: "Zoë Łukasiewicz", Email: "zoe@example.org"}
	interviewer = Address{Name: "Ivan Petrov", Email: "ivan@example.com"}
)

// invitation is what the interview service will send: the recipient's own link
// in the text, the HTML and the calendar object.
func invitation(t *testing.T, to Address, link string, method calendar.Method, seq int) Message {
	t.Helper()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 26, 15, 0, 0, 0, berlin)
	data, err := calendar.Encode(calendar.Event{
		UID: "iv-42@interviewdesk", Sequence: seq, Method: method,
		Summary: "Interview: Senior Go Engineer", Description: "Join: " + link, URL: link,
		Start: start, End: start.Add(time.Hour), TimeZone: "Europe/Berlin",
		Organizer: calendar.Person{Name: "Renée Ørsted", Email: "renee@example.com"},
		Attendees: []calendar.Attendee{{Name: to.Name, Email: to.Email}},
		Stamp:     fixedNow,
	})
	if err != nil {
		t.Fatal(err)
	}
	verb := "Invitation"
	if method == calendar.Cancel {
		verb = "Cancelled"
	}
	return Message{
		To:       to,
		Subject:  verb + ": Senior Go Engineer interview, Thu 26 Mar 2026 15:00 (Europe/Berlin)",
		Text:     "Hello " + to.Name + ",\n\nJoin the interview: " + link + "\nPlease have a browser, camera and microphone ready.\n",
		HTML:     `<p>Hello ` + to.Name + `,</p><p><a href="` + link + `">Join the interview</a></p>`,
		Calendar: &Calendar{Method: string(method), Data: data},
	}
}

// leaf is one non-multipart MIME part, its body transfer-decoded.
type leaf struct {
	Path        string // enclosing multipart types, e.g. "multipart/mixed>multipart/alternative"
	Type        string
	Params      map[string]string
	Disposition string
	DispParams  map[string]string
	Body        []byte
}

// parseMail reads a received message with net/mail and mime/multipart.
func parseMail(t *testing.T, data []byte) (mail.Header, []leaf) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v\n%s", err, data)
	}
	var leaves []leaf
	walkMIME(t, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"),
		msg.Header.Get("Content-Disposition"), msg.Body, "", &leaves)
	return msg.Header, leaves
}

func walkMIME(t *testing.T, contentType, cte, disposition string, body io.Reader, path string, out *[]leaf) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatalf("bad Content-Type %q: %v", contentType, err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		if path != "" {
			path += ">"
		}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("read part of %s: %v", mt, err)
			}
			walkMIME(t, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"),
				p.Header.Get("Content-Disposition"), p, path+mt, out)
		}
	}
	switch strings.ToLower(cte) {
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	case "quoted-printable": // multipart.Part decodes this itself and drops the header
		body = quotedprintable.NewReader(body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatalf("decode %s body: %v", mt, err)
	}
	l := leaf{Path: path, Type: mt, Params: params, Body: b}
	if disposition != "" {
		if l.Disposition, l.DispParams, err = mime.ParseMediaType(disposition); err != nil {
			t.Fatalf("bad Content-Disposition %q: %v", disposition, err)
		}
	}
	*out = append(*out, l)
}

// checkSevenBit checks that the message is plain 7-bit text with lines of at
// most 998 octets, so no relay needs to re-encode it.
func checkSevenBit(t *testing.T, data []byte) {
	t.Helper()
	for i, b := range data {
		if b >= 0x80 {
			t.Fatalf("octet %d is %#x: the message must be 7-bit (RFC 2047 headers, encoded bodies)", i, b)
		}
	}
	for i, line := range strings.Split(string(data), "\n") {
		if len(line) > 998 {
			t.Errorf("line %d has %d octets, more than RFC 5322 allows", i+1, len(line))
		}
	}
}

func TestSendInvitationAsIMIP(t *testing.T) {
	srv := newSMTPServer(t)
	c := newTestSMTP(t, testSettings(srv), SMTPOptions{Now: func() time.Time { return fixedNow }})
	tests := []struct {
		name   string
		msg    Message
		link   string
		other  string
		method string
	}{
		{"candidate request", invitation(t, candidate, candidateLink, calendar.Request, 0), candidateLink, interviewerLink, "REQUEST"},
		{"interviewer request", invitation(t, interviewer, interviewerLink, calendar.Request, 0), interviewerLink, candidateLink, "REQUEST"},
		{"candidate cancel", invitation(t, candidate, candidateLink, calendar.Cancel, 1), candidateLink, interviewerLink, "CANCEL"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := c.Send(context.Background(), tc.msg); err != nil {
				t.Fatalf("Send: %v", err)
			}
			got := srv.waitMessages(i + 1)[i]
			if got.From != "recruiting@example.com" || len(got.To) != 1 || got.To[0] != tc.msg.To.Email {
				t.Errorf("envelope = %s -> %v, want recruiting@example.com -> [%s]", got.From, got.To, tc.msg.To.Email)
			}
			checkSevenBit(t, got.Data)
			h, leaves := parseMail(t, got.Data)

			from, err := mail.ParseAddress(h.Get("From"))
			if err != nil || from.Name != "InterviewDesk Recruiting" || from.Address != "recruiting@example.com" {
				t.Errorf("From = %q (%v)", h.Get("From"), err)
			}
			to, err := mail.ParseAddress(h.Get("To"))
			if err != nil || *to != (mail.Address{Name: tc.msg.To.Name, Address: tc.msg.To.Email}) {
				t.Errorf("To = %q decodes to %+v (%v), want %+v", h.Get("To"), to, err, tc.msg.To)
			}
			if h.Get("Reply-To") != "<renee@example.com>" {
				t.Errorf("Reply-To = %q", h.Get("Reply-To"))
			}
			if subj, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject")); subj != tc.msg.Subject {
				t.Errorf("Subject = %q, want %q", subj, tc.msg.Subject)
			}
			if d, err := h.Date(); err != nil || !d.Equal(fixedNow) {
				t.Errorf("Date = %v (%v), want %v", d, err, fixedNow)
			}
			if id := h.Get("Message-Id"); !regexp.MustCompile(`^<[a-z0-9]+@example\.com>$`).MatchString(id) {
				t.Errorf("Message-ID = %q, want <random@example.com>", id)
			}
			if mt, _, _ := mime.ParseMediaType(h.Get("Content-Type")); mt != "multipart/mixed" {
				t.Errorf("top-level Content-Type = %q, want multipart/mixed", h.Get("Content-Type"))
			}

			if len(leaves) != 4 {
				t.Fatalf("MIME leaves = %d, want text/plain, text/html, text/calendar and the attachment: %+v", len(leaves), leaves)
			}
			alt := "multipart/mixed>multipart/alternative"
			for j, want := range []string{"text/plain", "text/html", "text/calendar"} {
				if leaves[j].Path != alt || leaves[j].Type != want || !strings.EqualFold(leaves[j].Params["charset"], "utf-8") {
					t.Errorf("part %d = %s %s %v, want %s inside %s with charset=utf-8", j, leaves[j].Path, leaves[j].Type, leaves[j].Params, want, alt)
				}
			}
			cal, att := leaves[2], leaves[3]
			if cal.Params["method"] != tc.method {
				t.Errorf("text/calendar method = %q, want %q", cal.Params["method"], tc.method)
			}
			if got := calendarMethod(cal.Body); got != tc.method {
				t.Errorf("METHOD inside the calendar part = %q, want %q (it must match the MIME parameter)", got, tc.method)
			}
			if !bytes.Equal(cal.Body, tc.msg.Calendar.Data) {
				t.Errorf("calendar part differs from the calendar object sent")
			}
			if att.Path != "multipart/mixed" || att.Type != AttachmentType || att.Params["name"] != AttachmentName ||
				att.Disposition != "attachment" || att.DispParams["filename"] != AttachmentName {
				t.Errorf("attachment = %+v, want %s %s as attachment", att, AttachmentType, AttachmentName)
			}
			if !bytes.Equal(att.Body, tc.msg.Calendar.Data) {
				t.Errorf("attachment differs from the calendar object sent")
			}
			for j, l := range leaves {
				if !bytes.Contains(l.Body, []byte(tc.link)) {
					t.Errorf("part %d (%s) lacks the recipient's link %s", j, l.Type, tc.link)
				}
				if bytes.Contains(l.Body, []byte(tc.other)) {
					t.Errorf("part %d (%s) carries someone else's link %s", j, l.Type, tc.other)
				}
			}
		})
	}
}

func TestHeadersEncodeNonASCII(t *testing.T) {
	srv := newSMTPServer(t)
	s := testSettings(srv)
	s.FromName = "Rekrutierung Müller & Söhne"
	c := newTestSMTP(t, s, SMTPOptions{})
	tests := []struct {
		name    string
		to      Address
		subject string
	}{
		{"latin", Address{Name: "Zoë Łukasiewicz-Ørsted", Email: "zoe@example.org"}, "Einladung zum Vorstellungsgespräch – Zoë"},
		{"cyrillic and emoji", Address{Name: "Иван Петров", Email: "ivan@example.com"}, "Собеседование: Go 🎉"},
		{"special ASCII", Address{Name: `O'Brien, "Pat" <ops>`, Email: "pat@example.com"}, "Re: a; b, c (d) =?x?="},
		{"long", Address{Name: strings.Repeat("Łukasz ", 28), Email: "l@example.com"}, strings.Repeat("Vorstellungsgespräch ", 19)},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := Message{To: tc.to, Subject: tc.subject, Text: "Hallo " + tc.to.Name}
			if err := c.Send(context.Background(), msg); err != nil {
				t.Fatalf("Send: %v", err)
			}
			data := srv.waitMessages(i + 1)[i].Data
			checkSevenBit(t, data)
			h, leaves := parseMail(t, data)
			if strings.ContainsAny(tc.to.Name, "äöüÀ-ÿŁłИ") && !strings.Contains(strings.ToLower(h.Get("To")), "=?utf-8?") {
				t.Errorf("To = %q, want an RFC 2047 encoded word", h.Get("To"))
			}
			to, err := mail.ParseAddress(h.Get("To"))
			if err != nil || to.Name != strings.TrimSpace(tc.to.Name) || to.Address != tc.to.Email {
				t.Errorf("To = %q decodes to %+v (%v), want %q <%s>", h.Get("To"), to, err, tc.to.Name, tc.to.Email)
			}
			if from, err := mail.ParseAddress(h.Get("From")); err != nil || from.Name != s.FromName {
				t.Errorf("From = %q decodes to %+v (%v)", h.Get("From"), from, err)
			}
			if subj, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject")); err != nil || subj != tc.subject {
				t.Errorf("Subject = %q decodes to %q (%v), want %q", h.Get("Subject"), subj, err, tc.subject)
			}
			if len(leaves) != 1 || leaves[0].Type != "text/plain" || strings.TrimRight(string(leaves[0].Body), "\r\n") != msg.Text {
				t.Errorf("body = %+v, want the text alone", leaves)
			}
		})
	}
}

func TestMessageValidate(t *testing.T) {
	cancel := invitation(t, candidate, candidateLink, calendar.Cancel, 1).Calendar
	tests := []struct {
		name   string
		change func(*Message)
		field  string
		text   string // part of the message
	}{
		{"invalid address", func(m *Message) { m.To.Email = "not-an-email" }, "to.email", "valid recipient address"},
		{"address with a header", func(m *Message) { m.To.Email = "zoe@example.org\r\nBcc: eve@example.com" }, "to.email", ""},
		{"address with a name", func(m *Message) { m.To.Email = "Zoë <zoe@example.org>" }, "to.email", ""},
		{"CRLF in the name", func(m *Message) { m.To.Name = "Zoë\r\nBcc: eve@example.com" }, "to.name", "single line"},
		{"LF in the name", func(m *Message) { m.To.Name = "Zoë\nX" }, "to.name", "single line"},
		{"control character in the name", func(m *Message) { m.To.Name = "Zoë\x1b[31m" }, "to.name", "control character"},
		{"10,000-character name", func(m *Message) { m.To.Name = strings.Repeat("x", 10000) }, "to.name", "at most 200 characters (it has 10000)"},
		{"CRLF in the subject", func(m *Message) { m.Subject = "Hi\r\nBcc: eve@example.com" }, "subject", "single line"},
		{"CR in the subject", func(m *Message) { m.Subject = "Hi\rBcc: eve@example.com" }, "subject", "single line"},
		{"no subject", func(m *Message) { m.Subject = "  " }, "subject", "Enter the subject"},
		{"no text", func(m *Message) { m.Text = "" }, "text", ""},
		{"calendar method mismatch", func(m *Message) { m.Calendar = &Calendar{Method: MethodRequest, Data: cancel.Data} }, "calendar.method", "METHOD:CANCEL"},
		{"calendar method unknown", func(m *Message) { m.Calendar = &Calendar{Method: "PUBLISH", Data: cancel.Data} }, "calendar.method", ""},
		{"calendar without data", func(m *Message) { m.Calendar = &Calendar{Method: MethodCancel} }, "calendar.data", ""},
		{"message ID with a space", func(m *Message) { m.ID = "a b" }, "id", ""},
	}
	srv := newSMTPServer(t)
	c := newTestSMTP(t, testSettings(srv), SMTPOptions{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := invitation(t, candidate, candidateLink, calendar.Request, 0)
			tc.change(&msg)
			err := c.Send(context.Background(), msg)
			var fe validation.Errors
			if !errors.Is(err, ErrInvalid) || !errors.Is(err, ErrPermanent) || !errors.As(err, &fe) {
				t.Fatalf("Send error = %v, want ErrInvalid, ErrPermanent and validation.Errors", err)
			}
			if !strings.Contains(fe[tc.field], tc.text) || fe[tc.field] == "" {
				t.Errorf("errors = %v, want one for %q containing %q", fe, tc.field, tc.text)
			}
		})
	}
	if n := len(srv.messages()); n != 0 {
		t.Errorf("the server received %d messages from invalid input, want none", n)
	}
	if err := invitation(t, candidate, candidateLink, calendar.Request, 0).Validate(); err != nil {
		t.Errorf("valid invitation: %v", err)
	}
}

func TestSettingsValidate(t *testing.T) {
	valid := Settings{Host: "smtp.example.com", Port: 587, Security: StartTLS, Username: "u", Password: "p",
		FromName: "Recruiting", FromAddress: "recruiting@example.com", ReplyTo: "renee@example.com"}
	tests := []struct {
		name   string
		change func(*Settings)
		field  string // "" when valid
	}{
		{"valid", func(*Settings) {}, ""},
		{"implicit TLS", func(s *Settings) { s.Security, s.Port = ImplicitTLS, 465 }, ""},
		{"none on 127.0.0.1", func(s *Settings) { s.Security, s.Host = NoTLS, "127.0.0.1" }, ""},
		{"none on 127.0.0.2", func(s *Settings) { s.Security, s.Host = NoTLS, "127.0.0.2" }, ""},
		{"none on ::1", func(s *Settings) { s.Security, s.Host = NoTLS, "::1" }, ""},
		{"none on [::1]", func(s *Settings) { s.Security, s.Host = NoTLS, "[::1]" }, ""},
		{"none on localhost", func(s *Settings) { s.Security, s.Host = NoTLS, "LocalHost" }, ""},
		{"no reply-to", func(s *Settings) { s.ReplyTo = "" }, ""},
		{"no auth", func(s *Settings) { s.Username, s.Password = "", "" }, ""},
		{"none on a remote host", func(s *Settings) { s.Security = NoTLS }, "security"},
		{"none on a LAN address", func(s *Settings) { s.Security, s.Host = NoTLS, "192.168.1.10" }, "security"},
		{"none on localhost.example.com", func(s *Settings) { s.Security, s.Host = NoTLS, "localhost.example.com" }, "security"},
		{"unknown security", func(s *Settings) { s.Security = "ssl" }, "security"},
		{"no host", func(s *Settings) { s.Host = "" }, "host"},
		{"host with a space", func(s *Settings) { s.Host = "smtp example.com" }, "host"},
		{"host with a newline", func(s *Settings) { s.Host = "smtp.example.com\r\n" + "x" }, "host"},
		{"port 0", func(s *Settings) { s.Port = 0 }, "port"},
		{"port 70000", func(s *Settings) { s.Port = 70000 }, "port"},
		{"password without user", func(s *Settings) { s.Username = "" }, "username"},
		{"user with a newline", func(s *Settings) { s.Username = "u\r\nRCPT TO:<x@y.z>" }, "username"},
		{"password with a newline", func(s *Settings) { s.Password = "p\r\nQUIT" }, "password"},
		{"no sender address", func(s *Settings) { s.FromAddress = "" }, "fromAddress"},
		{"bad sender address", func(s *Settings) { s.FromAddress = "recruiting" }, "fromAddress"},
		{"sender name with a newline", func(s *Settings) { s.FromName = "R\nBcc: x@y.z" }, "fromName"},
		{"sender name too long", func(s *Settings) { s.FromName = strings.Repeat("n", 201) }, "fromName"},
		{"bad reply-to", func(s *Settings) { s.ReplyTo = "renee@" }, "replyTo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := valid
			tc.change(&s)
			err := s.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var fe validation.Errors
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe[tc.field] == "" {
				t.Fatalf("Validate error = %v, want one for %q", err, tc.field)
			}
			if _, err := NewSMTP(s, SMTPOptions{}, nil); !errors.As(err, &fe) && !errors.Is(err, ErrNotConfigured) {
				t.Errorf("NewSMTP accepted invalid settings: %v", err)
			}
		})
	}
	if _, err := NewSMTP(Settings{}, SMTPOptions{}, nil); !errors.Is(err, ErrNotConfigured) {
		t.Errorf("NewSMTP without a host = %v, want ErrNotConfigured", err)
	}
}

func TestSettingsNeverShowThePassword(t *testing.T) {
	const secret = "hunter2-s3cr3t"
	s := Settings{Host: "smtp.example.com", Port: 587, Security: StartTLS, Username: "u", Password: secret, FromAddress: "r@example.com"}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("settings", "smtp", s)
	slog.New(slog.NewTextHandler(&logged, nil)).Info("settings", "smtp", s)
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s", s, s, s, s), logged.String()} {
		if strings.Contains(out, secret) {
			t.Errorf("the password shows in %q", out)
		}
	}
	if !strings.Contains(logged.String(), `"password":"set"`) {
		t.Errorf("log = %s, want it to say the password is set", logged.String())
	}
	if s.Redacted().Password != "" || s.Password != secret {
		t.Error("Redacted must blank the password of a copy only")
	}
}

func TestAuth(t *testing.T) {
	srv := newSMTPServer(t, func(s *smtpServer) { s.user, s.pass = "mailer", "correct horse" })
	s := testSettings(srv)
	s.Username, s.Password = "mailer", "correct horse"
	msg := Message{To: candidate, Subject: "Hi", Text: "Hello"}
	if err := newTestSMTP(t, s, SMTPOptions{}).Send(context.Background(), msg); err != nil {
		t.Fatalf("Send with the right password: %v", err)
	}
	srv.waitMessages(1)

	s.Password = "wrong battery"
	err := newTestSMTP(t, s, SMTPOptions{}).Send(context.Background(), msg)
	var se *ServerError
	if !errors.As(err, &se) || se.Code != 535 || !errors.Is(err, ErrPermanent) {
		t.Fatalf("Send with a wrong password = %v, want a permanent 535 ServerError", err)
	}
	if want := "535 5.7.8 Authentication failed"; !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), s.Password) {
		t.Errorf("error = %q, want the server's %q and never the password", err, want)
	}
	if err := SendTest(context.Background(), s, "zoe@example.org", SMTPOptions{Timeout: 5 * time.Second}, nil); err == nil ||
		!strings.Contains(err.Error(), "535 5.7.8 Authentication failed") {
		t.Errorf("SendTest with a wrong password = %v, want the server's reply", err)
	}
}

func TestTLS(t *testing.T) {
	serverTLS, roots := selfSigned(t)
	for _, sec := range []Security{StartTLS, ImplicitTLS} {
		t.Run(string(sec), func(t *testing.T) {
			srv := newSMTPServer(t, func(s *smtpServer) {
				s.tlsConfig, s.implicitTLS = serverTLS, sec == ImplicitTLS
				s.user, s.pass = "mailer", "pw"
			})
			s := testSettings(srv)
			s.Security, s.Username, s.Password = sec, "mailer", "pw"
			msg := Message{To: candidate, Subject: "Over TLS", Text: "Hello"}
			if err := newTestSMTP(t, s, SMTPOptions{RootCAs: roots}).Send(context.Background(), msg); err != nil {
				t.Fatalf("Send over %s: %v", sec, err)
			}
			srv.waitMessages(1)
			// The system roots do not trust the test certificate: a clear,
			// transient error, never a downgrade to plain text.
			err := newTestSMTP(t, s, SMTPOptions{}).Send(context.Background(), msg)
			if err == nil || errors.Is(err, ErrPermanent) || !strings.Contains(err.Error(), "certificate") {
				t.Errorf("Send with an untrusted certificate = %v, want a certificate error", err)
			}
			if n := len(srv.messages()); n != 1 {
				t.Errorf("server got %d messages, want 1", n)
			}
		})
	}
	t.Run("STARTTLS required but not offered", func(t *testing.T) {
		srv := newSMTPServer(t)
		s := testSettings(srv)
		s.Security = StartTLS
		err := newTestSMTP(t, s, SMTPOptions{}).Send(context.Background(), Message{To: candidate, Subject: "S", Text: "T"})
		if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
			t.Errorf("Send = %v, want a STARTTLS error", err)
		}
	})
}

func TestSendTest(t *testing.T) {
	srv := newSMTPServer(t)
	s := testSettings(srv)
	opts := SMTPOptions{Timeout: 5 * time.Second, Now: func() time.Time { return fixedNow }}
	ctx := context.Background()

	if err := SendTest(ctx, s, "zoe@example.org", opts, nil); err != nil {
		t.Fatalf("SendTest: %v", err)
	}
	got := srv.waitMessages(1)[0]
	h, leaves := parseMail(t, got.Data)
	if h.Get("Subject") != "InterviewDesk test email" || got.To[0] != "zoe@example.org" || len(leaves) != 1 ||
		!strings.Contains(string(leaves[0].Body), "recruiting@example.com") {
		t.Errorf("test email = %q to %v: %q", h.Get("Subject"), got.To, leaves)
	}

	srv.failRcpt(&smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: "Relaying denied for <zoe@example.org>"})
	err := SendTest(ctx, s, "zoe@example.org", opts, nil)
	if err == nil || err.Error() != "RCPT TO: 550 5.7.1 Relaying denied for <zoe@example.org>" {
		t.Errorf("SendTest refused = %v, want the server's exact reply", err)
	}

	srv.stop()
	if err := SendTest(ctx, s, "zoe@example.org", opts, nil); err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("SendTest to a stopped server = %v, want connection refused", err)
	}
	var fe validation.Errors
	if err := SendTest(ctx, s, "not an address", opts, nil); !errors.As(err, &fe) || fe["to.email"] == "" {
		t.Errorf("SendTest to a bad address = %v, want a to.email error", err)
	}
	if err := SendTest(ctx, Settings{}, "zoe@example.org", opts, nil); !errors.Is(err, ErrNotConfigured) {
		t.Errorf("SendTest without settings = %v, want ErrNotConfigured", err)
	}
}

// TestGoldenInvitation pins the exact bytes of an invitation (boundaries
// normalised). go test -update rewrites testdata/invitation.eml.
func TestGoldenInvitation(t *testing.T) {
	s := Settings{Host: "127.0.0.1", Port: 25, Security: NoTLS, FromName: "InterviewDesk Recruiting",
		FromAddress: "recruiting@example.com", ReplyTo: "renee@example.com"}
	c := newTestSMTP(t, s, SMTPOptions{Now: func() time.Time { return fixedNow }})
	msg := invitation(t, candidate, candidateLink, calendar.Request, 0)
	msg.ID = "1.golden"
	m, err := c.compose(msg)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	for i, b := range regexp.MustCompile(`boundary=([0-9a-f]+)`).FindAllSubmatch(got, -1) {
		got = bytes.ReplaceAll(got, b[1], []byte(fmt.Sprintf("BOUNDARY-%d", i+1)))
	}
	if bytes.Contains(bytes.ReplaceAll(got, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("the message has bare LF line endings")
	}
	path := filepath.Join("testdata", "invitation.eml")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (go test -update creates it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it)\n--- got\n%s", path, got)
	}
}

func TestSettingsDefaults(t *testing.T) {
	if got := (Settings{}).WithDefaults(); got.Port != 587 || got.Security != StartTLS {
		t.Errorf("defaults = %d %s, want 587 starttls", got.Port, got.Security)
	}
	if got := (Settings{Port: 465, Security: ImplicitTLS}).WithDefaults(); got.Port != 465 || got.Security != ImplicitTLS {
		t.Errorf("chosen values changed: %d %s", got.Port, got.Security)
	}
}
