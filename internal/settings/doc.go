// Package settings keeps the install's preferences in the store: the organizer (the
// recruiter who owns this console and is every interview's first interviewer) and
// the default time zone for new interviews; the SMTP server invitations go
// through (mail.go); the optional remote code runner (runner.go); the engines of the
// analysis after an interview, offline or OpenAI-compatible services (analysis.go).
package settings
