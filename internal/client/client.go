// Package client calls the console API (docs/api.md), either over HTTP on a
// running host or in-process on a handler, so the CLI works the same way whether
// or not the desktop app or `serve` already holds the data folder.
package client

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Client is a console API client.
type Client struct {
	base string
	key  string
	// session is an account's session token on a team host, sent as its
	// cookie; "" sends the console key (if any) instead.
	session string
	http    *http.Client
}

// TLSCheck says how to trust a host's HTTPS certificate: by its SHA-256
// fingerprint (a local host with certificate files, reached on a loopback
// address the certificate does not name), by ServerName, or the usual way.
type TLSCheck struct {
	CertSHA256 string
	ServerName string
}

// ErrPinMismatch means a host's certificate is not the one its fingerprint
// was pinned to.
var ErrPinMismatch = errors.New("the host's certificate is not the one it announced")

// Remote returns a client for the host at base (e.g. http://127.0.0.1:7480).
func Remote(base, key string, check TLSCheck) *Client {
	return &Client{base: strings.TrimRight(base, "/"), key: key,
		http: &http.Client{Timeout: 30 * time.Second, Transport: Transport(check)}}
}

// Transport is an HTTP transport that trusts a host's certificate as check
// says; a pinned certificate that differs fails with ErrPinMismatch.
func Transport(check TLSCheck) *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	switch {
	case check.CertSHA256 != "":
		want := strings.ToLower(check.CertSHA256)
		tr.TLSClientConfig = &tls.Config{
			InsecureSkipVerify: true, // replaced by the pin below
			VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
				if len(raw) == 0 {
					return errors.New("the host sent no certificate")
				}
				if CertSHA256(raw[0]) != want {
					return ErrPinMismatch
				}
				return nil
			},
		}
	case check.ServerName != "":
		tr.TLSClientConfig = &tls.Config{ServerName: check.ServerName}
	}
	return tr
}

// CertSHA256 is the fingerprint of a DER certificate, as TLSCheck pins it.
func CertSHA256(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

// SessionCookie is the cookie that carries an account's session on a host.
const SessionCookie = "interviewdesk_console"

// Session returns a client of the team host at base that calls as the
// account whose session token it is (the desktop app keeps one after
// signing in there).
func Session(base, token string, check TLSCheck) *Client {
	c := Remote(base, "", check)
	c.session = token
	return c
}

// authorize adds the client's credential to req.
func (c *Client) authorize(req *http.Request) {
	switch {
	case c.session != "":
		req.AddCookie(&http.Cookie{Name: SessionCookie, Value: c.session})
	case c.key != "":
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
}

// Probe returns a client of the host at base that sends no console key: for
// asking a host to prove who it is before the key is trusted to it.
func Probe(base string, check TLSCheck) *Client { return Remote(base, "", check) }

// InProcess returns a client that calls h directly, without a network.
func InProcess(h http.Handler, key string) *Client {
	return &Client{base: "http://in-process", key: key, http: &http.Client{Transport: handlerTransport{h}}}
}

// Error is a non-2xx answer from the API.
type Error struct {
	Status  int
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields"`
	// Problems are an imported file's mistakes, in file order.
	Problems []validation.Problem `json:"problems"`
}

// Error gives the message and each field's problem (or the file's, in file
// order) on its own line.
func (e *Error) Error() string {
	msg := e.Message
	if len(e.Problems) > 0 {
		for _, p := range e.Problems {
			msg += "\n  " + p.String()
		}
		return msg
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		msg += "\n  " + k + ": " + e.Fields[k]
	}
	return msg
}

// Do sends a request with an optional JSON body and decodes a JSON answer into
// out (nil: ignore). A raw []byte body is sent as is.
func (c *Client) Do(ctx context.Context, method, path string, body, out any) error {
	raw, err := c.DoRaw(ctx, method, path, body)
	if err != nil || out == nil || len(raw) == 0 {
		return err
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("%s %s: decode answer: %w", method, path, err)
	}
	return nil
}

// DoRaw is Do returning the answer's bytes.
func (c *Client) DoRaw(ctx context.Context, method, path string, body any) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		b, ok := body.([]byte)
		if !ok {
			var err error
			if b, err = json.Marshal(body); err != nil {
				return nil, fmt.Errorf("%s %s: encode body: %w", method, path, err)
			}
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	c.authorize(req)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("reach the InterviewDesk host at %s: %w", c.base, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: read answer: %w", method, path, err)
	}
	if resp.StatusCode >= 300 {
		return nil, answerError(method, path, resp.StatusCode, raw)
	}
	return raw, nil
}

// answerError is the Error of a non-2xx answer with body raw.
func answerError(method, path string, status int, raw []byte) *Error {
	var wrapped struct{ Error Error }
	if json.Unmarshal(raw, &wrapped) != nil || wrapped.Error.Message == "" {
		wrapped.Error.Message = fmt.Sprintf("%s %s: HTTP %d", method, path, status)
	}
	wrapped.Error.Status = status
	return &wrapped.Error
}
