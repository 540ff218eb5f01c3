// Package room keeps the live state of each interview as an append-only,
// timestamped event log in the store, and derives that state by replaying the
// log: a reload, a reconnect or a host restart resumes exactly where the
// interview was.
//
// # Events
//
// Every event has a per-interview sequence number (its order), the host's clock
// time (the one clock for playback and reports, never a browser's), a version of
// its data shape, the actor (role and email), a type and type-specific data.
// Apply is the only function that changes State; it rejects events that do not
// fit (a question index out of range, an action after the end) without changing
// anything, and the log stores only events Apply accepted, so replaying the log
// reproduces the live state exactly.
//
// # Views
//
// State holds interviewer-only data (expected answers stay in the interview, but
// ratings, comments, notes and questions ahead live here). CandidateView is the
// only projection sent to a candidate connection; it is built field by field from
// what a candidate may see.
//
// Presence (who is connected now) is not in the log's state: after a restart
// nobody is connected until they reconnect. Joins and leaves are still logged for
// the timeline.
package room
