package transcribe

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// transcriptionServer speaks the OpenAI /v1/audio/transcriptions protocol
// and answers with a fixed body: no speech model runs here. It fails the
// test when the request is not what such a server expects.
func transcriptionServer(t *testing.T, wav []byte, status int, answer string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/transcriptions" {
			t.Errorf("request %s %s, want POST /v1/audio/transcriptions", r.Method, r.URL.Path)
		}
		if got := r.Header.Get("Authorization"); got != "Bearer sk-test" {
			t.Errorf("Authorization = %q", got)
		}
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			t.Errorf("multipart form: %v", err)
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		want := map[string]string{"model": "whisper-large-v3", "response_format": "verbose_json",
			"timestamp_granularities[]": "segment", "language": "en"}
		for k, v := range want {
			if got := r.FormValue(k); got != v {
				t.Errorf("form %s = %q, want %q", k, got, v)
			}
		}
		f, hdr, err := r.FormFile("file")
		if err != nil {
			t.Errorf("file: %v", err)
			return
		}
		defer f.Close()
		got, _ := io.ReadAll(f)
		if !bytes.Equal(got, wav) || hdr.Header.Get("Content-Type") != "audio/wav" {
			t.Errorf("file: %d bytes of %s, want the %d bytes of the WAV", len(got), hdr.Header.Get("Content-Type"), len(wav))
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, answer)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestOpenAIReadsVerboseJSON(t *testing.T) {
	wavPath, _ := makeTrack(t, t.TempDir(), "upload", quiet(secs(0.5)), say("Hello"), quiet(secs(0.5)))
	wav, err := os.ReadFile(wavPath)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := readWAV(wavPath)
	verbose := `{"task":"transcribe","language":"english","duration":8.5,"text":"An index. Makes queries faster.",
		"segments":[
		 {"id":0,"seek":0,"start":0.0,"end":2.5,"text":" An index.","tokens":[1,2],"temperature":0.0,"avg_logprob":-0.105360516,"compression_ratio":1.1,"no_speech_prob":0.01},
		 {"id":1,"seek":0,"start":3.25,"end":8.5,"text":" Makes queries faster.","tokens":[3],"temperature":0.0,"compression_ratio":1.0,"no_speech_prob":0.02},
		 {"id":2,"seek":0,"start":8.5,"end":8.5,"text":" ","tokens":[],"avg_logprob":-1}]}`
	tests := []struct {
		name   string
		status int
		answer string
		want   []Segment
		kind   fault.Kind
	}{
		{"segments", 200, verbose, []Segment{
			{Start: 0, End: secs(2.5), Text: "An index.", Confidence: 0.9},
			{Start: secs(3.25), End: secs(8.5), Text: "Makes queries faster.", Confidence: -1},
		}, 0},
		{"text only", 200, `{"text":" Hello there. "}`, []Segment{{Start: 0, End: info.duration, Text: "Hello there.", Confidence: -1}}, 0},
		{"nothing said", 200, `{"text":"","segments":[]}`, nil, 0},
		{"bad key", 401, `{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}`, nil, fault.Permission},
		{"server error", 500, `model not loaded`, nil, fault.Unavailable},
		{"not JSON", 200, `<html>`, nil, fault.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := transcriptionServer(t, wav, tt.status, tt.answer)
			eng, err := NewOpenAI(OpenAIConfig{URL: srv.URL + "/v1/", Model: "whisper-large-v3", Key: "sk-test", Client: srv.Client()})
			if err != nil {
				t.Fatal(err)
			}
			got, err := eng.Transcribe(t.Context(), Audio{Path: wavPath, Language: "en-GB"})
			if tt.kind != 0 {
				if fault.KindOf(err) != tt.kind || !errors.Is(err, ErrEngine) {
					t.Fatalf("Transcribe = %v (%v), want a %v ErrEngine", err, fault.KindOf(err), tt.kind)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("segments = %+v, want %+v", got, tt.want)
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if g.Start != w.Start || g.End != w.End || g.Text != w.Text || math.Abs(g.Confidence-w.Confidence) > 1e-6 {
					t.Errorf("segment %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestOpenAIWantsAURL(t *testing.T) {
	for _, u := range []string{"", "localhost:8000", "ftp://host/v1", "http:///v1"} {
		if _, err := NewOpenAI(OpenAIConfig{URL: u}); !errors.Is(err, ErrInvalid) {
			t.Errorf("NewOpenAI(%q) = %v, want ErrInvalid", u, err)
		}
	}
}

// Check sends a real request, a second of silence the engines could read,
// and says what the server answered.
func TestOpenAICheckSendsASecondOfSilence(t *testing.T) {
	silence := silentWAV(time.Second)
	info, err := parseWAV(bytes.NewReader(silence), int64(len(silence)))
	if err != nil || info.duration != time.Second {
		t.Fatalf("the test clip reads as %+v, %v; want one second of 16 kHz mono PCM", info, err)
	}
	tests := []struct {
		name   string
		status int
		answer string
		kind   fault.Kind
	}{
		{"answers", 200, `{"text":"","segments":[]}`, 0},
		{"refuses the key", 401, `{"error":{"message":"Incorrect API key provided"}}`, fault.Permission},
		{"has no such model", 404, `{"error":{"message":"model 'whisper-large-v3' not found"}}`, fault.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := transcriptionServer(t, silence, tt.status, tt.answer)
			eng, err := NewOpenAI(OpenAIConfig{URL: srv.URL + "/v1", Model: "whisper-large-v3", Key: "sk-test", Client: srv.Client()})
			if err != nil {
				t.Fatal(err)
			}
			err = eng.Check(t.Context())
			if fault.KindOf(err) != tt.kind || (tt.kind != 0 && !strings.Contains(err.Error(), fmt.Sprint(tt.status))) {
				t.Fatalf("Check = %v (%v), want kind %v naming %d", err, fault.KindOf(err), tt.kind, tt.status)
			}
		})
	}
}
