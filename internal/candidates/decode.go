package candidates

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// FileFormat is the "format" of a JSON results file.
const FileFormat = "interviewdesk.assessment-results/v1"

// Limits of a results file (docs/assessment-format.md).
const (
	MaxResults   = 500
	MaxTasks     = 30
	MaxTests     = 200
	MaxTaskCode  = 200_000
	maxProblems  = 50
	maxTimeSpent = 30 * 24 * 3600
)

// place is where a decoded result is in its file: the line it starts on and
// the path of its fields (results[2]., or "" for a CSV row).
type place struct {
	line   int
	prefix string
	locate func(field string) (int, string) // a field's line and path
	// reported are the paths that had a problem as the file was read; their
	// values are not checked again.
	reported []string
}

// reportedAt reports whether path, or a field it is part of, had a problem.
func (at place) reportedAt(path string) bool {
	for _, r := range at.reported {
		if path == r || strings.HasPrefix(path, r+".") || strings.HasPrefix(path, r+"[") {
			return true
		}
	}
	return false
}

// problems collects a file's problems, in file order, up to maxProblems.
type problems struct {
	list validation.FileErrors
	more int
}

func (p *problems) add(line int, field, msg string) {
	if len(p.list) >= maxProblems {
		p.more++
		return
	}
	p.list = append(p.list, validation.Problem{Line: line, Field: field, Message: msg})
}

func (p *problems) count() int { return len(p.list) + p.more }

// fieldsSince are the fields of the problems added since count was before.
func (p *problems) fieldsSince(before int) []string {
	var out []string
	for _, q := range p.list[min(before, len(p.list)):] {
		out = append(out, q.Field)
	}
	return out
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	slices.SortStableFunc(p.list, func(a, b validation.Problem) int { return a.Line - b.Line })
	if p.more > 0 {
		p.list = append(p.list, validation.Problem{Message: fmt.Sprintf("…and %d more problems. Fix these first.", p.more)})
	}
	return p.list
}

// Decode reads a results file named name: JSON, or CSV (the summary of each
// result, no tasks) when the name ends in .csv or the content does not start
// like JSON. The error is a validation.FileErrors naming each problem's line
// and field; the results then are nil.
func Decode(name string, data []byte) ([]Result, error) {
	rs, _, err := decodeFile(name, data)
	return rs, err
}

// isCSV tells a CSV file from a JSON one.
func isCSV(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
		return true
	case ".json":
		return false
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] != '{' && trimmed[0] != '['
}

func decodeFile(name string, data []byte) ([]Result, []place, error) {
	var p problems
	if !utf8.Valid(data) {
		p.add(0, "", "The file is not UTF-8 text. Save it as UTF-8 and import it again.")
		return nil, nil, p.err()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		p.add(0, "", "The file is empty.")
		return nil, nil, p.err()
	}
	var (
		rs     []Result
		places []place
	)
	if isCSV(name, data) {
		rs, places = decodeCSV(data, &p)
	} else {
		rs, places = decodeJSON(data, &p)
	}
	for i := range rs {
		validate(&rs[i], places[i], &p)
	}
	duplicates(rs, places, &p)
	if err := p.err(); err != nil {
		return nil, nil, err
	}
	return rs, places, nil
}

// validate normalises one result's texts (validation's text rule) and checks
// the rules of its values.
func validate(r *Result, at place, p *problems) {
	check := func(field, msg string) {
		if line, path := at.locate(field); !at.reportedAt(path) {
			p.add(line, path, msg)
		}
	}
	text := textChecker(check)
	text("id", "id", &r.ExternalID, 0, 200, false)
	text("candidate.name", "candidate's name", &r.Candidate.Name, 1, 120, false)
	if r.Candidate.Email = strings.TrimSpace(r.Candidate.Email); !validation.IsEmail(r.Candidate.Email) {
		check("candidate.email", "Enter the candidate's email address, like name@example.com.")
	}
	text("position", "position", &r.Position, 0, 120, false)
	text("assessment", "assessment's name", &r.Assessment, 1, 200, false)
	scores(r.Score, r.MaxScore, "", check)
	if len(r.Tasks) > MaxTasks {
		check("tasks", fmt.Sprintf("A result holds at most %d tasks (this one has %d).", MaxTasks, len(r.Tasks)))
	}
	for i := range r.Tasks {
		validateTask(&r.Tasks[i], fmt.Sprintf("tasks[%d].", i), check)
	}
}

