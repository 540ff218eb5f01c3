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
//
// A run (Pipeline.Analyse) builds the call's one combined recording in
// picture-in-picture beside the transcription, so that the two share the
// cores (BenchmarkAnalysisMinute in internal/host measures the whole and
// its parts). The grid layout follows in the background, one build at a
// time at a lower CPU priority, or when someone asks for it (BuildLayout);
// its progress is in the analysis, and a stop resumes it at the next start. Each speaker's voice activity (Voice) is kept for
// showing who speaks when.
package analysis
