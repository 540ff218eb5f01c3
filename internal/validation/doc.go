// Package validation collects per-field input errors, so every face (console API,
// CLI) can show a specific message next to the field that caused it and save
// nothing.
package validation
