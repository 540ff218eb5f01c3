// Package audit is the install's log of who did what: sign-ins, settings
// changes, deletions, exports, erasures, backups, restores and retention
// runs. It is append-only: entries are added, never changed or removed (a
// backup restored brings its own log back, with the restore added to it).
//
// An entry names its actor: the person signed in once accounts exist, and
// until then the door the change came through ("console", "cli", or "host"
// for what the host does by itself, such as a retention run). The web layer
// puts the actor in the request's context (With); services read it (From)
// and record the entry in the same transaction as the change (Record), so a
// deletion and its entry commit together.
//
// Entries never hold a candidate's name or email: a deletion's entry that
// outlived the deletion would defeat it. A candidate is named by a short
// hash of their email (CandidateRef), which answers "was this person's data
// erased?" for whoever knows the address, and nobody else.
package audit
