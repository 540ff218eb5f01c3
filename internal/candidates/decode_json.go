package candidates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// fields reads the values of one JSON object, reporting wrong types,
// unknown and missing fields at their lines.
type fields struct {
	n      *node
	prefix string // "results[0]."
	p      *problems
}

// objectAt checks that n is an object with only the known fields.
func objectAt(n *node, path string, p *problems, known ...string) (fields, bool) {
	if n.kind != kindObject {
		p.add(n.line, path, fmt.Sprintf("Must be an object ({…}), not %s.", kindNames[n.kind]))
		return fields{}, false
	}
	prefix := path + "."
	if path == "" {
		prefix = ""
	}
	for _, k := range n.keys {
		if !contains(known, k) {
			p.add(n.fields[k].line, prefix+k, fmt.Sprintf("Unknown field “%s”. Check its spelling; the fields are: %s.",
				k, strings.Join(known, ", ")))
		}
	}
	return fields{n: n, prefix: prefix, p: p}, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// get returns field key of the kind wanted, or nil (a problem reported when
// it is there but of another kind, or missing and required).
func (f fields) get(key string, want nodeKind, required bool, example string) *node {
	v, ok := f.n.fields[key]
	if !ok || v.kind == kindNull {
		if required {
			f.p.add(f.n.line, f.prefix+key, fmt.Sprintf("Required: add “%s”, like %s.", key, example))
		}
		return nil
	}
	if v.kind != want {
		f.p.add(v.line, f.prefix+key, fmt.Sprintf("Must be %s, like %s (this is %s).", kindNames[want], example, kindNames[v.kind]))
		return nil
	}
	return v
}

func (f fields) str(key string, required bool, example string) string {
	if v := f.get(key, kindString, required, example); v != nil {
		return v.text
	}
	return ""
}

func (f fields) number(key string, required bool) float64 {
	v := f.get(key, kindNumber, required, "42 or 42.5")
	if v == nil {
		return 0
	}
	x, err := strconv.ParseFloat(v.text, 64)
	if err != nil || !finite(x) {
		f.p.add(v.line, f.prefix+key, "This number is too large.")
	}
	return x
}

func (f fields) integer(key string) int {
	v := f.get(key, kindNumber, false, "1800")
	if v == nil {
		return 0
	}
	x, err := strconv.Atoi(v.text)
	if err != nil {
		f.p.add(v.line, f.prefix+key, "Must be a whole number of seconds, like 1800.")
	}
	return x
}

// line is the line of field key, or of the object when it is absent.
func (f fields) line(key string) int {
	if v, ok := f.n.fields[key]; ok {
		return v.line
	}
	return f.n.line
}

// locator finds a field's line by its path below n ("tasks[1].score").
func locator(n *node, prefix string) func(field string) (int, string) {
	return func(field string) (int, string) {
		cur := n
		for _, part := range strings.Split(field, ".") {
			name, index, indexed := strings.Cut(strings.TrimSuffix(part, "]"), "[")
			next, ok := cur.fields[name]
			if !ok {
				break
			}
			cur = next
			if i, err := strconv.Atoi(index); indexed && err == nil && i < len(cur.items) {
				cur = cur.items[i]
			}
		}
		return cur.line, prefix + field
	}
}

// decodeJSON reads the results of a JSON results file.
func decodeJSON(data []byte, p *problems) ([]Result, []place) {
	root, err := parseTree(data, func(line int, key string) {
		p.add(line, key, fmt.Sprintf("“%s” appears twice in the same object; keep one.", key))
	})
	if err != nil {
		p.add(0, "", err.Error())
		return nil, nil
	}
	top, ok := objectAt(root, "", p, "format", "results")
	if !ok {
		return nil, nil
	}
	if format := top.str("format", true, `"`+FileFormat+`"`); format != "" && format != FileFormat {
		p.add(top.line("format"), "format", fmt.Sprintf("This is not a results file of this version: “format” must be “%s”.", FileFormat))
	}
	list := top.get("results", kindArray, true, "[{…}]")
	if list == nil {
		return nil, nil
	}
	switch n := len(list.items); {
	case n == 0:
		p.add(list.line, "results", "The file has no results.")
	case n > MaxResults:
		p.add(list.line, "results", fmt.Sprintf("A file holds at most %d results (this one has %d); split it.", MaxResults, n))
		return nil, nil
	}
	var (
		rs     []Result
		places []place
	)
	for i, n := range list.items {
		path := fmt.Sprintf("results[%d]", i)
		r, reported, ok := resultOf(n, path, p)
		if !ok {
			continue
		}
		rs = append(rs, r)
		places = append(places, place{line: n.line, prefix: path + ".", locate: locator(n, path+"."), reported: reported})
	}
	return rs, places
}

// resultOf reads one result; ok is false when it is not an object. The
// fields that had problems are returned, not to be checked again.
func resultOf(n *node, path string, p *problems) (Result, []string, bool) {
	before := p.count()
	f, ok := objectAt(n, path, p, "id", "candidate", "position", "assessment", "completedAt", "score", "maxScore", "tasks")
	if !ok {
		return Result{}, nil, false
	}
	r := Result{ExternalID: f.str("id", false, `"hr-12345"`), Position: f.str("position", false, `"Backend engineer"`),
		Assessment: f.str("assessment", true, `"Go backend take-home"`),
		Score:      f.number("score", true), MaxScore: f.number("maxScore", true)}
	if c := f.get("candidate", kindObject, true, `{"name": "Olivia Diaz", "email": "olivia@example.com"}`); c != nil {
		if cf, ok := objectAt(c, f.prefix+"candidate", p, "name", "email"); ok {
			r.Candidate = interviews.Person{Name: cf.str("name", true, `"Olivia Diaz"`), Email: cf.str("email", true, `"olivia@example.com"`)}
		}
	}
	if v := f.get("completedAt", kindString, true, `"2026-11-20T15:04:05Z"`); v != nil {
		var ok bool
		if r.CompletedAt, ok = parseTime(v.text); !ok {
			p.add(v.line, f.prefix+"completedAt", timeHelp)
		}
	}
	if tasks := f.get("tasks", kindArray, false, "[{…}]"); tasks != nil {
		for i, tn := range tasks.items {
			r.Tasks = append(r.Tasks, taskOf(tn, fmt.Sprintf("%stasks[%d]", f.prefix, i), p))
		}
	}
	return r, p.fieldsSince(before), true
}

func taskOf(n *node, path string, p *problems) Task {
	f, ok := objectAt(n, path, p, "title", "language", "score", "maxScore", "timeSpentSeconds", "code", "tests")
	if !ok {
		return Task{}
	}
	t := Task{Title: f.str("title", true, `"Parse the access log"`), Language: strings.TrimSpace(f.str("language", false, `"go"`)),
		Score: f.number("score", true), MaxScore: f.number("maxScore", true), TimeSpentSeconds: f.integer("timeSpentSeconds"),
		Code: strings.ReplaceAll(f.str("code", false, `"package main\n…"`), "\r\n", "\n")}
	if tests := f.get("tests", kindArray, false, "[{…}]"); tests != nil {
		for i, tn := range tests.items {
			tf, ok := objectAt(tn, fmt.Sprintf("%s.tests[%d]", path, i), p, "name", "passed", "message")
			if !ok {
				continue
			}
			tr := TestResult{Name: tf.str("name", true, `"handles an empty log"`), Message: tf.str("message", false, `"expected 3, got 2"`)}
			if v := tf.get("passed", kindBool, true, "true"); v != nil {
				tr.Passed = v.flag
			}
			t.Tests = append(t.Tests, tr)
		}
	}
	return t
}
