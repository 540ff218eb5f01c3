package host

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// The engines follow Settings → Analysis engines at each run: the offline
// ones by default, the configured service once one is saved, and the
// service's own error text when it fails. The chat server here answers a
// fixed reply: no model runs.
func TestAnalysisEnginesFollowTheSetting(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	st := settings.New(db)
	offline := engines{settings: st, speech: missingEngine{}, scoring: scorer{name: "offline"}, tmp: t.TempDir()}

	tr, sc, err := offline.choose()
	if err != nil || tr.Name() != "none" || sc.Name() != "offline" {
		t.Fatalf("nothing configured: %v %v %v; want the offline engines", tr, sc, err)
	}

	var failing atomic.Bool
	failing.Store(true)
	chat := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" || r.Header.Get("Authorization") != "Bearer sk-1" {
			http.NotFound(w, r)
			return
		}
		if failing.Load() {
			http.Error(w, `{"error":{"message":"model llama3 is still loading"}}`, http.StatusServiceUnavailable)
			return
		}
		reply := `{"score": 4, "covered": [{"text": "lightweight thread", "evidence": "a lightweight thread"}], "missed": [], "comment": "Good."}`
		_ = json.NewEncoder(w).Encode(map[string]any{"choices": []map[string]any{{"message": map[string]string{"role": "assistant", "content": reply}}}})
	}))
	t.Cleanup(chat.Close)
	_, err = st.PutAnalysisEngines(settings.AnalysisEnginesUpdate{
		Transcription: settings.EngineUpdate{Kind: settings.OpenAI, URL: "http://speech.example.com:8000", Model: "whisper-1"},
		Scoring:       settings.EngineUpdate{Kind: settings.OpenAI, URL: chat.URL, Model: "llama3", Key: "sk-1"}})
	if err != nil {
		t.Fatal(err)
	}
	tr, sc, err = offline.choose()
	if err != nil {
		t.Fatal(err)
	}
	if tr.Name() != "OpenAI-compatible service at speech.example.com:8000 (model whisper-1)" ||
		tr.Quality() != "Transcribed by the speech service you configured; its accuracy is that service's." ||
		!strings.HasPrefix(sc.Name(), "OpenAI-compatible service at 127.0.0.1:") || !strings.HasSuffix(sc.Name(), "(model llama3)") {
		t.Errorf("configured: %q / %q / %q", tr.Name(), tr.Quality(), sc.Name())
	}
	q := analysis.Question{Text: "What is a goroutine?", KeyPoints: []string{"lightweight thread"}}
	if _, err := sc.Score(t.Context(), q, "a lightweight thread"); err == nil || !strings.Contains(err.Error(), "model llama3 is still loading") {
		t.Errorf("a failing service: %v; want its own words", err)
	}
	failing.Store(false)
	got, err := sc.Score(t.Context(), q, "a lightweight thread")
	if err != nil || got.Score != 4 || len(got.Covered) != 1 || got.Covered[0].Evidence != "a lightweight thread" {
		t.Errorf("scored by the service: %+v, %v", got, err)
	}
}
