package livekit

import (
	"fmt"
	"time"

	"github.com/livekit/protocol/auth"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// Sources a participant may publish (LiveKit's TrackSource names).
var publishSources = []string{"camera", "microphone", "screen_share", "screen_share_audio"}

// participantGrant is what a participant's token allows in room: join it,
// publish camera, microphone and screen, subscribe; no data, no metadata,
// no administration.
func participantGrant(room string) *auth.VideoGrant {
	yes, no := true, false
	return &auth.VideoGrant{RoomJoin: true, Room: room, CanPublish: &yes, CanSubscribe: &yes,
		CanPublishData: &no, CanUpdateOwnMetadata: &no, CanPublishSources: publishSources}
}

// recorderGrant lets the host's hidden participant subscribe to room and do
// nothing else.
func recorderGrant(room string) *auth.VideoGrant {
	yes, no := true, false
	return &auth.VideoGrant{RoomJoin: true, Room: room, Hidden: true, Recorder: true, CanSubscribe: &yes,
		CanPublish: &no, CanPublishData: &no, CanUpdateOwnMetadata: &no}
}

// tokenTTL is how long a token minted at now may last: until the
// participant's access ends, MaxTokenTTL at most.
func tokenTTL(now, until time.Time) (time.Duration, error) {
	ttl := MaxTokenTTL
	if !until.IsZero() {
		left := until.Sub(now)
		if left <= 0 {
			return 0, fmt.Errorf("token until %s: %w", until.UTC().Format(time.RFC3339), ErrExpired)
		}
		ttl = min(ttl, left)
	}
	return ttl.Truncate(time.Second), nil
}

// Token mints participant p's token for room, valid until until (zero:
// MaxTokenTTL); it returns the token and when it expires. The participant's
// role travels as the "role" attribute, which the room app reads.
func (b *Backend) Token(room string, p media.ParticipantInfo, until time.Time) (string, time.Time, error) {
	now := b.cfg.Now()
	ttl, err := tokenTTL(now, until)
	if err != nil {
		return "", time.Time{}, err
	}
	if p.ID == "" || p.ID == RecorderIdentity {
		return "", time.Time{}, fmt.Errorf("%w: participant ID %q", ErrInvalid, p.ID)
	}
	tok := auth.NewAccessToken(b.cfg.APIKey, b.cfg.APISecret).SetIdentity(p.ID).SetName(p.Name).
		SetValidFor(ttl).SetVideoGrant(participantGrant(room)).SetAttributes(map[string]string{"role": p.Role})
	jwt, err := tok.ToJWT()
	if err != nil {
		return "", time.Time{}, fmt.Errorf("token for %s in %s: %w", p.ID, room, err)
	}
	// The JWT's not-before is now and its expiry now+ttl, in whole seconds.
	return jwt, now.Add(ttl).Truncate(time.Second), nil
}

// recorderToken mints the hidden recording participant's token for room.
func (b *Backend) recorderToken(room string) (string, error) {
	tok := auth.NewAccessToken(b.cfg.APIKey, b.cfg.APISecret).SetIdentity(RecorderIdentity).SetName("Recording").
		SetValidFor(MaxTokenTTL).SetVideoGrant(recorderGrant(room))
	jwt, err := tok.ToJWT()
	if err != nil {
		return "", fmt.Errorf("recorder token for %s: %w", room, err)
	}
	return jwt, nil
}
