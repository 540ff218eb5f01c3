// Package teamhost lets the desktop console work against a remote team host
// (`interviewdesk serve` on a server) instead of the host embedded in the
// app, behind the one console API (docs/desktop.md, "A team host").
//
// Door is the http.Handler the desktop mounts on Wails' asset server. It
// serves the console's files from the embedded host always, and the console
// API (/api/…, the push stream included) from whichever host is chosen: the
// embedded one, or a team host, to which it forwards each request with the
// account's session. The page never holds that session: the door keeps the
// token in the data folder (mode 0600), takes it from the host's sign-in
// answers, strips it from what the page sees, and drops it when the host
// says the session ended (a 401, the stream's signed-out event) or the user
// signs out. Door also serves /desktop/team-host, where the console checks a
// team host's address, confirms its certificate and switches hosts.
//
// Trust: a team host's certificate is checked the usual way when a
// certificate authority the system trusts vouches for it; otherwise (a
// self-signed certificate) the person confirms its SHA-256 fingerprint once
// and the door pins it: any other certificate is refused from then on.
package teamhost
