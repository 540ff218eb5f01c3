package candidates

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// A JSON document read into a tree that remembers the line of every value,
// so a problem in a results file can say where it is.

type nodeKind int

const (
	kindNull nodeKind = iota
	kindObject
	kindArray
	kindString
	kindNumber
	kindBool
)

var kindNames = map[nodeKind]string{kindNull: "null", kindObject: "an object", kindArray: "a list",
	kindString: "text", kindNumber: "a number", kindBool: "true or false"}

type node struct {
	line   int
	kind   nodeKind
	text   string // a string's value or a number's literal
	flag   bool
	keys   []string // in file order
	fields map[string]*node
	items  []*node
}

// maxDepth bounds nesting: a results file needs five levels.
const maxDepth = 20

// lines maps byte offsets to 1-based lines and columns.
type lines []int // offsets of '\n'

func newLines(data []byte) lines {
	var ls lines
	for i, b := range data {
		if b == '\n' {
			ls = append(ls, i)
		}
	}
	return ls
}

func (ls lines) at(offset int64) (line, col int) {
	i := sort.SearchInts(ls, int(offset))
	start := 0
	if i > 0 {
		start = ls[i-1] + 1
	}
	return i + 1, int(offset) - start + 1
}

// treeReader reads one document; dup collects keys that appear twice.
type treeReader struct {
	dec   *json.Decoder
	lines lines
	dup   func(line int, key string)
}

// parseTree reads data as one JSON value. A syntax error is returned as a
// problem with its line and column.
func parseTree(data []byte, dup func(line int, key string)) (*node, error) {
	r := treeReader{dec: json.NewDecoder(bytes.NewReader(data)), lines: newLines(data), dup: dup}
	r.dec.UseNumber()
	root, err := r.value(0)
	if err == nil {
		if _, extra := r.dec.Token(); !errors.Is(extra, io.EOF) {
			line, _ := r.lines.at(r.dec.InputOffset())
			return nil, fmt.Errorf("line %d: %w", line, errTrailing)
		}
	}
	return root, r.explain(err)
}

var (
	errTrailing = errors.New("there is more after the end of the JSON document; a file holds one object")
	errDeep     = errors.New("the JSON is nested too deeply for a results file")
)

// explain gives a decoder error its line and column.
func (r treeReader) explain(err error) error {
	var syntax *json.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		line, col := r.lines.at(syntax.Offset)
		return fmt.Errorf("line %d, column %d: the file is not valid JSON (%v)", line, col, syntax)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("the file ends before its JSON does (is it cut off?)")
	}
	return err
}

func (r treeReader) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errDeep
	}
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	line, _ := r.lines.at(r.dec.InputOffset())
	n := &node{line: line}
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return n, r.object(n, depth)
		}
		if v == '[' {
			return n, r.array(n, depth)
		}
		return nil, fmt.Errorf("line %d: unexpected %q", line, v)
	case string:
		n.kind, n.text = kindString, v
	case json.Number:
		n.kind, n.text = kindNumber, string(v)
	case bool:
		n.kind, n.flag = kindBool, v
	case nil:
		n.kind = kindNull
	}
	return n, nil
}

func (r treeReader) object(n *node, depth int) error {
	n.kind, n.fields = kindObject, map[string]*node{}
	for r.dec.More() {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		line, _ := r.lines.at(r.dec.InputOffset())
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		if _, seen := n.fields[key]; seen {
			r.dup(line, key)
			continue
		}
		n.keys = append(n.keys, key)
		n.fields[key] = v
	}
	_, err := r.dec.Token() // '}'
	return err
}

func (r treeReader) array(n *node, depth int) error {
	n.kind = kindArray
	for r.dec.More() {
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.items = append(n.items, v)
	}
	_, err := r.dec.Token() // ']'
	return err
}
