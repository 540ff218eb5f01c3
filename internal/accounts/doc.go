// Package accounts keeps the people who sign in to a team host: their
// accounts, passwords, password links and sessions.
//
// # Basics
//
// An admin invites someone by email, name and role (Invite). The account
// has no password yet: a password-setup link is mailed to them through the
// outbox, in the same transaction that stores the account and the link, so
// one never exists without the other. Following the link they choose a
// password (SetPassword) and are signed in. Later they sign in with email
// and password (SignIn); "Forgot password?" mails a reset link of the same
// kind (RequestReset), never telling whether the address has an account.
//
// Roles (Role): an admin manages users and settings and may do everything a
// recruiter may; a recruiter does everything about interviews, candidates and
// templates; an interviewer sees only the interviews they are an interviewer
// of, and those interviews' results. The web layer enforces them per route.
//
// # Secrets
//
// Passwords are hashed with Argon2id (RFC 9106) in the PHC string format, so
// the parameters travel with each hash and can be raised later. Password
// links and sessions are random tokens (128 and 256 bits); only their
// SHA-256 digest is stored, so a copy of the data file opens no account. A
// password link works once and for LinkLifetime; issuing a new one ends the
// older ones.
//
// # Sessions
//
// A session ends after SessionIdle without use, SessionMaxAge after it began,
// on sign-out, and for every session of the account at once when its
// password or role changes or it is removed. Revoked is then called with the
// account's ID, so open push streams of that account can end too.
//
// # Limits
//
// Failed sign-ins are limited per address and per account (Limits), and so
// are reset mails per address and per account, so passwords cannot be
// guessed quickly nor an inbox flooded.
package accounts
