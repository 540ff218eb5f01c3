package settings

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func newService(t *testing.T) *Service {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return New(db)
}

func TestCodeRunnerIsOffUntilSet(t *testing.T) {
	c, err := newService(t).CodeRunner()
	if err != nil || c.Configured() || c.View() != (CodeRunnerView{}) {
		t.Errorf("fresh install: %+v, %v; want no runner", c, err)
	}
}

func TestCodeRunnerKeepsItsTokenOnTheHost(t *testing.T) {
	s := newService(t)
	steps := []struct {
		name string
		in   CodeRunnerUpdate
		want CodeRunner
	}{
		{"set", CodeRunnerUpdate{URL: " http://localhost:2000/api/v2/ ", Token: " t0ken "}, CodeRunner{URL: "http://localhost:2000", Token: "t0ken"}},
		{"an empty token keeps the stored one", CodeRunnerUpdate{URL: "https://runner.example.com"}, CodeRunner{URL: "https://runner.example.com", Token: "t0ken"}},
		{"a new token replaces it", CodeRunnerUpdate{URL: "https://runner.example.com", Token: "n3w"}, CodeRunner{URL: "https://runner.example.com", Token: "n3w"}},
		{"clearToken removes it", CodeRunnerUpdate{URL: "https://runner.example.com", ClearToken: true}, CodeRunner{URL: "https://runner.example.com"}},
		{"set again", CodeRunnerUpdate{URL: "https://runner.example.com", Token: "again"}, CodeRunner{URL: "https://runner.example.com", Token: "again"}},
		{"an empty address turns it off and forgets the token", CodeRunnerUpdate{URL: "  "}, CodeRunner{}},
	}
	for _, step := range steps {
		got, err := s.PutCodeRunner(step.in)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		stored, _ := s.CodeRunner()
		if got != step.want || stored != step.want {
			t.Errorf("%s: got %+v, stored %+v, want %+v", step.name, got, stored, step.want)
		}
		view, _ := json.Marshal(stored.View())
		if stored.Token != "" && strings.Contains(string(view), stored.Token) {
			t.Errorf("%s: the view carries the token: %s", step.name, view)
		}
	}
}

func TestCodeRunnerRules(t *testing.T) {
	tests := []struct {
		name  string
		in    CodeRunnerUpdate
		field string
		says  string
	}{
		{"not http", CodeRunnerUpdate{URL: "ftp://runner.example.com"}, "url", "http:// or https://"},
		{"no scheme", CodeRunnerUpdate{URL: "localhost:2000"}, "url", "http:// or https://"},
		{"credentials in the address", CodeRunnerUpdate{URL: "https://me:pw@runner.example.com"}, "url", "Token field"},
		{"a line break in the token", CodeRunnerUpdate{URL: "http://localhost:2000", Token: "a\r\nX-Evil: 1"}, "token", "line breaks"},
		{"a long token", CodeRunnerUpdate{URL: "http://localhost:2000", Token: strings.Repeat("t", MaxRunnerToken+1)}, "token", "at most 1000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newService(t)
			if _, err := s.PutCodeRunner(CodeRunnerUpdate{URL: "http://kept.example.com"}); err != nil {
				t.Fatal(err)
			}
			_, err := s.PutCodeRunner(tc.in)
			var fe validation.Errors
			if !errors.As(err, &fe) || !strings.Contains(fe[tc.field], tc.says) {
				t.Fatalf("error = %v, want %s to say %q", err, tc.field, tc.says)
			}
			if c, _ := s.CodeRunner(); c.URL != "http://kept.example.com" {
				t.Errorf("a refused change was stored: %+v", c)
			}
		})
	}
}
