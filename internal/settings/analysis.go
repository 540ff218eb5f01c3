package settings

import (
	"cmp"
	"fmt"
	"net/url"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/score"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/transcribe"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// EngineKind says which engine does a part of the analysis.
type EngineKind string

// The engines a part of the analysis can use.
const (
	// Offline runs on this computer: PocketSphinx for transcription, key-point
	// coverage for scoring.
	Offline EngineKind = "offline"
	// OpenAI is an OpenAI-compatible service the user runs or subscribes to:
	// /audio/transcriptions (whisper.cpp, faster-whisper) or /chat/completions
	// (llama.cpp, vLLM, Ollama).
	OpenAI EngineKind = "openai"
)

// Limits of an engine's fields, in characters.
const (
	MaxEngineURL   = 2000
	MaxEngineModel = 200
	MaxEngineKey   = 1000
)

// Engine is the setting of one part of the analysis. URL, Model and Key are
// kept while Kind is Offline, so switching back needs no retyping.
type Engine struct {
	Kind EngineKind `json:"engine"`
	// URL is the API's base as OpenAI clients take it, e.g.
	// http://127.0.0.1:8000/v1.
	URL   string `json:"url,omitempty"`
	Model string `json:"model,omitempty"`
	Key   string `json:"key,omitempty"` // sent as a bearer token; never shown
}

// Remote reports whether the part runs on the configured service.
func (e Engine) Remote() bool { return e.Kind == OpenAI }

// Host is the service's host[:port], for people to read.
func (e Engine) Host() string {
	if u, err := url.Parse(e.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return e.URL
}

// Transcription is e as the transcription client takes it.
func (e Engine) Transcription() transcribe.OpenAIConfig {
	return transcribe.OpenAIConfig{URL: e.URL, Model: e.Model, Key: e.Key}
}

// Scoring is e as the chat-completions scorer takes it.
func (e Engine) Scoring() *score.ChatEngine {
	return &score.ChatEngine{URL: e.URL, Model: e.Model, Key: e.Key}
}

// AnalysisEngines are the engines the analysis after an interview uses. The
// zero value is both offline.
type AnalysisEngines struct {
	Transcription Engine `json:"transcription"`
	Scoring       Engine `json:"scoring"`
}

// EngineView is an engine's setting as the console sees it: the key never
// leaves the host, only whether one is stored.
type EngineView struct {
	Kind   EngineKind `json:"engine"`
	URL    string     `json:"url"`
	Model  string     `json:"model"`
	HasKey bool       `json:"hasKey"`
}

// AnalysisEnginesView is the analysis engines setting without its keys.
type AnalysisEnginesView struct {
	Transcription EngineView `json:"transcription"`
	Scoring       EngineView `json:"scoring"`
}

// View is a without its keys.
func (a AnalysisEngines) View() AnalysisEnginesView {
	return AnalysisEnginesView{Transcription: a.Transcription.view(), Scoring: a.Scoring.view()}
}

func (e Engine) view() EngineView {
	return EngineView{Kind: cmp.Or(e.Kind, Offline), URL: e.URL, Model: e.Model, HasKey: e.Key != ""}
}

// EngineUpdate changes one engine's setting. An empty Key keeps the stored
// one unless ClearKey is set.
type EngineUpdate struct {
	Kind     EngineKind `json:"engine,omitempty"` // empty: offline
	URL      string     `json:"url,omitempty"`
	Model    string     `json:"model,omitempty"`
	Key      string     `json:"key,omitempty"`
	ClearKey bool       `json:"clearKey,omitempty"`
}

// AnalysisEnginesUpdate changes both engines' settings.
type AnalysisEnginesUpdate struct {
	Transcription EngineUpdate `json:"transcription"`
	Scoring       EngineUpdate `json:"scoring"`
}

// AnalysisEngines returns the analysis engines setting (both offline when
// never set).
func (s *Service) AnalysisEngines() (AnalysisEngines, error) {
	a := AnalysisEngines{Transcription: Engine{Kind: Offline}, Scoring: Engine{Kind: Offline}}
	if err := s.read(store.KeyAnalysisSettings, &a); err != nil {
		return AnalysisEngines{}, fmt.Errorf("read analysis engine settings: %w", err)
	}
	return a, nil
}

// PutAnalysisEngines validates and stores the analysis engines setting.
// Field names: transcription.engine, transcription.url, transcription.model,
// transcription.key, and the same under scoring.
func (s *Service) PutAnalysisEngines(u AnalysisEnginesUpdate) (AnalysisEngines, error) {
	current, err := s.AnalysisEngines()
	if err != nil {
		return AnalysisEngines{}, err
	}
	e := validation.Errors{}
	next := AnalysisEngines{
		Transcription: u.Transcription.apply(current.Transcription, e, "transcription.", "transcription server"),
		Scoring:       u.Scoring.apply(current.Scoring, e, "scoring.", "chat server"),
	}
	if err := e.Err(); err != nil {
		return AnalysisEngines{}, err
	}
	if err := s.write(store.KeyAnalysisSettings, next); err != nil {
		return AnalysisEngines{}, fmt.Errorf("save analysis engine settings: %w", err)
	}
	return next, nil
}

// apply returns current changed by u, recording field errors under prefix;
// server names the service in messages.
func (u EngineUpdate) apply(current Engine, e validation.Errors, prefix, server string) Engine {
	next := Engine{Kind: cmp.Or(u.Kind, Offline), Model: validation.LineText(u.Model), Key: strings.TrimSpace(u.Key)}
	if next.Kind != Offline && next.Kind != OpenAI {
		e.Add(prefix+"engine", `Choose "offline" or "openai" (an OpenAI-compatible service).`)
	}
	switch {
	case u.ClearKey:
		next.Key = ""
	case next.Key == "":
		next.Key = current.Key
	default:
		checkSecret(e, prefix+"key", next.Key, "key", MaxEngineKey)
	}
	if raw := strings.TrimSpace(u.URL); raw != "" {
		base, msg := engineBase(raw, server)
		if msg != "" {
			e.Add(prefix+"url", msg)
		}
		next.URL = base
	} else if next.Kind == OpenAI {
		e.Add(prefix+"url", fmt.Sprintf("Enter the %s's address, like http://127.0.0.1:8000/v1.", server))
	}
	e.Line(prefix+"model", next.Model, "model", 0, MaxEngineModel)
	if next.Kind == OpenAI && next.Model == "" {
		e.Add(prefix+"model", "Enter the model's name as the service knows it, like whisper-1 or llama3.1.")
	}
	return next
}

// endpoints are paths people paste after an API's base; they are cut off.
var endpoints = []string{"/audio/transcriptions", "/chat/completions", "/models"}

// engineBase checks an OpenAI-compatible API's address and returns its base
// without a trailing slash or endpoint, "/v1" when it has no path; or a
// message saying what is wrong.
func engineBase(raw, server string) (string, string) {
	example := "like http://127.0.0.1:8000/v1"
	if len(raw) > MaxEngineURL {
		return "", fmt.Sprintf("The address can be at most %d characters.", MaxEngineURL)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.Opaque != "" {
		return "", fmt.Sprintf("Enter the %s's address starting with http:// or https://, %s.", server, example)
	}
	if u.User != nil {
		return "", "Leave the user name and password out of the address; put an API key in the Key field instead."
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", fmt.Sprintf("Enter the address without a ?query or #fragment, %s.", example)
	}
	path := strings.TrimRight(u.Path, "/")
	for _, end := range endpoints {
		path = strings.TrimSuffix(path, end)
	}
	u.Path, u.RawPath = cmp.Or(path, "/v1"), ""
	return u.String(), ""
}
