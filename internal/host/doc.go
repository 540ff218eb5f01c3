// Package host runs InterviewDesk's host on a data folder: it opens the store,
// builds the services and the web handler, listens, and announces itself in the
// folder so that other processes (the CLI) can find it instead of failing on the
// store's file lock.
//
// The announcement is host.json (mode 0600) beside the store: the host's URL and
// process ID. The console key (console.key, mode 0600) authenticates every
// console client; whoever can read the data folder is the console's owner.
package host
