// Package contract writes an HTTP JSON API's contract from its Go types, so
// the types a client uses are generated from the ones the server encodes
// instead of being written a second time.
//
// A Spec lists the endpoints (method, path, request and response types, the
// success status and the error codes) with a name for each Go type the client
// sees. From it come:
//
//   - Schema: a JSON Schema (draft 2020-12) with one definition per named type,
//     for checking answers in tests;
//   - TypeScript: the same types for a browser client, the schema as a constant
//     for checking answers at run time, the endpoint table and constants.
//
// # Mapping
//
// Fields follow encoding/json: the json tag's name, embedded structs
// flattened, "-" and unexported fields left out. A field with omitempty or
// omitzero is optional; any other field is required. Slices and maps may be
// null on the wire (a nil slice), so the schema allows null for them; clients
// read null as empty, so the TypeScript type is the array or record alone.
// Pointers without omitempty may be null. time.Time is an RFC 3339 string,
// []byte a base64 string, json.RawMessage and interfaces any JSON value.
// Integers are "integer", floats "number".
//
// Every named struct type must have a name in Spec.Names (generation fails
// and lists the ones missing), so the client's names never change by
// accident. Named string types listed in Spec.Enums become unions of their
// values; others are plain strings.
//
// Caveats: types with their own MarshalJSON (other than time.Time) are not
// understood; map keys are always strings on the wire.
package contract
