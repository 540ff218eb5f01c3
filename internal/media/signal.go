package media

import "time"

// Signal is the way back to one participant's browser: the host's WebSocket
// layer implements it. Send is called from one goroutine per participant, in
// order; it should queue the message rather than block for long, because
// that participant's negotiation waits for it.
type Signal interface {
	Send(msg SignalMessage) error
}

// MessageType names a signaling message. The protocol is described in doc.go.
type MessageType string

// Message types. "from browser" and "from host" say who may send them.
const (
	// MsgConfig (from host, first message): ICE servers for RTCPeerConnection.
	MsgConfig MessageType = "config"
	// MsgOffer (both ways): an SDP offer. From the browser it may carry Tracks
	// to label what it publishes.
	MsgOffer MessageType = "offer"
	// MsgAnswer (both ways): the SDP answer to the last offer.
	MsgAnswer MessageType = "answer"
	// MsgCandidate (both ways): one trickled ICE candidate.
	MsgCandidate MessageType = "candidate"
	// MsgRestart (from browser): asks the host to send an ICE-restart offer.
	MsgRestart MessageType = "restart"
	// MsgTrackInfo (both ways): labels tracks. From the browser: the source of
	// each track it publishes. From the host: who and what each forwarded track
	// is; it always precedes the offer that carries those tracks.
	MsgTrackInfo MessageType = "track-info"
	// MsgTrackEnded (from host): forwarded tracks that went away; it precedes
	// the offer that removes them.
	MsgTrackEnded MessageType = "track-ended"
	// MsgError (from host): a message could not be applied; Error says why.
	MsgError MessageType = "error"
)

// SignalMessage is one JSON signaling message, in either direction.
type SignalMessage struct {
	Type       MessageType   `json:"type"`
	SDP        string        `json:"sdp,omitempty"`
	Candidate  *ICECandidate `json:"candidate,omitempty"`
	Tracks     []TrackInfo   `json:"tracks,omitempty"`
	ICEServers []ICEServer   `json:"iceServers,omitempty"`
	// Server (in MsgConfig from an external backend) is where the browser
	// connects instead of signalling with the host, and with which token.
	Server *ServerAccess `json:"server,omitempty"`
	Error  string        `json:"error,omitempty"`
}

// ServerAccess is an external media server's address and one participant's
// credentials for it.
type ServerAccess struct {
	Kind  string `json:"kind"` // "livekit"
	URL   string `json:"url"`
	Token string `json:"token"`
	// Expires is when Token stops admitting a connection.
	Expires time.Time `json:"expires"`
}

// ICECandidate is RTCIceCandidateInit: what RTCIceCandidate.toJSON() gives
// and RTCPeerConnection.addIceCandidate() takes.
type ICECandidate struct {
	Candidate        string  `json:"candidate"`
	SDPMid           *string `json:"sdpMid,omitempty"`
	SDPMLineIndex    *uint16 `json:"sdpMLineIndex,omitempty"`
	UsernameFragment *string `json:"usernameFragment,omitempty"`
}

// ICEServer is RTCIceServer: a STUN or TURN server for the browser.
type ICEServer struct {
	URLs       []string `json:"urls"`
	Username   string   `json:"username,omitempty"`
	Credential string   `json:"credential,omitempty"`
}

// Kind is a track's media kind, as MediaStreamTrack.kind.
type Kind string

// Media kinds.
const (
	KindAudio Kind = "audio"
	KindVideo Kind = "video"
)

// Source says what a track shows, so that receivers can tell a camera from a
// shared screen.
type Source string

// Track sources.
const (
	SourceCamera      Source = "camera"
	SourceMicrophone  Source = "microphone"
	SourceScreen      Source = "screen"
	SourceScreenAudio Source = "screen-audio"
)

func (s Source) valid() bool {
	switch s {
	case SourceCamera, SourceMicrophone, SourceScreen, SourceScreenAudio:
		return true
	}
	return false
}

// TrackInfo describes a track. From the browser only TrackID (the
// MediaStreamTrack.id) or Mid (its transceiver's mid), and Source, matter.
// From the host every field is set: TrackID and StreamID are the msid the
// browser sees (event.streams[0].id is StreamID), Mid is the transceiver's mid
// (event.transceiver.mid).
type TrackInfo struct {
	TrackID         string `json:"trackId,omitempty"`
	StreamID        string `json:"streamId,omitempty"`
	Mid             string `json:"mid,omitempty"`
	Kind            Kind   `json:"kind,omitempty"`
	Source          Source `json:"source,omitempty"`
	Codec           string `json:"codec,omitempty"`
	ParticipantID   string `json:"participantId,omitempty"`
	ParticipantName string `json:"participantName,omitempty"`
}