// textChecker normalises a text field in place (a line, or a block of
// lines) and reports what the text rule refuses.
func textChecker(check func(field, msg string)) func(field, label string, value *string, min, max int, block bool) {
	return func(field, label string, value *string, min, max int, block bool) {
		e := validation.Errors{}
		if block {
			*value = e.Block(field, *value, label, min, max)
		} else {
			*value = e.Line(field, *value, label, min, max)
		}
		if msg, bad := e[field]; bad {
			check(field, msg)
		}
	}
}

// scores checks that 0 ≤ score ≤ maxScore and maxScore > 0.
func scores(score, maxScore float64, prefix string, check func(field, msg string)) {
	switch {
	case !(maxScore > 0):
		check(prefix+"maxScore", "The maximum score must be more than 0.")
	case score < 0:
		check(prefix+"score", "The score cannot be negative.")
	case score > maxScore:
		check(prefix+"score", fmt.Sprintf("The score (%s) is more than the maximum score (%s).", num(score), num(maxScore)))
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func validateTask(t *Task, prefix string, check func(field, msg string)) {
	text := textChecker(check)
	text(prefix+"title", "task's title", &t.Title, 1, 200, false)
	text(prefix+"language", "language", &t.Language, 0, 40, false)
	t.EditorLanguage = editorLanguage(t.Language)
	scores(t.Score, t.MaxScore, prefix, check)
	if t.TimeSpentSeconds < 0 || t.TimeSpentSeconds > maxTimeSpent {
		check(prefix+"timeSpentSeconds", "The time spent is a number of seconds between 0 and 2,592,000 (30 days).")
	}
	if n := utf8.RuneCountInString(t.Code); n > MaxTaskCode {
		check(prefix+"code", fmt.Sprintf("A task's code can be at most %d characters (it has %d).", MaxTaskCode, n))
	}
	if len(t.Tests) > MaxTests {
		check(prefix+"tests", fmt.Sprintf("A task holds at most %d tests (this one has %d).", MaxTests, len(t.Tests)))
	}
	for i := range t.Tests {
		tr := &t.Tests[i]
		text(fmt.Sprintf("%stests[%d].name", prefix, i), "test's name", &tr.Name, 1, 300, false)
		text(fmt.Sprintf("%stests[%d].message", prefix, i), "test's message", &tr.Message, 0, 4000, true)
	}
}

// duplicates reports a result that repeats an earlier one of the file.
func duplicates(rs []Result, places []place, p *problems) {
	seen := map[string]int{}
	for i, r := range rs {
		key := "id:" + strings.TrimSpace(r.ExternalID)
		if r.ExternalID == "" {
			key = validation.Fold(r.Candidate.Email) + "|" + validation.Fold(r.Assessment) + "|" + r.CompletedAt.Format(time.RFC3339)
		}
		if j, ok := seen[key]; ok {
			p.add(places[i].line, strings.TrimSuffix(places[i].prefix, "."), fmt.Sprintf(
				"This result repeats the one on line %d (the same id, or the same candidate, assessment and completion time). Keep one of them.",
				places[j].line))
			continue
		}
		seen[key] = i
	}
}

// parseTime reads a completion time: RFC 3339, or a date (midnight UTC).
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Truncate(time.Second), true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

const timeHelp = "Enter when it was completed in RFC 3339, like 2026-11-20T15:04:05Z (or just the date, 2026-11-20)."

// finite rejects NaN and infinities, which JSON cannot carry but CSV can.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
