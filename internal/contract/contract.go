package contract

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
)

// Spec describes an API.
type Spec struct {
	// Title names the API in the generated files.
	Title string
	// Source names what the files are generated from, for their header.
	Source    string
	Endpoints []Endpoint
	// Names gives every named struct type, and every enum, the client's name.
	Names map[reflect.Type]string
	// Enums lists each named string type's values.
	Enums map[reflect.Type][]string
	// ErrorCodes are every error code an answer may carry; CommonErrors the
	// ones any endpoint may answer.
	ErrorCodes, CommonErrors []string
	// Constants are values the client shares with the server, such as limits.
	Constants []Constant
	// Types are named types to describe beyond the endpoints', e.g. the error
	// body every endpoint may answer.
	Types []reflect.Type
}

// Endpoint is one route.
type Endpoint struct {
	Method, Path string
	// Request is the JSON body's type; nil for none. RawRequest says the body
	// is a file sent as is (e.g. a template file).
	Request    reflect.Type
	RawRequest bool
	// Response is the JSON answer's type; nil for a file (File) or none.
	Response reflect.Type
	// File is the media type of an answer that is a file, e.g. text/calendar.
	File string
	// Status is the success status.
	Status int
	// Errors are the error codes this endpoint answers beyond the ones every
	// endpoint may (see Spec.ErrorCodes).
	Errors []string
}

// Key is "METHOD PATH".
func (e Endpoint) Key() string { return e.Method + " " + e.Path }

// Constant is a named JSON value.
type Constant struct {
	Name  string
	Doc   string
	Value any
}

var (
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// node is a type as the wire sees it.
type node struct {
	kind     string // string, integer, number, boolean, object, array, map, any, ref
	format   string // for strings: date-time, byte
	enum     []string
	ref      string // kind ref: a definition's name
	nullable bool
	items    *node // array items, map values
	fields   []field
}

type field struct {
	name     string
	n        *node
	optional bool
}

type definition struct {
	name string
	t    reflect.Type
	n    *node
}

// generator walks Go types into nodes, defining each named type once.
type generator struct {
	spec    Spec
	defs    []*definition
	byName  map[string]*definition
	missing map[string]bool
	errs    []error
}

func newGenerator(spec Spec) (*generator, error) {
	g := &generator{spec: spec, byName: map[string]*definition{}, missing: map[string]bool{}}
	top := slices.Clone(spec.Types)
	for _, e := range spec.Endpoints {
		top = append(top, e.Request, e.Response)
		if e.Response == nil && e.File == "" && e.Status != 204 {
			g.errs = append(g.errs, fmt.Errorf("%s answers neither JSON nor a file", e.Key()))
		}
	}
	for _, t := range top {
		if t == nil {
			continue
		}
		if _, ok := spec.Names[t]; !ok {
			g.missing[t.String()] = true
			continue
		}
		g.node(t)
	}
	if len(g.missing) > 0 {
		names := make([]string, 0, len(g.missing))
		for n := range g.missing {
			names = append(names, n)
		}
		slices.Sort(names)
		g.errs = append(g.errs, fmt.Errorf("contract: name these types in Spec.Names: %s", strings.Join(names, ", ")))
	}
	return g, errors.Join(g.errs...)
}

// node is t on the wire: a reference to its definition when t has a name.
func (g *generator) node(t reflect.Type) *node {
	if name, ok := g.spec.Names[t]; ok {
		g.define(name, t)
		return &node{kind: "ref", ref: name}
	}
	return g.shape(t)
}

// shape is t's own node, never a reference to t itself.
func (g *generator) shape(t reflect.Type) *node {
	switch t {
	case timeType:
		return &node{kind: "string", format: "date-time"}
	case rawType:
		return &node{kind: "any"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		n := *g.node(t.Elem())
		n.nullable = true
		return &n
	case reflect.Struct:
		if t.Name() != "" && g.spec.Names[t] == "" {
			g.missing[t.String()] = true
			return &node{kind: "any"}
		}
		return g.object(t)
	case reflect.String:
		if values, ok := g.spec.Enums[t]; ok {
			return &node{kind: "string", enum: values}
		}
		return &node{kind: "string"}
	case reflect.Bool:
		return &node{kind: "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &node{kind: "integer"}
	case reflect.Float32, reflect.Float64:
		return &node{kind: "number"}
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return &node{kind: "string", format: "byte"}
		}
		return &node{kind: "array", items: g.node(t.Elem()), nullable: t.Kind() == reflect.Slice}
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		default:
			g.errs = append(g.errs, fmt.Errorf("contract: map key %s of %s cannot be a JSON object key", t.Key(), t))
		}
		return &node{kind: "map", items: g.node(t.Elem()), nullable: true}
	case reflect.Interface:
		return &node{kind: "any"}
	}
	g.errs = append(g.errs, fmt.Errorf("contract: %s has no JSON form", t))
	return &node{kind: "any"}
}

func (g *generator) define(name string, t reflect.Type) {
	if d, ok := g.byName[name]; ok {
		if d.t != t && d.n != nil && !reflect.DeepEqual(d.n, g.shape(t)) {
			g.errs = append(g.errs, fmt.Errorf("contract: %s and %s are both named %s but differ", d.t, t, name))
		}
		return
	}
	d := &definition{name: name, t: t}
	g.byName[name] = d // before walking, so recursive types end
	g.defs = append(g.defs, d)
	d.n = g.shape(t)
}

func (g *generator) object(t reflect.Type) *node {
	n := &node{kind: "object"}
	depth := map[string]int{}
	g.fields(t, 0, n, depth)
	return n
}

// fields adds t's JSON fields to n the way encoding/json finds them: embedded
// structs without a name are flattened, a shallower field hides a deeper one.
func (g *generator) fields(t reflect.Type, level int, n *node, depth map[string]int) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				g.fields(ft, level+1, n, depth)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if d, seen := depth[name]; seen {
			if d <= level {
				continue
			}
			n.fields = slices.DeleteFunc(n.fields, func(x field) bool { return x.name == name })
		}
		depth[name] = level
		fn, optional := g.node(ft), omitted(ft, opts)
		if optional && ft.Kind() == reflect.Pointer {
			fn.nullable = false // encoding/json leaves a nil pointer out instead of writing null
		}
		n.fields = append(n.fields, field{name: name, n: fn, optional: optional})
	}
}

// omitted reports whether encoding/json may leave a field of type t with tag
// options opts out.
func omitted(t reflect.Type, opts string) bool {
	has := func(o string) bool { return slices.Contains(strings.Split(opts, ","), o) }
	if has("omitzero") {
		return true
	}
	if !has("omitempty") {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		return false // omitempty never omits a struct
	}
	return true
}
