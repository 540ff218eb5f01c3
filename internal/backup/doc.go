// Package backup writes and restores backups of a data folder.
//
// A backup is one ZIP archive: the data file as it was in one read
// transaction of the running host (store.DB.Snapshot, so the host keeps
// serving and writing meanwhile), a manifest (manifest.json: when, which
// release and schema, the data file's size and SHA-256, whether recordings
// are included), and with media the recording folders as they are (files
// still being written are left out).
//
// Restore replaces a data folder's data file with a backup's, and its
// recording folders when the backup holds them. It refuses while a host has
// the data folder open, checks the backup's data file with every check the
// store makes of a damaged file (and its checksum) before using it, and
// keeps the current files aside (NAME.before-restore-TIME) rather than
// deleting them. A plain data file (a copy of interviewdesk.db) is restored
// like an archive without media.
package backup
