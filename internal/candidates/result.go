package candidates

import (
	"fmt"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/collab"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Result is a candidate's result of one take-home assessment, as imported
// (docs/assessment-format.md).
type Result struct {
	ID string `json:"id"`
	// ExternalID is the file's "id": the assessment platform's own.
	ExternalID  string            `json:"externalId,omitempty"`
	CandidateID string            `json:"candidateId"`
	Candidate   interviews.Person `json:"candidate"` // as the file names them
	Position    string            `json:"position,omitempty"`
	Assessment  string            `json:"assessment"`
	CompletedAt time.Time         `json:"completedAt"`
	Score       float64           `json:"score"`
	MaxScore    float64           `json:"maxScore"`
	Tasks       []Task            `json:"tasks"`
	// Source is the name of the file it came from last.
	Source     string    `json:"source"`
	ImportedAt time.Time `json:"importedAt"`
	UpdatedAt  time.Time `json:"updatedAt"`
}

// Task is one task of a take-home assessment with the candidate's work.
type Task struct {
	Title string `json:"title"`
	// Language is as the file names it; EditorLanguage is the room editor's
	// for it (plaintext for a language the editor does not know).
	Language         string             `json:"language,omitempty"`
	EditorLanguage   templates.Language `json:"editorLanguage"`
	Score            float64            `json:"score"`
	MaxScore         float64            `json:"maxScore"`
	TimeSpentSeconds int                `json:"timeSpentSeconds,omitempty"`
	Code             string             `json:"code,omitempty"`
	Tests            []TestResult       `json:"tests,omitempty"`
}

// TestResult is one automated test of a task.
type TestResult struct {
	Name    string `json:"name"`
	Passed  bool   `json:"passed"`
	Message string `json:"message,omitempty"`
}

// ResultSummary is a result without its tasks' work, as the candidate keeps it.
type ResultSummary struct {
	ID          string    `json:"id"`
	Position    string    `json:"position,omitempty"`
	Assessment  string    `json:"assessment"`
	CompletedAt time.Time `json:"completedAt"`
	Score       float64   `json:"score"`
	MaxScore    float64   `json:"maxScore"`
	Tasks       int       `json:"tasks"`
}

// Summary condenses r.
func (r Result) Summary() ResultSummary {
	return ResultSummary{ID: r.ID, Position: r.Position, Assessment: r.Assessment, CompletedAt: r.CompletedAt,
		Score: r.Score, MaxScore: r.MaxScore, Tasks: len(r.Tasks)}
}

// languageAliases are the names assessment platforms give the editor's languages.
var languageAliases = map[string]string{
	"golang": "go", "py": "python", "python3": "python", "js": "javascript", "node": "javascript",
	"nodejs": "javascript", "ts": "typescript", "c++": "cpp", "cplusplus": "cpp", "postgresql": "sql",
	"postgres": "sql", "mysql": "sql", "sqlite": "sql", "text": "plaintext", "": "plaintext",
}

// editorLanguage is the room editor's language for code in language:
// plaintext for one the editor does not know.
func editorLanguage(language string) templates.Language {
	name := validation.Fold(language)
	if alias, ok := languageAliases[name]; ok {
		return templates.Language(alias)
	}
	if collab.CheckLanguage(name) == nil {
		return templates.Language(name)
	}
	return templates.PlainText
}

// identity is the key a result is found again by on a re-import: the file's
// id, else the candidate, the assessment and when it was completed.
func (r Result) identity() []byte {
	if id := strings.TrimSpace(r.ExternalID); id != "" {
		return []byte("id:" + id)
	}
	return []byte(r.CandidateID + "|" + validation.Fold(r.Assessment) + "|" + r.CompletedAt.UTC().Format(time.RFC3339))
}

// Result returns one take-home result with its tasks' work.
func (s *Service) Result(id string) (Result, error) {
	var r Result
	err := s.db.View(func(tx *store.Tx) error { return getResult(tx, id, &r) })
	r.Tasks = orEmpty(r.Tasks)
	return r, err
}

func getResult(tx *store.Tx, id string, r *Result) error {
	if err := store.GetJSON(tx, store.BucketTakehome, []byte(id), r); err != nil {
		return fmt.Errorf("take-home result %q: %w", id, err)
	}
	return nil
}

// Results returns candidate key's take-home results (ID or email), latest
// completed first.
func (s *Service) Results(key string) ([]Result, error) {
	var out []Result
	err := s.db.View(func(tx *store.Tx) error {
		c, err := lookup(tx, key)
		if err != nil {
			return err
		}
		for _, sm := range c.sortedTakehome() {
			var r Result
			if err := getResult(tx, sm.ID, &r); err != nil {
				return err
			}
			r.Tasks = orEmpty(r.Tasks)
			out = append(out, r)
		}
		return nil
	})
	return out, err
}
