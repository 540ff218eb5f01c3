// Package report is the interview report: one document for the hiring team
// with the summary, the final score, each question's analysis with its
// evidence, the interviewers' ratings and comments, their notes, the
// transcript and the timeline, rendered as a self-contained HTML file and as
// a PDF.
//
// # Basics
//
// Build gathers a Report from the interview, its timeline as the organizer
// sees it (every interviewer's notes, once the interview has ended) and its
// analysis, if any; Gather does the same from the services that keep them and
// refuses an interview that has not ended (ErrNotEnded). A Report is plain
// data, ready for JSON: the console shows it, HTML and PDF print it.
//
// The report is for the hiring team, never for the candidate: it carries the
// expected answers, the key points covered and missed, ratings, comments and
// notes. A candidate who declined AI analysis gets none in the report either;
// it says so instead.
//
// # Caveats
//
// Times are written in the interview's time zone. HTML keeps every character;
// PDF writes text with DejaVu Sans (Debian's fonts-dejavu-core) and, without
// it, with the PDF core fonts, which know only Windows-1252: other letters
// lose their accents or become "?" (the PDF's last section says so).
// Characters outside Unicode's Basic Multilingual Plane (emoji) are written as
// U+FFFD in PDF, and scripts DejaVu Sans lacks (e.g. CJK) show as empty boxes.
package report
