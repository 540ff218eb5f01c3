package client

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Answers that are files (backups, exports) can be large: they are copied
// to the caller as they come, in-process too, never held in memory whole.

// Download sends a GET to path and copies the answer's body to w as it
// comes; only ctx bounds it. A non-2xx answer is an *Error and nothing is
// written.
func (c *Client) Download(ctx context.Context, path string, w io.Writer) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return 0, fmt.Errorf("GET %s: %w", path, err)
	}
	c.authorize(req)
	untimed := *c.http
	untimed.Timeout = 0
	resp, err := untimed.Do(req)
	if err != nil {
		return 0, fmt.Errorf("reach the InterviewDesk host at %s: %w", c.base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		return 0, answerError(http.MethodGet, path, resp.StatusCode, raw)
	}
	n, err := io.Copy(w, resp.Body)
	if err != nil {
		return n, fmt.Errorf("GET %s: %w", path, err)
	}
	return n, nil
}

// handlerTransport calls a handler in-process. The handler runs in its own
// goroutine and its answer streams through a pipe: the response comes back
// as soon as the handler has written its header.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body == nil {
		r.Body = http.NoBody
	}
	pr, pw := io.Pipe()
	rw := &pipeWriter{header: http.Header{}, body: pw, ready: make(chan struct{})}
	go func() {
		defer func() {
			rw.WriteHeader(http.StatusOK) // a handler that wrote nothing
			_ = pw.Close()
		}()
		t.h.ServeHTTP(rw, r)
	}()
	<-rw.ready
	return &http.Response{StatusCode: rw.status, Status: fmt.Sprintf("%d %s", rw.status, http.StatusText(rw.status)),
		Header: rw.sent, Body: pr, Request: r, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, ContentLength: -1}, nil
}

// pipeWriter is the handler's side of handlerTransport.
type pipeWriter struct {
	header http.Header
	body   *io.PipeWriter
	once   sync.Once
	ready  chan struct{}
	status int
	sent   http.Header // the header as it was when the status was written
}

func (w *pipeWriter) Header() http.Header { return w.header }

func (w *pipeWriter) WriteHeader(status int) {
	w.once.Do(func() {
		w.status, w.sent = status, w.header.Clone()
		close(w.ready)
	})
}

func (w *pipeWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(b)
}

// Flush lets streaming handlers flush; the pipe has no buffer to flush.
func (w *pipeWriter) Flush() {}
