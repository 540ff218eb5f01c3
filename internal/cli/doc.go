// Package cli is InterviewDesk's command line: `serve` (the headless host) and
// `<noun> <verb>` commands over the console API.
//
// Commands reach the data folder through a running host when one announced itself
// there (so a running desktop app or `serve` is never locked out), and otherwise
// open the store themselves. Output is text for people, or the API's JSON with
// --json. Exit codes: 0 success, 1 the operation failed (the message says why),
// 2 the command line is wrong.
package cli
