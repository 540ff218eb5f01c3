package workspace

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"github.com/interviewdesk/interviewdesk/internal/collab"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The whiteboard: elements merged by the host (collab.Board) and pointers.

type boardRequest struct {
	Elements []json.RawMessage `json:"elements"`
}

type pointerRequest struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Button string  `json:"button"`
	Tool   string  `json:"tool"`
}

type boardMessage struct {
	Type     string            `json:"type"` // "board"
	Elements []json.RawMessage `json:"elements"`
}

type boardUpdates struct {
	Type     string            `json:"type"` // "board.updates"
	From     string            `json:"from"`
	Elements []json.RawMessage `json:"elements"`
}

type pointerMessage struct {
	Type   string  `json:"type"` // "pointer"
	From   string  `json:"from"`
	Name   string  `json:"name"`
	Color  string  `json:"color"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Button string  `json:"button"`
	Tool   string  `json:"tool"`
}

type gonePointer struct {
	Type string `json:"type"` // "pointer"
	From string `json:"from"`
	Gone bool   `json:"gone"`
}

func boardOn(sess *room.Session) error {
	if !sess.Interview.Tools.Whiteboard {
		return fault.Explain(fault.Conflict, ErrToolOff, "the whiteboard is switched off for this interview")
	}
	return admitted(sess)
}

// boardPush merges a member's changed elements; what the host accepted is
// stored and sent to the others.
func (f *Feature) boardPush(ctx context.Context, sess *room.Session, msg room.Message) error {
	if len(msg.Raw) > collab.MaxBoardPushBytes {
		return fault.Explain(fault.Invalid, nil,
			fmt.Sprintf("this drawing change is too large to share (over %d KiB)", collab.MaxBoardPushBytes>>10))
	}
	if err := boardOn(sess); err != nil {
		return err
	}
	var req boardRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	return f.with(sess, func(sp *space) error {
		accepted, err := sp.board.Check(req.Elements)
		if err != nil || len(accepted) == 0 {
			return err
		}
		if _, err := sess.Append(ctx, room.TypeBoardChanged, room.BoardData{Elements: accepted}); err != nil {
			return err
		}
		if _, err := sp.board.Merge(accepted); err != nil {
			return fmt.Errorf("apply stored board change: %w", err)
		}
		broadcast(sess, DocMain, boardUpdates{Type: "board.updates", From: sess.Member.ID, Elements: accepted},
			sess.Member)
		return nil
	})
}

// pointer forwards a member's pointer on the board to the others.
func (f *Feature) pointer(_ context.Context, sess *room.Session, msg room.Message) error {
	if err := boardOn(sess); err != nil {
		return err
	}
	var req pointerRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	finite := !math.IsNaN(req.X) && !math.IsInf(req.X, 0) && !math.IsNaN(req.Y) && !math.IsInf(req.Y, 0)
	if !finite || (req.Button != "up" && req.Button != "down") || (req.Tool != "pointer" && req.Tool != "laser") {
		return fault.Explain(fault.Invalid, nil, "a pointer has finite x and y, button up or down, tool pointer or laser")
	}
	m := sess.Member
	broadcast(sess, DocMain, pointerMessage{Type: "pointer", From: m.ID, Name: m.Name, Color: colorOf(m),
		X: req.X, Y: req.Y, Button: req.Button, Tool: req.Tool}, m)
	return nil
}
