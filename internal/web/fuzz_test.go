package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"
)

// bodyTypes are the request bodies of the console API, and the empty one of
// endpoints that take none.
func bodyTypes() []reflect.Type {
	out := []reflect.Type{reflect.TypeFor[struct{}]()}
	seen := map[reflect.Type]bool{}
	for _, e := range endpoints {
		if e.request != nil && !seen[e.request] {
			seen[e.request] = true
			out = append(out, e.request)
		}
	}
	return out
}

// FuzzRequestBodies feeds every request body type of the API outside input
// through the one decoder: it never panics, what it refuses is a 4xx answer
// (never a 500), and what it accepts it accepts again once written back.
func FuzzRequestBodies(f *testing.F) {
	for _, seed := range []string{
		`{}`, `{}{}`, `{"x":1}`, `[]`, `null`, `"s"`, ``, `{"startsAt":"2026-12-01T14:30","timeZone":"Europe/Berlin"}`,
		`{"name":"Ann\tLee","email":"ann@example.com"}`, `{"templateId":"t","when":"later","durationMinutes":45.5}`,
		`{"organizer":{"name":"R","email":"r@example.com"},"defaultTimeZone":"UTC"}`, `{"liveCode":true,"whiteboard":"yes"}`,
		`{"transcription":{"engine":"openai","url":"http://127.0.0.1:8000/v1"},"scoring":{}}`, `{"score":3,"reason":"x"} x`,
	} {
		for i := range bodyTypes() {
			f.Add(uint8(i), []byte(seed))
		}
	}
	types := bodyTypes()
	s := New(Config{ConsoleKey: testKey}, Services{}, slog.New(slog.DiscardHandler), time.Now)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		typ := types[int(which)%len(types)]
		v := reflect.New(typ)
		err := decodeFrom(bytes.NewReader(data), v.Interface())
		if err != nil {
			rec := httptest.NewRecorder()
			s.writeError(rec, httptest.NewRequest("POST", "/api/x", nil), err)
			if rec.Code < 400 || rec.Code >= 500 {
				t.Fatalf("%s refused %q with %d: %v", typ, data, rec.Code, err)
			}
			return
		}
		again, err := json.Marshal(v.Interface())
		if err != nil {
			t.Fatalf("%s accepted %q but cannot write it: %v", typ, data, err)
		}
		if err := decodeFrom(bytes.NewReader(again), reflect.New(typ).Interface()); err != nil {
			t.Fatalf("%s accepted %q but not its own %s: %v", typ, data, again, err)
		}
	})
}

// FuzzBodylessEndpoints: an endpoint that takes no body accepts none and {}
// and answers anything else with 400, never more.
func FuzzBodylessEndpoints(f *testing.F) {
	for _, seed := range []string{``, ` `, `{}`, `{"force":true}`, `{}{}`, `[]`, "\x00", `{"a":`} {
		f.Add([]byte(seed))
	}
	s := New(Config{ConsoleKey: testKey}, Services{}, slog.New(slog.DiscardHandler), time.Now)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := httptest.NewRequest("POST", "/api/x", bytes.NewReader(data))
		err := decodeNone(r)
		if err == nil {
			return
		}
		rec := httptest.NewRecorder()
		s.writeError(rec, r, err)
		if rec.Code != http.StatusBadRequest {
			t.Fatalf("body %q: %d, want 400: %v", data, rec.Code, err)
		}
	})
}
