package contract

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

type color string

type inner struct {
	Shared string `json:"shared"`
	Deep   string `json:"deep"`
}

type sample struct {
	inner
	Shared  int               `json:"shared"` // hides inner.Shared
	Name    string            `json:"name"`
	Note    string            `json:"note,omitempty"`
	When    time.Time         `json:"when"`
	Ended   time.Time         `json:"ended,omitzero"`
	Color   color             `json:"color"`
	Tags    []string          `json:"tags"`
	Counts  map[string]int    `json:"counts"`
	Next    *time.Time        `json:"next,omitempty"`
	Parent  *other            `json:"parent"`
	Data    json.RawMessage   `json:"data,omitempty"`
	Blob    []byte            `json:"blob"`
	Anon    struct{ X bool }  `json:"anon"`
	Skipped string            `json:"-"`
	hidden  string            //nolint:unused // unexported fields are left out
	Extra   map[string]*other `json:"extra,omitempty"`
}

type other struct {
	Ratio float64 `json:"ratio"`
}

func sampleSpec() Spec {
	return Spec{
		Title: "Test API", Source: "contract_test.go",
		Endpoints: []Endpoint{{Method: "GET", Path: "/x/{id}", Response: reflect.TypeFor[sample](), Status: 200, Errors: []string{"not_found"}},
			{Method: "POST", Path: "/x", Request: reflect.TypeFor[other](), Status: 204}},
		Names:      map[reflect.Type]string{reflect.TypeFor[sample](): "Sample", reflect.TypeFor[other](): "Other", reflect.TypeFor[color](): "Color"},
		Enums:      map[reflect.Type][]string{reflect.TypeFor[color](): {"red", "green"}},
		ErrorCodes: []string{"not_found"},
	}
}

func TestTypeScriptFollowsEncodingJSON(t *testing.T) {
	ts, err := sampleSpec().TypeScript()
	if err != nil {
		t.Fatal(err)
	}
	want := `export type Sample = {
  deep: string
  shared: number
  name: string
  note?: string
  when: string
  ended?: string
  color: Color
  tags: string[]
  counts: Record<string, number>
  next?: string
  parent: Other | null
  data?: unknown
  blob: string
  anon: {
    X: boolean
  }
  extra?: Record<string, Other | null>
}`
	for _, w := range []string{want, "export type Color = 'red' | 'green'", "export type Other = {\n  ratio: number\n}",
		"'GET /x/{id}': { request: undefined; response: Sample }", "'POST /x': { request: Other; response: undefined }"} {
		if !strings.Contains(string(ts), w) {
			t.Errorf("TypeScript lacks\n%s\nin\n%s", w, ts)
		}
	}
}

func TestSchemaMarksRequiredAndNullable(t *testing.T) {
	raw, err := sampleSpec().Schema()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Defs map[string]struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Defs["Sample"]
	if got := strings.Join(s.Required, ","); got != "deep,shared,name,when,color,tags,counts,parent,blob,anon" {
		t.Errorf("required = %s", got)
	}
	for field, want := range map[string]string{
		"tags":   `{"items":{"type":"string"},"type":["array","null"]}`,
		"parent": `{"anyOf":[{"$ref":"#/$defs/Other"},{"type":"null"}]}`,
		"when":   `{"format":"date-time","type":"string"}`,
		"next":   `{"format":"date-time","type":"string"}`,
		"shared": `{"type":"integer"}`,
		"color":  `{"$ref":"#/$defs/Color"}`,
	} {
		var compact bytes.Buffer
		_ = json.Compact(&compact, s.Properties[field])
		if got := compact.String(); got != want {
			t.Errorf("%s: %s, want %s", field, got, want)
		}
	}
}

func TestUnnamedTypesAreRefused(t *testing.T) {
	spec := sampleSpec()
	delete(spec.Names, reflect.TypeFor[other]())
	if _, err := spec.TypeScript(); err == nil || !strings.Contains(err.Error(), "contract.other") {
		t.Errorf("a struct without a name = %v, want an error naming it", err)
	}
}
