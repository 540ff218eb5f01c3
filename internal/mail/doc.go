// Package mail sends InterviewDesk's email: invitations with their calendar
// invitation as RFC 6047 iMIP, and a test message for the settings screen. Every
// outgoing message goes through a durable outbox in the bbolt store.
//
// # Basics
//
// Settings describe the SMTP server (STARTTLS, implicit TLS, or no TLS on
// loopback only). NewSMTP checks them and returns an SMTP sender built on
// github.com/wneessen/go-mail. A Message is one email to one person: text, HTML
// and, for invitations, a Calendar part. The sender writes it as
//
//	multipart/mixed
//	    multipart/alternative
//	        text/plain; charset=UTF-8
//	        text/html; charset=UTF-8
//	        text/calendar; method=REQUEST; charset=UTF-8   (RFC 6047 section 2.4)
//	    application/ics; name="invite.ics"                 (attachment, same bytes)
//
// Names and subjects are RFC 2047 encoded; line breaks in them, control
// characters, and names longer than MaxNameLength are refused with a
// validation.Errors naming the field, so no input can add a header.
//
// # Outbox
//
// Outbox.Enqueue (or EnqueueTx, inside the caller's own transaction) stores the
// message before anything is sent, under a key from the outbox bucket's
// NextSequence. A worker (Start/Close) delivers queued messages in order. A
// transient failure (connection refused, timeout, a 4xx reply, no settings yet)
// schedules a retry with exponential backoff (30 s, 1 min, 2 min, ... capped at
// 1 h, configurable); a permanent one (a 5xx reply, a message that can never be
// valid) ends in state failed with the server's reply as LastError. Resend puts a
// failed or sent message back in the queue. Enqueue wakes the worker at once.
//
// # Exactly once, and the ambiguous case
//
// Before talking to the server the worker commits state "sending"; after the
// server accepted the end of DATA it commits "sent". A message is therefore sent
// twice only if the process dies between the server's acceptance and that
// commit. On Start, a message found in "sending" is that ambiguous case: the
// server may or may not have accepted it, and nothing here can find out. The
// outbox chooses to send it again rather than risk losing an invitation, with
// the same Message-ID header, so a duplicate is recognisable (mail stores and
// clients can drop it) and the calendar part is idempotent anyway: a calendar
// client applies a REQUEST with a UID and SEQUENCE it already holds as a no-op.
// A deliberate Resend uses a new Message-ID, since the person asked for a copy.
//
// # Caveats
//
// The password is never logged: Settings implements slog.LogValuer, fmt.Stringer
// and fmt.GoStringer without it. Settings themselves are stored by the caller.
//
// References: RFC 5321 (SMTP), RFC 5322 (message format), RFC 2047 (encoded
// words), RFC 6047 (iMIP, https://www.rfc-editor.org/rfc/rfc6047).
package mail
