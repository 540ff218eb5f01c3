// Package privacy is what the install does with people's data once an
// interview is over: the candidate's consent record, deleting an interview
// for good, the retention periods the host applies by itself, and a
// candidate's export and erasure.
//
// # Deleting an interview
//
// An interview that is over (finished, cancelled, or whose links expired
// unused) can be deleted with everything of it: the interview and its links,
// its event log (and so its timeline, playback and consent record), its
// analysis, its outbox and its recording files (the call's tracks and the
// combined recording). One store transaction removes the records, with the
// audit entry that says so; the files go right after it commits. A live or
// upcoming interview cannot be deleted (cancel it first), nor one whose
// analysis is running. Files left behind by a crash between the commit and
// the removal are found and removed by the next retention run.
//
// # Retention
//
// Per install: recordings are kept RecordingsDays after an interview's
// planned end, all of an interview's data InterviewDataDays (0 keeps them
// until deleted by hand). A serving host applies them when it starts and
// once a day; Settings → Privacy previews and applies them at once. Each
// run that deleted something is kept in the retention log: what, when, why.
//
// # What the logs hold
//
// The retention log and the audit log name interviews by ID, position and
// date, and candidates by audit.CandidateRef, never by name or email, so
// nothing of a deleted candidate outlives the deletion.
package privacy
