// Package interviews schedules interviews from templates and keeps them: who the
// candidate is, when (an instant plus the IANA zone it was planned in), who
// interviews, which room tools are on, and the unguessable link tokens that let
// the candidate and each interviewer in.
//
// An interview keeps its own copy of the template's plan and questions, so editing
// or deleting a template never changes an interview already scheduled.
//
// Deleting an interview cancels it: it stays listed under "Cancelled", its links
// answer "cancelled", and Restore undoes it. Sequence counts the changes that
// calendar invitations must carry (RFC 5545 SEQUENCE).
package interviews
