// Package runner runs code on a remote Piston-compatible service for the
// languages the browser cannot run (Go, Java, C++; JavaScript, TypeScript,
// Python and SQL run in a sandboxed worker in the browser and need no
// runner). The service is optional and configured by URL in the settings.
//
// It speaks Piston's API v2 (https://github.com/engineer-man/piston,
// docs/api-v2.md): GET URL/api/v2/runtimes lists what the service can run,
// POST URL/api/v2/execute runs one file and answers its compile and run
// stages. A Client maps the editor's language IDs to Piston's names (cpp is
// "c++", sql is "sqlite3"), caps what a run printed at MaxOutput, and turns
// every failure into an error of a fault kind whose message says what to
// check.
//
// # Caveats
//
// Piston refuses a run_timeout above its configured limit (3 s by default);
// Run then retries once at that limit and reports it in Result.TimeLimit.
// Stopping a run (cancelling its ctx) abandons the request; Piston finishes
// the job on its side. Piston has no authentication of its own: a Token is
// sent as "Authorization: Bearer TOKEN" for a proxy in front of it.
package runner
