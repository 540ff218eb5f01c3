// Package analysis builds an interview's analysis after it ends: each
// participant's recorded audio becomes a speaker-labelled transcript, the
// candidate's words in each question's window are scored against the
// question's expected answer and key points, and the answers add up to an
// overall score beside the interviewers' own ratings. Interviewers may
// override any score; the override and its author are kept.
//
// Engines come in through small interfaces (Transcriber, Scorer) so that an
// offline default and an OpenAI-compatible service are interchangeable. A
// candidate who declined AI analysis gets none: the analysis says so.
package analysis
