// Package collab holds the collaborative documents of a room: the code
// documents, with CodeMirror's collab extension as the protocol and the host
// as the authority, and the Excalidraw whiteboard's element set.
//
// # Code documents
//
// A Doc orders and keeps the updates of one document (@codemirror/collab's
// authority role): a push names the version the browser is synced to; it is
// accepted whole when that is the current version and every update fits the
// text, or refused whole (ErrStale when other updates came first, so the
// browser rebases and pushes again). The host applies each accepted update to
// its own copy of the text, so late joiners, code runs and playback read the
// text from the host, never from a browser.
//
// Changes travel as ChangeSet.toJSON() of @codemirror/state (see ChangeSet).
// Offsets and lengths count UTF-16 code units, as JavaScript strings do, so
// Text stores UTF-16 and keeps even a lone surrogate a browser may have left,
// writing it back as a \uXXXX escape the way JSON.stringify does.
// testdata/changesets.json holds cases computed by CodeMirror itself that the
// tests replay (testdata/gen-changesets.mjs says how to make it again).
//
// # Whiteboard
//
// A Board keeps Excalidraw elements by id with Excalidraw's reconcile rule:
// the higher version wins, an equal version goes to the lower versionNonce.
// The host reads only the fields that rule needs and keeps each element's JSON
// as the browser sent it. Images (and their files) are refused.
//
// # Caveats
//
// Doc and Board are safe for concurrent use but do no I/O: storing accepted
// updates in the interview log and replaying them after a restart (NewDoc or
// RestoreDoc from a stored snapshot, then Doc.Accept; Board.Merge) is the
// caller's part, as is the 512 KiB (MaxPushBytes) and
// 256 KiB (MaxBoardPushBytes) limits on a whole message's JSON.
package collab
