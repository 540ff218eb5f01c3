package score

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// chatServer speaks the OpenAI chat-completions protocol and replies with
// reply, whatever it is asked: no model runs here. It records the last request.
func chatServer(t *testing.T, status int, reply string, last *chatRequest) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer sekret" {
			http.Error(w, "no key", http.StatusUnauthorized)
			return
		}
		if err := json.NewDecoder(r.Body).Decode(last); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{
			"object":  "chat.completion",
			"choices": []map[string]any{{"index": 0, "message": map[string]string{"role": "assistant", "content": reply}}},
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

var chatInput = Input{
	Question:  "How does a hash map find a value?",
	Expected:  "It hashes the key to a bucket.",
	KeyPoints: []string{"hashes the key", "resolves collisions"},
	Answer:    "It computes a hash of the key.",
}

func TestChatEngineScoresFromTheModelsJSON(t *testing.T) {
	var req chatRequest
	reply := "```json\n" + `{"score": 3.5, "covered": [{"text": "hashes the key", "evidence": "computes a hash of the key"}],
		"missed": [{"text": "resolves collisions", "evidence": "made up"}], "comment": "Half there."}` + "\n```"
	srv := chatServer(t, http.StatusOK, reply, &req)
	e := &ChatEngine{URL: srv.URL + "/v1/", Model: "tiny", Key: "sekret"}
	r, err := e.Score(context.Background(), chatInput)
	if err != nil {
		t.Fatal(err)
	}
	if r.Score != 3.5 || r.Engine != "chat (tiny)" || r.Comment != "Half there." {
		t.Errorf("result %+v", r)
	}
	if len(r.Covered) != 1 || r.Covered[0].Evidence != "computes a hash of the key" || len(r.Missed) != 1 || r.Missed[0].Evidence != "" {
		t.Errorf("covered %+v missed %+v", r.Covered, r.Missed)
	}
	if req.Model != "tiny" || req.ResponseFormat.Type != "json_object" || len(req.Messages) != 2 ||
		!strings.Contains(req.Messages[1].Content, `"keyPoints":["hashes the key","resolves collisions"]`) ||
		!strings.Contains(req.Messages[1].Content, chatInput.Answer) {
		t.Errorf("request %+v", req)
	}
}

func TestChatEngineDropsEvidenceTheAnswerDoesNotHold(t *testing.T) {
	var req chatRequest
	srv := chatServer(t, http.StatusOK, `{"score": 5, "covered": [{"text": "hashes the key", "evidence": "uses open addressing"}], "missed": []}`, &req)
	r, err := (&ChatEngine{URL: srv.URL, Model: "m", Key: "sekret"}).Score(context.Background(), chatInput)
	if err != nil {
		t.Fatal(err)
	}
	if r.Covered[0].Evidence != "" {
		t.Errorf("evidence %q is not in the answer and should be dropped", r.Covered[0].Evidence)
	}
}

func TestChatEngineErrors(t *testing.T) {
	for _, tc := range []struct {
		name, reply string
		status      int
		key         string
		want        error
	}{
		{"prose instead of JSON", "The answer is good.", http.StatusOK, "sekret", ErrChatReply},
		{"score off the scale", `{"score": 9}`, http.StatusOK, "sekret", ErrChatReply},
		{"server error", `{}`, http.StatusInternalServerError, "sekret", ErrChatUnavailable},
		{"wrong key", `{}`, http.StatusOK, "wrong", ErrChatUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var req chatRequest
			srv := chatServer(t, tc.status, tc.reply, &req)
			_, err := (&ChatEngine{URL: srv.URL, Model: "m", Key: tc.key}).Score(context.Background(), chatInput)
			if !errors.Is(err, tc.want) || !fault.Is(err, fault.Unavailable) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
	if _, err := (&ChatEngine{URL: "http://127.0.0.1:1"}).Score(context.Background(), Input{Answer: "x"}); !errors.Is(err, ErrNothingExpected) {
		t.Errorf("no expected answer: %v", err)
	}
}

func TestChatEngineCheckAsksTheModelOnce(t *testing.T) {
	var req chatRequest
	srv := chatServer(t, http.StatusOK, `{"ok": true}`, &req)
	if err := (&ChatEngine{URL: srv.URL + "/v1", Model: "tiny", Key: "sekret"}).Check(context.Background()); err != nil {
		t.Fatalf("Check = %v", err)
	}
	if req.Model != "tiny" || len(req.Messages) != 1 || !strings.Contains(req.Messages[0].Content, "JSON") {
		t.Errorf("request %+v; want one message naming JSON (json_object mode asks for it)", req)
	}
	err := (&ChatEngine{URL: srv.URL, Model: "tiny", Key: "wrong"}).Check(context.Background())
	if !errors.Is(err, ErrChatUnavailable) || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "no key") {
		t.Errorf("Check with a wrong key = %v; want the server's 401 and its text", err)
	}
}
