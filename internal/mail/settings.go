package mail

import (
	"fmt"
	"log/slog"
	"net"
	"strings"
	"unicode"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Security is how the connection to the SMTP server is protected.
type Security string

// Security modes.
const (
	// StartTLS connects in plain text and upgrades with STARTTLS, which the
	// server must offer (usually port 587).
	StartTLS Security = "starttls"
	// ImplicitTLS speaks TLS from the first byte (usually port 465).
	ImplicitTLS Security = "tls"
	// NoTLS sends in plain text; allowed only to a loopback host, such as a
	// local relay.
	NoTLS Security = "none"
)

// Defaults for what the settings leave out.
const (
	// DefaultPort is the message submission port (RFC 6409).
	DefaultPort = 587
	// DefaultSecurity goes with DefaultPort.
	DefaultSecurity = StartTLS
)

// Settings describe the SMTP server and the sender. The caller stores them.
type Settings struct {
	Host     string   `json:"host"`
	Port     int      `json:"port"`
	Security Security `json:"security"`
	// Username and Password are for SMTP AUTH; empty Username means none.
	Username string `json:"username,omitempty"`
	Password string `json:"password,omitempty"`
	// FromName and FromAddress make the From header and the envelope sender.
	FromName    string `json:"fromName,omitempty"`
	FromAddress string `json:"fromAddress"`
	// ReplyTo, when set, is where replies go (e.g. the recruiter's own mailbox).
	ReplyTo string `json:"replyTo,omitempty"`
}

// WithDefaults fills in what was never chosen: DefaultPort and
// DefaultSecurity.
func (s Settings) WithDefaults() Settings {
	if s.Port == 0 {
		s.Port = DefaultPort
	}
	if s.Security == "" {
		s.Security = DefaultSecurity
	}
	return s
}

// Configured reports whether an SMTP server has been entered at all.
func (s Settings) Configured() bool { return strings.TrimSpace(s.Host) != "" }

// Validate returns validation.Errors (wrapped with ErrInvalid) for every field
// that cannot be used. Field names: host, port, security, username, password,
// fromName, fromAddress, replyTo.
func (s Settings) Validate() error {
	errs := validation.Errors{}
	host := strings.TrimSpace(s.Host)
	switch {
	case host == "":
		errs.Add("host", "Enter the SMTP server's host name, like smtp.example.com.")
	case len(host) > 253 || strings.IndexFunc(host, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '/' }) >= 0:
		errs.Add("host", "Enter a host name or IP address without spaces, like smtp.example.com.")
	}
	if s.Port < 1 || s.Port > 65535 {
		errs.Add("port", "Enter a port from 1 to 65535 (usually 587 for STARTTLS, 465 for TLS).")
	}
	switch s.Security {
	case StartTLS, ImplicitTLS:
	case NoTLS:
		if host != "" && !IsLoopback(host) {
			errs.Add("security", "Without TLS the password and every message would cross the network in clear text; "+
				"this is allowed only for a server on this machine (localhost, 127.0.0.1, ::1). Choose STARTTLS or TLS.")
		}
	default:
		errs.Add("security", fmt.Sprintf("Choose STARTTLS, TLS or none (got %q).", s.Security))
	}
	checkLine(errs, "username", s.Username, "user name", 0, 254)
	if strings.ContainsAny(s.Password, "\r\n\x00") {
		errs.Add("password", "The password cannot contain line breaks.")
	}
	if s.Password != "" && strings.TrimSpace(s.Username) == "" {
		errs.Add("username", "Enter the user name that goes with the password.")
	}
	checkLine(errs, "fromName", s.FromName, "sender name", 0, MaxNameLength)
	errs.Email("fromAddress", s.FromAddress)
	if strings.TrimSpace(s.ReplyTo) != "" && !validation.IsEmail(strings.TrimSpace(s.ReplyTo)) {
		errs.Add("replyTo", "Enter a valid reply-to address, like name@example.com, or leave it empty.")
	}
	if err := errs.Err(); err != nil {
		return fmt.Errorf("%w email settings: %w", ErrInvalid, err)
	}
	return nil
}

// IsLoopback reports whether host names this machine: localhost or a loopback
// IP address (127.0.0.0/8, ::1), with or without brackets.
func IsLoopback(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(host), "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Redacted returns s without the password, for showing settings to a client.
func (s Settings) Redacted() Settings {
	s.Password = ""
	return s
}

// String describes s without the password.
func (s Settings) String() string {
	return fmt.Sprintf("smtp %s:%d (%s) user %q from %q <%s> password %s",
		s.Host, s.Port, s.Security, s.Username, s.FromName, s.FromAddress, passwordNote(s.Password))
}

// GoString is String, so %#v does not print the password either.
func (s Settings) GoString() string { return s.String() }

// LogValue logs s without the password.
func (s Settings) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("host", s.Host), slog.Int("port", s.Port), slog.String("security", string(s.Security)),
		slog.String("username", s.Username), slog.String("password", passwordNote(s.Password)),
		slog.String("fromAddress", s.FromAddress), slog.String("replyTo", s.ReplyTo))
}

func passwordNote(p string) string {
	if p == "" {
		return "not set"
	}
	return "set"
}

// checkLine checks a one-line value: length, no line breaks or other
// control characters.
func checkLine(errs validation.Errors, field, value, label string, min, max int) {
	errs.Line(field, value, label, min, max)
	if strings.IndexFunc(value, unicode.IsControl) >= 0 {
		errs.Add(field, fmt.Sprintf("The %s contains a control character.", label))
	}
}
