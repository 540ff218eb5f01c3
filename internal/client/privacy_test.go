package client

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/privacy"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// The privacy calls reach routes of the contract, and a download streams:
// its first bytes arrive while the handler is still writing.
func TestPrivacyCallsAreRoutesAndDownloadsStream(t *testing.T) {
	mux := http.NewServeMux()
	hit := map[string]bool{}
	more := make(chan struct{})
	for _, e := range web.Contract().Endpoints {
		mux.HandleFunc(e.Key(), func(w http.ResponseWriter, r *http.Request) {
			hit[e.Key()] = true
			if e.File == "application/zip" {
				_, _ = io.WriteString(w, "PK first part;")
				<-more // written only once the client has read the first part
				_, _ = io.WriteString(w, " second part")
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte("{}"))
		})
	}
	c := InProcess(mux, "key")
	ctx := context.Background()
	_, _ = c.PurgePreview(ctx, "iv1")
	_, _ = c.Purge(ctx, "iv1")
	_, _ = c.ConsentRecord(ctx, "iv1")
	_, _ = c.Retention(ctx)
	_, _ = c.SetRetention(ctx, privacy.RetentionSettings{})
	_, _ = c.RetentionPreview(ctx)
	_, _ = c.ApplyRetention(ctx)
	_, _ = c.RetentionLog(ctx, 3, 10)
	_, _ = c.CandidateData(ctx, "olivia@example.com")
	_, _ = c.EraseCandidate(ctx, "olivia@example.com")
	_, _ = c.BackupStatus(ctx)
	_, _ = c.Audit(ctx, AuditQuery{Kind: "backup", Limit: 5})
	if len(hit) != 12 {
		t.Errorf("%d routes reached, want 12: %v", len(hit), hit)
	}

	for _, download := range []func(io.Writer) (int64, error){
		func(w io.Writer) (int64, error) { return c.Backup(ctx, w, true) },
		func(w io.Writer) (int64, error) { return c.ExportCandidate(ctx, "olivia@example.com", w) },
	} {
		more = make(chan struct{})
		var got bytes.Buffer
		w := &signalWriter{w: &got, first: more}
		if _, err := download(w); err != nil {
			t.Fatal(err)
		}
		if got.String() != "PK first part; second part" {
			t.Errorf("downloaded %q", got.String())
		}
	}
	if len(hit) != 14 {
		t.Errorf("%d routes reached, want 14", len(hit))
	}
	if _, err := c.Download(ctx, "/api/nowhere", io.Discard); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("a download of no route = %v, want the 404", err)
	}
}

// signalWriter closes first once something was written to it.
type signalWriter struct {
	w      io.Writer
	first  chan struct{}
	closed bool
}

func (s *signalWriter) Write(b []byte) (int, error) {
	n, err := s.w.Write(b)
	if !s.closed {
		s.closed = true
		close(s.first)
	}
	return n, err
}
