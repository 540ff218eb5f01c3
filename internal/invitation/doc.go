// Package invitation composes what each person is sent about an interview: the
// "full invitation" text to paste anywhere, the email (subject, plain text, HTML)
// and the calendar event (package calendar), for the candidate and for each
// interviewer.
//
// Each recipient gets only their own link: the candidate the candidate link,
// each interviewer their own interviewer link. Times are written in the
// interview's zone with its UTC offset; the attached calendar event shows them
// in each recipient's own zone.
//
// Mailer is the interviews.Hook that queues the emails a change calls for, in
// the change's own transaction, each outbox entry tagged with its Kind. Service
// answers the console: the text, the calendar file, an interview's emails, the
// email settings (without the password), resending, sending again and test
// emails. Every decision about invitations lives here; the HTTP host only
// frames the answers.
package invitation
