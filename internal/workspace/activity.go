package workspace

import (
	"context"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Activity signals: what the candidate's browser reports about pastes and
// leaving the interview tab. They are stored and shown to interviewers only.

type activityRequest struct {
	Kind     string `json:"kind"` // paste, blur, focus
	Doc      string `json:"doc"`
	Length   int    `json:"length"`
	External bool   `json:"external"`
}

// activity records a candidate's paste or tab change. Interviewers' browsers
// report too (the same page code runs for them); theirs is not recorded.
func (f *Feature) activity(ctx context.Context, sess *room.Session, msg room.Message) error {
	var req activityRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if sess.Member.Role != room.RoleCandidate {
		return nil
	}
	st, _, err := sess.State()
	if err != nil {
		return err
	}
	if st.Phase == room.PhaseWaiting || st.Phase == room.PhaseEnded {
		return nil // the interview is not going on: nothing to tell
	}
	return f.with(sess, func(sp *space) error {
		var err error
		switch req.Kind {
		case "paste":
			if req.Doc != DocMain || req.Length < 0 || req.Length > 2_000_000 {
				return fault.Explain(fault.Invalid, nil, "a paste names the shared document and a length")
			}
			_, err = sess.Append(ctx, room.TypePasted, room.PasteData{Doc: req.Doc, Length: req.Length,
				External: req.External})
		case "blur":
			if !sp.awaySince.IsZero() {
				return nil
			}
			var e room.Event
			if e, err = sess.Append(ctx, room.TypeFocusLeft, nil); err == nil {
				sp.awaySince = e.At
			}
		case "focus":
			if sp.awaySince.IsZero() {
				return nil
			}
			away := f.cfg.Now().Sub(sp.awaySince).Milliseconds()
			if _, err = sess.Append(ctx, room.TypeFocusReturned, room.FocusData{AwayMS: max(away, 0)}); err == nil {
				sp.awaySince = time.Time{}
			}
		default:
			return fault.Explain(fault.Invalid, nil, fmt.Sprintf("unknown activity %q", req.Kind))
		}
		if err != nil {
			return err
		}
		sess.BroadcastState()
		return nil
	})
}
