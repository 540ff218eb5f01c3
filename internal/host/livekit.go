package host

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/media/livekit"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Calls on a LiveKit server: the host mints each participant's token as they
// join the call, records through a hidden participant into a recording-only
// SFU, and runs no ICE port and no relay of its own (LiveKit has its own
// TURN). Serve's flags win over the settings' media server; either is read
// as the host starts.

// liveKitOf is the LiveKit server calls go to: the flags', else the
// settings' media server, else none.
func liveKitOf(flags LiveKit, st *settings.Service) (LiveKit, error) {
	if flags.URL != "" {
		return flags, nil
	}
	m, err := st.MediaServer()
	if err != nil {
		return LiveKit{}, err
	}
	return LiveKit{URL: m.LiveKitURL, APIKey: m.APIKey, APISecret: m.APISecret}, nil
}

// newLiveKitCall builds the call on LiveKit server lk.
func (h *Host) newLiveKitCall(lk LiveKit, ivs interviewSource) (*call, error) {
	sfu, err := media.New(media.Config{RecordDir: filepath.Join(h.cfg.DataDir, RecordingDir), OnEvent: h.onMediaEvent, Now: h.now},
		h.log.With("part", "media"))
	if err != nil {
		return nil, fmt.Errorf("media recorder: %w", err)
	}
	turn := turnScope{interviews: ivs, now: h.now}
	b, err := livekit.New(livekit.Config{URL: lk.URL, APIKey: lk.APIKey, APISecret: lk.APISecret, Recorder: sfu, Now: h.now,
		Admits: turn.admits}, h.log.With("part", "livekit"))
	if err != nil {
		_ = sfu.Close()
		return nil, fmt.Errorf("LiveKit (--livekit-url or Settings → Media server): %w", err)
	}
	cfg := h.cfg.Media
	h.log.Info("calls run on LiveKit", "url", b.URL())
	return &call{backend: b, sfu: sfu, lk: b, turn: turn, extra: cfg.ExtraICE,
		external: cfg.ExternalTURN, extSecret: cfg.ExternalTURNSecret, log: h.log, sessions: sessions{m: map[string]media.Session{}},
		discarded: func(id string) { h.push.Publish(push.Event{Type: push.Recordings, InterviewID: id}) }}, nil
}

// admits tells whether identity may be in the LiveKit room of interview
// room: a participant of it while it is on (the relay's rule).
func (s turnScope) admits(room, identity string) bool {
	iv, err := s.interviews.Get(room)
	return err == nil && refusal(iv, links.ParticipantID(identity), s.now()) == nil
}

// kind names the call's backend for the room app's welcome.
func (c *call) kind() string {
	if c.lk != nil {
		return "livekit"
	}
	return "embedded"
}

// callHook is an interviews.Hook that, once a change committed, takes the
// people it removed from the interview out of its call, and ends the call of
// an interview no longer scheduled (cancelled), at once.
func (h *Host) callHook() interviews.Hook {
	return func(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
		if before == nil || h.call == nil {
			return nil
		}
		gone := removed(*before, after)
		over := after.Status != interviews.Scheduled
		if len(gone) == 0 && !over {
			return nil
		}
		c := h.call
		tx.OnCommit(func() {
			c.evictions.Add(1)
			go func() {
				defer c.evictions.Done()
				c.evict(after.ID, gone, over)
			}()
		})
		return nil
	}
}

// removed are the participants of before that after no longer has.
func removed(before, after interviews.Interview) []links.ParticipantID {
	now := after.ParticipantNames()
	var out []links.ParticipantID
	for p := range before.ParticipantNames() {
		if _, ok := now[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}

// evict removes participants from interview's call, or ends the call.
func (c *call) evict(interview string, gone []links.ParticipantID, over bool) {
	if over {
		if err := c.backend.CloseRoom(interview); err != nil {
			c.log.Warn("end the call of an interview no longer on", "interview", interview, "err", err)
		}
		return
	}
	for _, p := range gone {
		if err := c.backend.Remove(context.Background(), interview, string(p)); err != nil {
			c.log.Warn("remove from the call", "interview", interview, "participant", p, "err", err)
		} else {
			c.log.Info("removed from the call", "interview", interview, "participant", p)
		}
	}
}
