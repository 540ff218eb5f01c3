// Package candidates keeps the people who apply: one candidate per email
// address (case-folded, unique per install), with a stable ID, the positions
// they applied for and the stage of each in the hiring pipeline, notes, every
// interview of theirs and their take-home assessment results.
//
// # Basics
//
// A candidate is created when an interview or an imported take-home result
// first names their email address. InterviewChanged is the interviews' hook:
// it runs inside every interview change's transaction, links the interview to
// its candidate and moves the stage where it is obvious (an interview
// scheduled: "Live interview scheduled"; held: "Interviewed"; all cancelled:
// back). The recruiter moves stages by hand too; an automatic move never
// leaves a decision (Offer, Hired, Rejected).
//
// Renames and email changes are kept in the candidate's history; an earlier
// address still finds the candidate until another candidate takes it.
//
// # Search
//
// An in-memory index (index.go) holds every candidate's search text and
// sort keys, loaded from the store on first use and updated after each
// commit, so a search over tens of thousands of candidates reads no file.
//
// # Take-home results
//
// Import reads a results file (docs/assessment-format.md: JSON, or CSV for
// the summary) all or nothing: any problem is reported with its line and
// field, and nothing is stored. The same result imported again (the same id,
// or the same candidate, assessment and completion time) is updated in place.
//
// Campaigns attach through Application.CampaignID.
package candidates
