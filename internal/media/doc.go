// Package media is InterviewDesk's media host: a selective forwarding unit
// (SFU) built on pion/webrtc. Every browser holds one RTCPeerConnection to
// the host; the host forwards each incoming track to the room's other
// participants and records it to its own WebM file as it arrives.
//
// # Basics
//
// The caller binds the sockets and hands them over (like http.Server.Serve
// with a listener), so a busy port fails before anything starts and one UDP
// port serves every peer:
//
//	conn, _ := net.ListenPacket("udp4", "203.0.113.7:7882")
//	sfu, err := media.New(media.Config{ICEConn: conn, RecordDir: dir, OnEvent: onEvent}, log)
//	err = sfu.Start(ctx)
//	defer sfu.Close() // closes every room, finalises recordings, closes conn
//
// Per WebSocket connection of a participant:
//
//	p, err := sfu.Room(roomID).Join(ctx, media.ParticipantInfo{ID: id, Name: name, Role: role},
//		ws /* implements media.Signal */, media.JoinOptions{ICEServers: turnForThisParticipant})
//	for msg := range messagesFromBrowser {
//		_ = p.HandleSignal(msg) // errors.Is(err, media.ErrInvalid): a bad message
//	}
//	p.Leave() // when the WebSocket ends for good (or keep it for a reconnect)
//
// Room.Close ends a call for everyone and waits until every recording is
// finalised; SFU.Recordings lists a room's files, SFU.SetRecording and
// SFU.DiscardRecordings switch a room's recording (see Recording).
//
// SFU satisfies Backend (Join, Remove, CloseRoom and the Recorder: Recordings
// and the switch) and *Participant satisfies Session (HandleSignal, Leave):
// what the host needs of any media server. The second backend, package
// media/livekit, puts calls on a LiveKit server: its Join sends the browser a
// MsgConfig with the server's address and a token (ServerAccess) instead of
// ICE servers, and its recording participant hands each track it receives to
// an SFU built without an ICE socket, which only records (RecordTrack): the
// same files, index, finalising and switch.
//
// JoinOptions.Hold joins a participant held (a candidate on the device
// check or in the waiting room): its connection comes up and no media goes
// either way, while the audio and video of its first offer are offered to
// the others ahead, silent, and theirs to it. Participant.Admit lets the
// media flow on the connections there are, with no renegotiation at either
// end (see hold.go).
//
// A second Join with the same participant ID replaces the first (the older
// session leaves with ReasonReplaced): a reloaded page or a second tab takes
// over. Rooms hold at most Config.MaxParticipants (default 6).
//
// # Signaling protocol (what the browser implements)
//
// Messages are JSON objects with a "type" (SignalMessage). The browser is the
// polite peer of W3C "perfect negotiation"; the host is impolite. Sequence:
//
//	host    → browser  {"type":"config","iceServers":[{"urls":[...],"username":"…","credential":"…"}]}
//	browser            new RTCPeerConnection({iceServers, bundlePolicy:"max-bundle"}); addTrack(...)
//	browser → host     {"type":"offer","sdp":"…","tracks":[{"trackId":"<MediaStreamTrack.id>","source":"camera"}, …]}
//	host    → browser  {"type":"answer","sdp":"…"}
//	both ways          {"type":"candidate","candidate":{"candidate":"…","sdpMid":"0","sdpMLineIndex":0}}  (trickle)
//	                   … ICE + DTLS connect; media flows browser → host …
//	host    → browser  {"type":"track-info","tracks":[{"trackId","streamId","mid","kind","source","codec","participantId","participantName"}]}
//	host    → browser  {"type":"offer","sdp":"…"}          other participants' tracks
//	browser → host     {"type":"answer","sdp":"…"}
//	                   … later, whenever tracks come or go, on either side …
//	host    → browser  {"type":"track-ended","tracks":[{"trackId","streamId","mid",…}]} then an offer
//	browser → host     {"type":"offer",…,"tracks":[…]}     e.g. screen share added (browser renegotiates)
//	browser → host     {"type":"restart"}                   host answers with an ICE-restart offer
//	host    → browser  {"type":"error","error":"…"}         a message could not be applied
//
// Rules for the browser:
//
//   - Create the RTCPeerConnection when "config" arrives, with its
//     iceServers. The first offer must contain at least one m-line: add the
//     tracks to publish, or recvonly audio and video transceivers when
//     publishing nothing (an offer without media is rejected).
//   - Label every published track: send "tracks" with the offer (or a
//     "track-info" message before it), each {trackId: track.id, source}
//     where source is "camera", "microphone", "screen" or "screen-audio";
//     the transceiver's "mid" may be given instead of trackId. Unlabelled
//     video counts as camera, unlabelled audio as microphone. Put camera and
//     microphone in one MediaStream and the screen in another (addTrack(track,
//     stream)); switch devices with RTCRtpSender.replaceTrack, which needs no
//     renegotiation and keeps forwarding and recording going.
//   - Perfect negotiation, polite side: on negotiationneeded set makingOffer,
//     setLocalDescription(), send the offer with labels. On an incoming offer
//     while makingOffer or signalingState != "stable", roll back (implicit in
//     setRemoteDescription(offer) in current browsers), apply it, answer; the
//     browser's own change is offered again afterwards by negotiationneeded.
//     The host never answers an offer that collides with its own: it ignores
//     it and waits for the answer to its offer.
//   - Apply candidates with addIceCandidate in arrival order; ignore errors
//     for candidates of an offer that was rolled back. Send every local
//     candidate (null end-of-candidates needs no message).
//   - Identify remote tracks in ontrack by event.transceiver.mid, which
//     equals "mid" in the latest "track-info" for it; group by
//     event.streams[0].id ("streamId": one stream per participant's camera
//     and microphone, another for the screen). "track-info" always arrives
//     before the offer that adds the track, "track-ended" before the offer
//     that removes it; a mid may be reused by a later track.
//   - ICE restart: call pc.restartIce() (the browser then offers with new
//     credentials) or send {"type":"restart"} (the host offers). The host
//     itself sends an ICE-restart offer when the connection fails. Tracks,
//     forwarding and recordings carry on across a restart. A connection that
//     stays disconnected or failed for Config.DisconnectTimeout is removed; a
//     new Join with the same ID (a reload, a new WebSocket) starts afresh.
//
// The host's offers and answers carry x-google-start-bitrate (Config.StartBitrate)
// in the VP8/VP9 format parameters: Chrome then starts its bandwidth estimate
// there instead of at 300 kbit/s.
//
// Offers and answers follow JSEP (RFC 8829, https://www.rfc-editor.org/rfc/rfc8829);
// the glare handling is the W3C perfect negotiation example
// (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example).
//
// # Media
//
// Codecs: VP8 (payload type 96), VP9 profile 0 (98, only with Config.VP9)
// and Opus (111, stereo, in-band FEC). RTCP: NACK both ways (the host asks
// publishers to retransmit and answers viewers' NACKs from its own buffer),
// sender/receiver reports, transport-wide congestion control feedback
// (transport-cc) for the browsers' bandwidth estimation, and keyframe
// requests: a PLI to the publisher whenever a viewer subscribes, when a
// viewer's connection comes up, when a viewer asks (PLI/FIR, at most one per
// 500 ms per track), and every Config.KeyframeInterval (default 3 s). No
// simulcast and no RTX: every viewer gets the publisher's one stream.
//
// Each incoming track is read once and written to one TrackLocalStaticRTP
// bound to every viewer. Header extensions are stripped on the way (their IDs
// were negotiated with the publisher, not the viewer).
//
// # Recording
//
// With Config.RecordDir set, every incoming track goes to
// RecordDir/<room>/<participant>-<source>-<n>.webm (IDs reduced to
// [A-Za-z0-9._-]; n counts up from 1 and never overwrites), written as a live
// WebM stream (segment and clusters of unknown size) from a jitter-tolerant
// frame assembler: the file starts at the first keyframe, frames are timed
// from RTP timestamps, and a cluster starts at each video keyframe. What is
// recorded reaches the file at least every 250 ms, in one write, so a file
// cut off by a crash plays up to a quarter of a second before it. A "<file>.part" marker
// sits beside a file while it is being written. When the track ends (the
// participant leaves, the browser stops it, the room closes) the file is
// remuxed with "ffmpeg -i in.webm -c copy -f webm" to add duration and cues
// (seeking) and atomically renamed over the original; Start does the same for
// files whose marker a crash left behind. Recording.Duration comes from
// ffprobe. Without ffmpeg, files stay playable but not seekable.
//
// Recording is switched per room (SFU.SetRecording), on by default: off
// stops and finalises every recording of the room at once and records
// nothing more of it until switched on again, which records every track
// anew from its next keyframe. SFU.DiscardRecordings switches it off and
// deletes the room's files, for a participant who declines being recorded
// after the call already began (the host applies a candidate's consent so).
//
// # Events
//
// Config.OnEvent receives, in order and from one goroutine:
// participant-joined, participant-left (Reason: leave, replaced, timeout,
// room-closed), connection-state (new … connected … failed, closed, with time
// since Join), track-published / track-unpublished (TrackInfo with kind and
// source), first-rtp (time from Join to the first RTP packet of each track:
// the join-time benchmark's "first RTP at the host"), ice-restart (Reason:
// requested or failed), recording-finalised and error.
//
// # Caveats
//
//   - ICE candidates are host candidates on the UDP mux's address (and the
//     TCP listener's), rewritten to Config.PublicIPs when set. Browsers behind
//     NAT reach them directly or through TURN; the TURN relay must then allow
//     relaying to the host's own address, even when it is private or loopback.
//   - pion cannot roll back a local offer, so a Go (pion) client cannot be the
//     polite peer on real glare; browsers can.
//   - One publisher's congestion limits nobody else: there is no per-viewer
//     bitrate adaptation without simulcast.
package media
