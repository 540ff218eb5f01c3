package contract

import (
	"bytes"
	"encoding/json"
)

// SchemaDialect is the JSON Schema draft Schema writes.
const SchemaDialect = "https://json-schema.org/draft/2020-12/schema"

// Schema returns the JSON Schema of every named type, under "$defs" by its
// name: "#/$defs/Interview" is the schema of an Interview answer.
func (s Spec) Schema() ([]byte, error) {
	g, err := newGenerator(s)
	if err != nil {
		return nil, err
	}
	return marshal(g.document())
}

func (g *generator) document() map[string]any {
	defs := map[string]any{}
	for _, d := range g.defs {
		defs[d.name] = schemaOf(d.n)
	}
	return map[string]any{
		"$schema":     SchemaDialect,
		"title":       g.spec.Title,
		"description": "Generated from " + g.spec.Source + "; do not edit.",
		"$defs":       defs,
	}
}

func schemaOf(n *node) map[string]any {
	var s map[string]any
	switch n.kind {
	case "ref":
		s = map[string]any{"$ref": "#/$defs/" + n.ref}
		if n.nullable {
			return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
		}
		return s
	case "any":
		return map[string]any{}
	case "object":
		props := map[string]any{}
		required := []string{}
		for _, f := range n.fields {
			props[f.name] = schemaOf(f.n)
			if !f.optional {
				required = append(required, f.name)
			}
		}
		s = map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
	case "array":
		s = map[string]any{"type": "array", "items": schemaOf(n.items)}
	case "map":
		s = map[string]any{"type": "object", "additionalProperties": schemaOf(n.items)}
	case "string":
		s = map[string]any{"type": "string"}
		switch n.format {
		case "date-time":
			s["format"] = "date-time"
		case "byte":
			s["contentEncoding"] = "base64"
		}
		if n.enum != nil {
			s["enum"] = n.enum
		}
	default:
		s = map[string]any{"type": n.kind}
	}
	if n.nullable {
		s["type"] = []any{s["type"], "null"}
		if e, ok := s["enum"].([]string); ok {
			s["enum"] = append(append([]any{}, anys(e)...), nil)
		}
	}
	return s
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// marshal is indented JSON without HTML escaping, ending in a newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
