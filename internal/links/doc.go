// Package links owns the capability links of InterviewDesk: the unguessable
// tokens in the URLs sent to people (a candidate's join link, an interviewer's
// room link, and later a campaign's shared registration link and a report's
// results link), what each token stands for, and the URLs built from the
// host's public URL.
//
// A token is 128 random bits (base64url, 22 characters). Holding it is the
// whole authorisation, so tokens are issued, looked up and revoked only here,
// inside the caller's store transaction: a token and the change it belongs to
// (a new interview, a removed interviewer) commit together.
//
// Each link names a participant: a stable ID for the person in the interview,
// issued once with the link and kept when their name changes, so recordings,
// events and media all say who was who.
package links
