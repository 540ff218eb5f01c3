// Package templates keeps interview templates: an interview plan (topics) and, for
// technical interviews, an ordered list of questions, each with the text shown to
// the candidate, an alternative explanation and an expected answer.
//
// The starter library in library/ is seeded into a new store once; after that the
// templates are the user's to edit or delete. Templates move between installations
// as JSON files in the format documented in docs/template-format.md (FileFormat).
package templates
