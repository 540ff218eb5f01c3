// Package instance keeps one desktop app per data folder. The app that holds
// the folder listens on a socket in it (SocketFile, mode 0600); a later launch
// on the same folder finds it there, asks it to bring its window forward, and
// ends instead of failing on the data file's lock.
//
// # Basics
//
// Call Ask first: nil means another instance answered and was told to show
// itself. Otherwise open the data folder (whose lock makes this process the
// only one that gets past it) and Listen, which replaces a socket left behind
// by a crash.
//
// The protocol is one line each way over a Unix domain socket: "show\n" from
// the new launch, "ok\n" from the running app once it has been told. Unix
// sockets exist on Linux, macOS and Windows 10 (1803) and later.
//
// # Caveats
//
// A socket's path is limited to about 100 bytes; a data folder deeper than
// that gets no single-instance socket (Listen returns ErrPathTooLong and the
// app runs without it, still protected by the data file's lock).
package instance
