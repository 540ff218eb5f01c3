package teamhost

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// checkTimeout bounds a look at a team host.
const checkTimeout = 15 * time.Second

// Probe is what Check learnt about a team host.
type Probe struct {
	// URL is the host's origin.
	URL string `json:"url"`
	// Trusted: a certificate authority the system trusts vouches for the
	// certificate, for this name. Otherwise the person confirms CertSHA256.
	Trusted bool `json:"trusted"`
	// CertSHA256 is the fingerprint of the host's certificate.
	CertSHA256 string `json:"certSha256"`
	// Subject is whom the certificate names, for the person to compare.
	Subject string `json:"subject"`
}

// Origin turns what a person typed or pasted (a bare name, an address, a
// password link of the host) into the host's https origin.
func Origin(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", fault.Explain(fault.Invalid, ErrAddress, "Enter the team host’s address, e.g. https://interviews.example.com.")
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		return "", fault.Explain(fault.Invalid, ErrAddress, fmt.Sprintf("“%s” is not a web address. Enter the team host’s address, e.g. https://interviews.example.com.", raw))
	}
	if u.Scheme != "https" {
		return "", fault.Explain(fault.Invalid, ErrAddress,
			"A team host is reached over HTTPS only, so that your password and the interviews stay private. Enter its https:// address.")
	}
	return "https://" + u.Host, nil
}

// Check looks at the team host at raw: that it answers over HTTPS, which
// certificate it shows (whether a trusted authority vouches for it, and if
// not, that it is the one pinned, when pin is given), and that it is an
// InterviewDesk host. It sends no secrets.
func Check(ctx context.Context, raw, pin string) (Probe, error) {
	origin, err := Origin(raw)
	if err != nil {
		return Probe{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	leaf, trusted, err := handshake(ctx, origin)
	if err != nil {
		return Probe{}, err
	}
	p := Probe{URL: origin, Trusted: trusted, CertSHA256: client.CertSHA256(leaf.Raw), Subject: subject(leaf)}
	if pin = Fingerprint(pin); !trusted && pin != "" && pin != p.CertSHA256 {
		return p, pinMismatch(origin, pin, p.CertSHA256)
	}
	seen := client.TLSCheck{}
	if !trusted {
		seen.CertSHA256 = p.CertSHA256
	}
	return p, isInterviewDesk(ctx, origin, seen)
}

// handshake opens a TLS connection to origin and returns the certificate
// it shows, and whether the system trusts it for the name.
func handshake(ctx context.Context, origin string) (*x509.Certificate, bool, error) {
	u, _ := url.Parse(origin)
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "443")
	}
	leaf, err := dialTLS(ctx, addr, &tls.Config{ServerName: u.Hostname(), MinVersion: tls.VersionTLS12})
	if err == nil {
		return leaf, true, nil
	}
	if !untrustedCertificate(err) {
		return nil, false, dialProblem(origin, err)
	}
	leaf, err = dialTLS(ctx, addr, &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}) // shown to the person, not trusted
	if err != nil {
		return nil, false, dialProblem(origin, err)
	}
	return leaf, false, nil
}

func dialTLS(ctx context.Context, addr string, cfg *tls.Config) (*x509.Certificate, error) {
	d := tls.Dialer{Config: cfg}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	certs := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return nil, errors.New("the host sent no certificate")
	}
	return certs[0], nil
}

// untrustedCertificate reports whether err is a certificate the system does
// not vouch for (self-signed, another name, expired), not a network fault.
func untrustedCertificate(err error) bool {
	var unknown x509.UnknownAuthorityError
	var name x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	return errors.As(err, &unknown) || errors.As(err, &name) || errors.As(err, &invalid) || errors.As(err, &verify)
}

// dialProblem explains a failed TLS connection to origin.
func dialProblem(origin string, err error) error {
	var record tls.RecordHeaderError
	if errors.As(err, &record) {
		return fault.Explain(fault.Invalid, ErrNotInterviewDesk, fmt.Sprintf(
			"%s answers, but not over HTTPS. Check the address and port with the host’s admin: a team host serves HTTPS (interviewdesk serve --tls-cert … or --acme-domain …).", origin))
	}
	return fault.Explain(fault.Unavailable, ErrUnreachable, fmt.Sprintf(
		"Cannot reach %s (%s). Check the address, that the host runs and that this computer can reach it (network, VPN, firewall), then try again.",
		origin, plainCause(err)))
}

// plainCause is the end of a network error's chain, e.g. "connection refused".
func plainCause(err error) string {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		err = op.Err
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "no such host name"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "no answer in time"
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}

func pinMismatch(origin, pinned, shown string) error {
	return fault.Explain(fault.Permission, ErrCertificate, fmt.Sprintf(
		"%s shows a certificate that is not the one you confirmed (confirmed %s, shown %s), so InterviewDesk did not connect. "+
			"If the host’s admin replaced its certificate, check the new fingerprint with them and connect again; otherwise someone may be in between: do not go on.",
		origin, short(pinned), short(shown)))
}

// Fingerprint is a SHA-256 fingerprint as TLSCheck pins it (lowercase hex),
// from the hex or the colon-separated form that `openssl x509 -fingerprint
// -sha256` prints.
func Fingerprint(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), ":", ""))
}

// short is the start of a fingerprint, enough to tell two apart.
func short(fp string) string { return strings.ToLower(fp[:min(len(fp), 16)]) + "…" }

// subject is whom a certificate names.
func subject(c *x509.Certificate) string {
	if len(c.DNSNames) > 0 {
		return strings.Join(c.DNSNames, ", ")
	}
	if len(c.IPAddresses) > 0 {
		ips := make([]string, len(c.IPAddresses))
		for i, ip := range c.IPAddresses {
			ips[i] = ip.String()
		}
		return strings.Join(ips, ", ")
	}
	return c.Subject.CommonName
}

// isInterviewDesk asks origin for the console's account without signing in:
// an InterviewDesk host answers 401 with its JSON error body.
func isInterviewDesk(ctx context.Context, origin string, check client.TLSCheck) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/api/account", nil)
	if err != nil {
		return fmt.Errorf("check %s: %w", origin, err)
	}
	resp, err := (&http.Client{Transport: client.Transport(check)}).Do(req)
	if err != nil {
		return dialProblem(origin, err)
	}
	defer resp.Body.Close()
	var body struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode == http.StatusUnauthorized && json.Unmarshal(raw, &body) == nil && body.Error.Code == "unauthorized" {
		return nil
	}
	return fault.Explain(fault.Invalid, ErrNotInterviewDesk, fmt.Sprintf(
		"%s answers, but it is not an InterviewDesk host (it said HTTP %d to the console’s sign-in check). Check the address with the host’s admin.",
		origin, resp.StatusCode))
}
