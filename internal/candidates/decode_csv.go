package candidates

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// csvColumns are a CSV results file's columns and the result field each
// fills; required ones must be in the header.
var csvColumns = []struct {
	name, field string
	required    bool
}{
	{"id", "id", false},
	{"candidate_name", "candidate.name", true},
	{"candidate_email", "candidate.email", true},
	{"position", "position", false},
	{"assessment", "assessment", true},
	{"completed_at", "completedAt", true},
	{"score", "score", true},
	{"max_score", "maxScore", true},
}

func columnOf(field string) string {
	for _, c := range csvColumns {
		if c.field == field {
			return c.name
		}
	}
	return field
}

// csvHeader maps each column of the header row to its field; it reports
// unknown, repeated and missing columns.
func csvHeader(header []string, p *problems) (map[int]string, bool) {
	byName := map[string]string{}
	for _, c := range csvColumns {
		byName[c.name] = c.field
	}
	before := p.count()
	cols, seen := map[int]string{}, map[string]bool{}
	for i, h := range header {
		name := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(h)))
		field, ok := byName[name]
		switch {
		case !ok:
			p.add(1, h, fmt.Sprintf("Unknown column “%s”. The columns are: id, candidate_name, candidate_email, position, assessment, completed_at, score, max_score.", h))
		case seen[field]:
			p.add(1, name, fmt.Sprintf("The column “%s” appears twice; keep one.", name))
		default:
			cols[i], seen[field] = field, true
		}
	}
	for _, c := range csvColumns {
		if c.required && !seen[c.field] {
			p.add(1, c.name, fmt.Sprintf("The header has no “%s” column; it is required.", c.name))
		}
	}
	return cols, p.count() == before
}

// decodeCSV reads a CSV results file: a header row, then one result per row.
func decodeCSV(data []byte, p *problems) ([]Result, []place) {
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	rd.FieldsPerRecord = -1
	header, err := rd.Read()
	if err != nil {
		p.add(csvError(err))
		return nil, nil
	}
	cols, ok := csvHeader(header, p)
	if !ok {
		return nil, nil
	}
	var (
		rs     []Result
		places []place
	)
	for {
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p.add(csvError(err))
			return nil, nil
		}
		line, _ := rd.FieldPos(0)
		if len(rs) == MaxResults {
			p.add(line, "", fmt.Sprintf("A file holds at most %d results; split it.", MaxResults))
			return nil, nil
		}
		if len(row) != len(header) {
			p.add(line, "", fmt.Sprintf("This row has %d cells; the header has %d columns.", len(row), len(header)))
			continue
		}
		before := p.count()
		r := csvResult(row, cols, line, p)
		rs = append(rs, r)
		places = append(places, place{line: line, reported: p.fieldsSince(before),
			locate: func(field string) (int, string) { return line, columnOf(field) }})
	}
	if len(rs) == 0 && p.count() == 0 {
		p.add(1, "", "The file has a header but no results.")
	}
	return rs, places
}

func csvResult(row []string, cols map[int]string, line int, p *problems) Result {
	var r Result
	for i, cell := range row {
		cell = strings.TrimSpace(cell)
		field := cols[i]
		switch field {
		case "id":
			r.ExternalID = cell
		case "candidate.name":
			r.Candidate.Name = cell
		case "candidate.email":
			r.Candidate.Email = cell
		case "position":
			r.Position = cell
		case "assessment":
			r.Assessment = cell
		case "completedAt":
			var ok bool
			if r.CompletedAt, ok = parseTime(cell); !ok {
				p.add(line, columnOf(field), timeHelp)
			}
		case "score", "maxScore":
			f, err := strconv.ParseFloat(cell, 64)
			if err != nil || !finite(f) {
				p.add(line, columnOf(field), fmt.Sprintf("Must be a number, like 42 or 42.5 (this is “%s”).", cell))
			}
			if field == "score" {
				r.Score = f
			} else {
				r.MaxScore = f
			}
		}
	}
	return r
}

// csvError says where and what is wrong with the CSV itself.
func csvError(err error) (line int, field, msg string) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line, "", fmt.Sprintf("Column %d: the CSV is malformed (%v). Quote cells that hold commas or quotes.", pe.Column, pe.Err)
	}
	if errors.Is(err, io.EOF) {
		return 0, "", "The file is empty."
	}
	return 0, "", "The CSV cannot be read: " + err.Error()
}
