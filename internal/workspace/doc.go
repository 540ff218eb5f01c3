// Package workspace is the technical workspace of an interview room: the
// shared code editor and the interviewers' scratch pad (CodeMirror collab with
// the host as authority), the whiteboard, running code, and the activity the
// candidate's browser reports (pastes, leaving the tab).
//
// It is a room feature (room.Feature): its messages arrive on the room
// channel (docs/room-protocol.md, "Workspace"), every change it accepts is an
// event in the interview's log before anyone hears of it, and the documents
// and the board are rebuilt from that log after a restart. Candidate
// connections never receive the scratch pad, its runs or the activity.
package workspace
