// Package livekit is the host's second media backend: calls on a LiveKit
// server or cluster (https://docs.livekit.io) instead of the embedded SFU,
// for teams whose interviews outgrow one host.
//
// The host keeps everything but the media: who may join and when (waiting
// room, lock), the plan, questions, secrecy and the event log. When a member
// joins the call (and only then: a candidate once admitted), Backend.Join
// mints that participant a token of their own and sends it to the browser in
// the call's first signalling message, with the server's address; the
// browser then connects to LiveKit directly (livekit-client).
//
// # Tokens
//
// A token is a JWT signed with the API secret (RFC 7519, LiveKit's
// protocol/auth). It names one room (the interview's ID) and one identity
// (the participant's stable ID, so a second tab replaces the first). Every
// participant may publish only a camera, a microphone and a screen share
// (with its audio), subscribe, and nothing else: no data messages, no
// metadata changes, no room administration. It expires when the
// participant's access to the interview does (JoinOptions.Until), and after
// MaxTokenTTL at the latest; LiveKit refreshes the token of a connected
// participant itself, so removal is explicit: Backend.Remove
// (RoomService.RemoveParticipant) for a participant taken off the
// interview, Backend.CloseRoom (RoomService.DeleteRoom) when it ends or is
// cancelled.
//
// A token cannot be revoked, so the host keeps a hidden participant in every
// room with a call (a recorder token: subscribe only, invisible to the
// others), joined with LiveKit's Go SDK on pion; it removes anyone the host
// no longer admits (Config.Admits) as they connect.
//
// # Recording
//
// While a room records, the hidden participant subscribes to every track
// and hands each it receives to a recording-only media.SFU
// (media.SFU.RecordTrack): the same per-track WebM files under the same room
// folder, the same finalising, recording switch and crash recovery, so
// transcripts, analysis and reports read a LiveKit call's recording as they
// read an embedded one. While it does not record, it subscribes to nothing.
package livekit
