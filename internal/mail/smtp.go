package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/mail"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

var _ Sender = (*SMTP)(nil)

// Names of the invitation's MIME parts.
const (
	// AttachmentName is the file name of the attached calendar object.
	AttachmentName = "invite.ics"
	// AttachmentType is the attachment's media type.
	AttachmentType = "application/ics"
)

// DefaultTimeout bounds one SMTP conversation when SMTPOptions.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// SMTPOptions tune an SMTP sender; the zero value is ready for production.
type SMTPOptions struct {
	// Timeout bounds connecting and each of the two halves of the conversation
	// (up to DATA, the message itself). Default DefaultTimeout.
	Timeout time.Duration
	// RootCAs verifies the server's certificate; nil means the system's roots.
	RootCAs *x509.CertPool
	// Now stamps the Date header; default time.Now.
	Now func() time.Time
}

// SMTP sends messages through one SMTP server with go-mail.
type SMTP struct {
	settings Settings
	opts     SMTPOptions
	log      *slog.Logger
}

// NewSMTP checks s and returns a sender for it. It returns ErrNotConfigured when
// no host is set and validation errors (ErrInvalid) for unusable settings.
func NewSMTP(s Settings, opts SMTPOptions, log *slog.Logger) (*SMTP, error) {
	if !s.Configured() {
		return nil, ErrNotConfigured
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	s.Host = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s.Host), "["), "]")
	s.FromAddress = strings.TrimSpace(s.FromAddress)
	s.ReplyTo = strings.TrimSpace(s.ReplyTo)
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &SMTP{settings: s, opts: opts, log: log}, nil
}

// ServerError is a reply by which the SMTP server refused a step. Error gives
// the step and the server's own words, e.g. "RCPT TO: 550 5.1.1 No such user".
type ServerError struct {
	// Step is "connect" (greeting, EHLO, STARTTLS, AUTH), "MAIL FROM",
	// "RCPT TO", "DATA" or "end of DATA".
	Step string
	// Code is the reply code; 4xx is transient, 5xx permanent.
	Code int
	// Message is the rest of the reply, enhanced status code included.
	Message string
}

func (e *ServerError) Error() string { return fmt.Sprintf("%s: %d %s", e.Step, e.Code, e.Message) }

// Is makes a 5xx reply match ErrPermanent.
func (e *ServerError) Is(target error) bool { return target == ErrPermanent && e.Code >= 500 }

// Send validates msg and delivers it. The server has accepted the message
// exactly when Send returns nil.
func (c *SMTP) Send(ctx context.Context, msg Message) error {
	if err := msg.Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrPermanent, err)
	}
	m, err := c.compose(msg)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrPermanent, err)
	}
	from, err := m.GetSender(false)
	if err != nil {
		return fmt.Errorf("%w: envelope sender: %w", ErrPermanent, err)
	}
	rcpts, err := m.GetRecipients()
	if err != nil {
		return fmt.Errorf("%w: envelope recipient: %w", ErrPermanent, err)
	}

	client, err := gomail.NewClient(c.settings.Host, c.clientOptions()...)
	if err != nil {
		return fmt.Errorf("%w: smtp client for %s: %w", ErrPermanent, c.addr(), err)
	}
	conn, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return replyError("connect", fmt.Errorf("connect to %s: %w", c.addr(), err))
	}
	defer func() {
		if err := client.CloseWithSMTPClient(conn); err != nil {
			c.log.Debug("smtp quit", "server", c.addr(), "err", err)
		}
		_ = conn.Close()
	}()
	if err := conn.Mail(from); err != nil {
		return replyError("MAIL FROM", err)
	}
	for _, r := range rcpts {
		if err := conn.Rcpt(r); err != nil {
			return replyError("RCPT TO", err)
		}
	}
	if err := conn.UpdateDeadline(c.opts.Timeout); err != nil {
		return fmt.Errorf("set deadline: %w", err)
	}
	w, err := conn.Data()
	if err != nil {
		return replyError("DATA", err)
	}
	if _, err := m.WriteTo(w); err != nil {
		_ = w.Close()
		return fmt.Errorf("write message to %s: %w", c.addr(), err)
	}
	if err := w.Close(); err != nil {
		return replyError("end of DATA", err)
	}
	c.log.Info("mail accepted by server", "server", c.addr(), "to", msg.To.Email, "messageId", m.GetMessageID())
	return nil
}

