// Package score scores a spoken or written answer against a question's
// expected answer and key points, explainably: every Result lists the points
// the answer covered, each with the excerpt of the answer that makes it, and
// the points it missed.
//
// Engines implement Engine. Offline, the default, runs on this machine with no
// model download; see its doc for the method.
package score
