package settings

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func TestAnalysisEnginesAreOfflineUntilSet(t *testing.T) {
	a, err := newService(t).AnalysisEngines()
	want := AnalysisEnginesView{Transcription: EngineView{Kind: Offline}, Scoring: EngineView{Kind: Offline}}
	if err != nil || a.Transcription.Remote() || a.Scoring.Remote() || a.View() != want {
		t.Errorf("fresh install: %+v, %v; want both offline", a, err)
	}
}

func TestAnalysisEnginesKeepTheirKeysOnTheHost(t *testing.T) {
	s := newService(t)
	whisper := func(u EngineUpdate) AnalysisEnginesUpdate { return AnalysisEnginesUpdate{Transcription: u} }
	steps := []struct {
		name string
		in   AnalysisEnginesUpdate
		want Engine
	}{
		{"set", whisper(EngineUpdate{Kind: OpenAI, URL: " http://127.0.0.1:8000/v1/ ", Model: " whisper-1 ", Key: " sk-1 "}),
			Engine{Kind: OpenAI, URL: "http://127.0.0.1:8000/v1", Model: "whisper-1", Key: "sk-1"}},
		{"an empty key keeps the stored one", whisper(EngineUpdate{Kind: OpenAI, URL: "http://127.0.0.1:8000/v1", Model: "small"}),
			Engine{Kind: OpenAI, URL: "http://127.0.0.1:8000/v1", Model: "small", Key: "sk-1"}},
		{"offline keeps the service for later", whisper(EngineUpdate{Kind: Offline, URL: "http://127.0.0.1:8000/v1", Model: "small"}),
			Engine{Kind: Offline, URL: "http://127.0.0.1:8000/v1", Model: "small", Key: "sk-1"}},
		{"clearKey removes it", whisper(EngineUpdate{Kind: OpenAI, URL: "http://127.0.0.1:8000/v1", Model: "small", ClearKey: true}),
			Engine{Kind: OpenAI, URL: "http://127.0.0.1:8000/v1", Model: "small"}},
		{"an address without a path gets /v1", whisper(EngineUpdate{Kind: OpenAI, URL: "https://speech.example.com", Model: "m", Key: "k2"}),
			Engine{Kind: OpenAI, URL: "https://speech.example.com/v1", Model: "m", Key: "k2"}},
		{"a pasted endpoint is cut off", whisper(EngineUpdate{Kind: OpenAI, URL: "https://speech.example.com/v1/audio/transcriptions", Model: "m"}),
			Engine{Kind: OpenAI, URL: "https://speech.example.com/v1", Model: "m", Key: "k2"}},
	}
	for _, step := range steps {
		got, err := s.PutAnalysisEngines(step.in)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		stored, _ := s.AnalysisEngines()
		if got.Transcription != step.want || stored.Transcription != step.want || stored.Scoring != (Engine{Kind: Offline}) {
			t.Errorf("%s: got %+v, stored %+v, want %+v", step.name, got, stored, step.want)
		}
		view, _ := json.Marshal(stored.View())
		if k := stored.Transcription.Key; k != "" && (strings.Contains(string(view), k) || !stored.View().Transcription.HasKey) {
			t.Errorf("%s: the view carries the key or hides that one is stored: %s", step.name, view)
		}
	}
}

func TestAnalysisEngineRules(t *testing.T) {
	remote := func(url, model string) EngineUpdate { return EngineUpdate{Kind: OpenAI, URL: url, Model: model} }
	tests := []struct {
		name  string
		in    AnalysisEnginesUpdate
		field string
		says  string
	}{
		{"an unknown engine", AnalysisEnginesUpdate{Scoring: EngineUpdate{Kind: "gpt"}}, "scoring.engine", `"offline" or "openai"`},
		{"no address", AnalysisEnginesUpdate{Transcription: remote("", "whisper-1")}, "transcription.url", "transcription server's address"},
		{"not http", AnalysisEnginesUpdate{Scoring: remote("ftp://llm.example.com", "m")}, "scoring.url", "http:// or https://"},
		{"no scheme", AnalysisEnginesUpdate{Scoring: remote("localhost:8080", "m")}, "scoring.url", "http:// or https://"},
		{"credentials in the address", AnalysisEnginesUpdate{Scoring: remote("https://me:pw@llm.example.com", "m")}, "scoring.url", "Key field"},
		{"a query", AnalysisEnginesUpdate{Transcription: remote("http://127.0.0.1:8000/v1?x=1", "m")}, "transcription.url", "?query"},
		{"no model", AnalysisEnginesUpdate{Scoring: remote("http://127.0.0.1:8080/v1", " ")}, "scoring.model", "Enter the model's name"},
		{"a line break in the model", AnalysisEnginesUpdate{Scoring: remote("http://127.0.0.1:8080/v1", "a\nb")}, "scoring.model", "single line"},
		{"a line break in the key", AnalysisEnginesUpdate{Transcription: EngineUpdate{Kind: OpenAI, URL: "http://127.0.0.1:8000",
			Model: "m", Key: "a\r\nX-Evil: 1"}}, "transcription.key", "line breaks"},
		{"a long key", AnalysisEnginesUpdate{Scoring: EngineUpdate{Kind: OpenAI, URL: "http://127.0.0.1:8000", Model: "m",
			Key: strings.Repeat("k", MaxEngineKey+1)}}, "scoring.key", "at most 1000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newService(t)
			kept := AnalysisEnginesUpdate{Scoring: EngineUpdate{Kind: OpenAI, URL: "http://kept.example.com/v1", Model: "kept"}}
			if _, err := s.PutAnalysisEngines(kept); err != nil {
				t.Fatal(err)
			}
			_, err := s.PutAnalysisEngines(tc.in)
			var fe validation.Errors
			if !errors.As(err, &fe) || !strings.Contains(fe[tc.field], tc.says) {
				t.Fatalf("error = %v, want %s to say %q", err, tc.field, tc.says)
			}
			if a, _ := s.AnalysisEngines(); a.Scoring.Model != "kept" {
				t.Errorf("a refused change was stored: %+v", a)
			}
		})
	}
}
