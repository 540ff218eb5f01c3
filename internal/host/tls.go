package host

import (
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"

	"golang.org/x/crypto/acme/autocert"
)

// TLS configures HTTPS. Browsers grant camera and microphone only to secure
// pages (or localhost), so a host that candidates reach over a network needs it.
type TLS struct {
	// CertFile and KeyFile are a PEM certificate chain and its key.
	CertFile, KeyFile string
	// ACMEDomain obtains a certificate for this public domain from Let's Encrypt
	// (the host must be reachable on port 443, and on ACMEHTTP for HTTP-01).
	ACMEDomain string
	// ACMEHTTP is where the HTTP-01 challenge listener runs, e.g. ":80"; empty
	// relies on TLS-ALPN-01 on the HTTPS port alone.
	ACMEHTTP string
	// ACMEEmail is the contact address given to the CA.
	ACMEEmail string
}

// Enabled reports whether HTTPS is configured.
func (t TLS) Enabled() bool { return t.CertFile != "" || t.ACMEDomain != "" }

// config builds the server's tls.Config; dataDir holds the ACME cache.
func (t TLS) config(dataDir string) (*tls.Config, *autocert.Manager, error) {
	switch {
	case t.CertFile != "" && t.ACMEDomain != "":
		return nil, nil, errors.New("use either certificate files or ACME, not both")
	case t.CertFile != "":
		if t.KeyFile == "" {
			return nil, nil, errors.New("a certificate file needs its key file (--tls-key)")
		}
		cert, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, nil, fmt.Errorf("load TLS certificate %s: %w", t.CertFile, err)
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil, nil
	case t.ACMEDomain != "":
		m := &autocert.Manager{Prompt: autocert.AcceptTOS, HostPolicy: autocert.HostWhitelist(t.ACMEDomain),
			Cache: autocert.DirCache(filepath.Join(dataDir, "acme")), Email: t.ACMEEmail}
		cfg := m.TLSConfig()
		cfg.MinVersion = tls.VersionTLS12
		return cfg, m, nil
	}
	return nil, nil, nil
}

// fingerprint is the SHA-256 of the certificate's leaf, which a local client
// pins instead of checking the name (it connects to a loopback address).
func fingerprint(cfg *tls.Config) string {
	if cfg == nil || len(cfg.Certificates) == 0 || len(cfg.Certificates[0].Certificate) == 0 {
		return ""
	}
	sum := sha256.Sum256(cfg.Certificates[0].Certificate[0])
	return hex.EncodeToString(sum[:])
}

// acmeChallenge serves HTTP-01 challenges and redirects everything else to HTTPS.
func acmeChallenge(m *autocert.Manager) http.Handler {
	return m.HTTPHandler(nil)
}