// SendTest sends a short test message to to with settings s and returns nil or
// the server's exact error, for "Send test email" and `mail test`.
func SendTest(ctx context.Context, s Settings, to string, opts SMTPOptions, log *slog.Logger) error {
	c, err := NewSMTP(s, opts, log)
	if err != nil {
		return err
	}
	now := c.opts.Now()
	return c.Send(ctx, Message{
		To:      Address{Email: strings.TrimSpace(to)},
		Subject: "InterviewDesk test email",
		Text: "This is a test email from InterviewDesk.\n\n" +
			"If you can read it, invitations will be sent through " + c.addr() + " as " + c.settings.FromAddress + ".\n" +
			"Sent " + now.Format(time.RFC1123Z) + ".\n",
	})
}

func (c *SMTP) addr() string {
	return net.JoinHostPort(c.settings.Host, strconv.Itoa(c.settings.Port))
}

func (c *SMTP) clientOptions() []gomail.Option {
	tlsConfig := &tls.Config{ServerName: c.settings.Host, RootCAs: c.opts.RootCAs, MinVersion: tls.VersionTLS12}
	opts := []gomail.Option{
		gomail.WithPort(c.settings.Port),
		gomail.WithTimeout(c.opts.Timeout),
		gomail.WithTLSConfig(tlsConfig),
	}
	switch c.settings.Security {
	case ImplicitTLS:
		opts = append(opts, gomail.WithSSL())
	case StartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case NoTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if c.settings.Username != "" {
		auth := gomail.SMTPAuthAutoDiscover
		if c.settings.Security == NoTLS {
			// Loopback only (Validate): PLAIN, which go-mail allows to localhost.
			auth = gomail.SMTPAuthPlain
		}
		opts = append(opts, gomail.WithSMTPAuth(auth),
			gomail.WithUsername(c.settings.Username), gomail.WithPassword(c.settings.Password))
	}
	return opts
}

// compose builds the MIME message; see the package documentation for its shape.
func (c *SMTP) compose(msg Message) (*gomail.Msg, error) {
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	// net/mail's Address.String quotes or RFC 2047-encodes the name as needed;
	// go-mail's *Format helpers would re-parse `"name" <addr>` and mangle quotes.
	m.FromMailAddress(&mail.Address{Name: strings.TrimSpace(c.settings.FromName), Address: c.settings.FromAddress})
	m.AddToMailAddress(&mail.Address{Name: strings.TrimSpace(msg.To.Name), Address: msg.To.Email})
	if c.settings.ReplyTo != "" {
		m.ReplyToMailAddress(&mail.Address{Address: c.settings.ReplyTo})
	}
	m.Subject(msg.Subject)
	m.SetDateWithValue(c.opts.Now())
	id := msg.ID
	if id == "" {
		id = strings.ToLower(rand.Text())
	}
	m.SetMessageIDWithValue(id + "@" + domainOf(c.settings.FromAddress))
	m.SetUserAgent("InterviewDesk")

	m.SetBodyString(gomail.TypeTextPlain, msg.Text)
	if msg.HTML != "" {
		m.AddAlternativeString(gomail.TypeTextHTML, msg.HTML)
	}
	if cal := msg.Calendar; cal != nil {
		// Base64 keeps the CRLF-folded lines intact through any relay.
		m.AddAlternativeString(gomail.ContentType("text/calendar; method="+cal.Method), string(cal.Data),
			gomail.WithPartEncoding(gomail.EncodingB64))
		if err := m.AttachReader(AttachmentName, bytes.NewReader(cal.Data),
			gomail.WithFileContentType(AttachmentType)); err != nil {
			return nil, fmt.Errorf("attach %s: %w", AttachmentName, err)
		}
	}
	return m, nil
}

func domainOf(addr string) string {
	if at := strings.LastIndexByte(addr, '@'); at >= 0 {
		return addr[at+1:]
	}
	return "interviewdesk.invalid"
}

// replyError turns an SMTP reply into a *ServerError and keeps other errors
// (network, TLS) as they are, prefixed with the step.
func replyError(step string, err error) error {
	var te *textproto.Error
	if errors.As(err, &te) {
		return &ServerError{Step: step, Code: te.Code, Message: te.Msg}
	}
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: the server closed the connection: %w", step, err)
	}
	if step == "connect" {
		return err
	}
	return fmt.Errorf("%s: %w", step, err)
}
