package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// TypeScript returns a module with the constants, the error codes, one type
// per named Go type, the schemas (for checking answers at run time) and the
// endpoint table, in that order.
func (s Spec) TypeScript() ([]byte, error) {
	g, err := newGenerator(s)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// %s: generated from %s; do not edit.\n", s.Title, s.Source)

	for _, c := range s.Constants {
		v, err := json.Marshal(c.Value)
		if err != nil {
			return nil, fmt.Errorf("constant %s: %w", c.Name, err)
		}
		w("\n/** %s */\nexport const %s = %s as const\n", c.Doc, c.Name, v)
	}

	w("\n/** Every error code an answer's `error.code` may be. */\nexport const ERROR_CODES = [%s", quoteAll(s.ErrorCodes))
	w("] as const\nexport type ApiErrorCode = (typeof ERROR_CODES)[number]\n")
	w("\n/** The error codes any endpoint may answer. */\nexport const COMMON_ERRORS: readonly ApiErrorCode[] = [%s]\n", quoteAll(s.CommonErrors))

	for _, d := range g.defs {
		w("\nexport type %s = %s\n", d.name, tsType(d.n, ""))
	}

	w("\n/** Every named type by its name. */\nexport type Types = {\n")
	for _, d := range g.defs {
		w("  %s: %s\n", d.name, d.name)
	}
	w("}\nexport type TypeName = keyof Types\n")

	w("\n/** A JSON Schema (draft 2020-12), as far as these schemas use it. */\n" + jsonSchemaType)
	w("\n/** The schema of each type (as in the JSON Schema's $defs); a $ref \"#/$defs/NAME\" names another. */\n")
	w("export const schemas: Record<TypeName, JsonSchema> = {\n")
	for _, d := range g.defs {
		js, err := json.Marshal(schemaOf(d.n))
		if err != nil {
			return nil, err
		}
		w("  %s: %s,\n", d.name, js)
	}
	w("}\n")

	w("\n/** Each endpoint's request body and answer, by \"METHOD PATH\". */\nexport type Endpoints = {\n")
	for _, e := range s.Endpoints {
		w("  %s: { request: %s; response: %s }\n", quote(e.Key()), tsBody(e.Request, e.RawRequest, g), tsAnswer(e, g))
	}
	w("}\nexport type EndpointKey = keyof Endpoints\n")
	w("\n" + endpointType)
	w("\nexport const endpoints: Record<EndpointKey, Endpoint> = {\n")
	for _, e := range s.Endpoints {
		w("  %s: { method: %s, path: %s, status: %d, request: %s, response: %s, file: %s, errors: [%s] },\n",
			quote(e.Key()), quote(e.Method), quote(e.Path), e.Status, nameOrNull(e.Request, e.RawRequest, g),
			nameOrNull(e.Response, false, g), strOrNull(e.File), quoteAll(e.Errors))
	}
	w("}\n")
	return b.Bytes(), nil
}

const jsonSchemaType = `export type JsonSchema = {
  $ref?: string
  type?: string | string[]
  enum?: (string | null)[]
  format?: string
  contentEncoding?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  anyOf?: JsonSchema[]
}
`

const endpointType = `export type Endpoint = {
  method: string
  /** With {name} for each path parameter. */
  path: string
  /** The success status. */
  status: number
  /** The body's type; "file" for a file sent as is; null for none. */
  request: TypeName | 'file' | null
  /** The answer's type; null for a file or no answer. */
  response: TypeName | null
  /** The media type of an answer that is a file. */
  file: string | null
  /** Error codes beyond COMMON_ERRORS. */
  errors: ApiErrorCode[]
}
`

func tsBody(t reflect.Type, raw bool, g *generator) string {
	switch {
	case raw:
		return "string"
	case t != nil:
		return g.spec.Names[t]
	}
	return "undefined"
}

func tsAnswer(e Endpoint, g *generator) string {
	switch {
	case e.Response != nil:
		return g.spec.Names[e.Response]
	case e.File != "":
		return "string"
	}
	return "undefined"
}

func nameOrNull(t reflect.Type, raw bool, g *generator) string {
	switch {
	case raw:
		return quote("file")
	case t == nil:
		return "null"
	}
	return quote(g.spec.Names[t])
}

func strOrNull(s string) string {
	if s == "" {
		return "null"
	}
	return quote(s)
}

// tsType writes n as a TypeScript type; nested objects are indented by indent.
func tsType(n *node, indent string) string {
	var t string
	switch n.kind {
	case "ref":
		t = n.ref
	case "any":
		return "unknown"
	case "string":
		if n.enum != nil {
			parts := make([]string, len(n.enum))
			for i, v := range n.enum {
				parts[i] = quote(v)
			}
			t = strings.Join(parts, " | ")
		} else {
			t = "string"
		}
	case "integer", "number":
		t = "number"
	case "boolean":
		t = "boolean"
	case "array":
		item := tsType(n.items, indent)
		if strings.ContainsAny(item, "|&") && !strings.HasPrefix(item, "{") {
			item = "(" + item + ")"
		}
		return item + "[]" // null reads as empty: see the package documentation
	case "map":
		return "Record<string, " + tsType(n.items, indent) + ">"
	case "object":
		if len(n.fields) == 0 {
			t = "Record<string, never>"
			break
		}
		var b strings.Builder
		b.WriteString("{\n")
		for _, f := range n.fields {
			opt := ""
			if f.optional {
				opt = "?"
			}
			fmt.Fprintf(&b, "%s  %s%s: %s\n", indent, propName(f.name), opt, tsType(f.n, indent+"  "))
		}
		b.WriteString(indent + "}")
		t = b.String()
	}
	if n.nullable {
		t += " | null"
	}
	return t
}

func propName(name string) string {
	for i, r := range name {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return quote(name)
		}
	}
	return name
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}

// quote is a single-quoted TypeScript string.
func quote(s string) string {
	q := strconv.Quote(s)
	q = strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
	return "'" + strings.ReplaceAll(q, "'", `\'`) + "'"
}
