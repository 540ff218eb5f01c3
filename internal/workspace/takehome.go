package workspace

import (
	"context"
	"fmt"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// A take-home assessment brought into the room (interviews.Interview's
// TakehomeID): the interviewers receive the result, scores and code, as they
// join; the candidate's connection never does. An interviewer may open a
// task's code in the shared editor (the candidate then sees that code, as
// any edit) or in the interviewers' scratch pad.

// Takehome finds the take-home results interviews bring into their rooms.
type Takehome interface {
	Result(id string) (candidates.Result, error)
}

type takehomeMessage struct {
	Type   string            `json:"type"` // "takehome"
	Result candidates.Result `json:"result"`
}

type takehomeRequest struct {
	Doc  string `json:"doc"`
	Task int    `json:"task"`
}

// takehome returns the result the session's interview brings; ok is false
// when it brings none.
func (f *Feature) takehome(sess *room.Session) (candidates.Result, bool, error) {
	id := sess.Interview.TakehomeID
	if id == "" || f.cfg.Takehome == nil {
		return candidates.Result{}, false, nil
	}
	r, err := f.cfg.Takehome.Result(id)
	return r, err == nil, err
}

// sendTakehome sends an interviewer the interview's take-home result.
func (f *Feature) sendTakehome(sess *room.Session) {
	if sess.Member.Role != room.RoleInterviewer {
		return
	}
	r, ok, err := f.takehome(sess)
	if err != nil {
		f.cfg.Logger.Warn("take-home result of the room", "interview", sess.Member.InterviewID, "err", err)
	}
	if ok {
		_ = sess.Send(takehomeMessage{Type: "takehome", Result: r})
	}
}

// codeTakehome opens a take-home task's code in a document, replacing its
// text; interviewers only.
func (f *Feature) codeTakehome(ctx context.Context, sess *room.Session, msg room.Message) error {
	var req takehomeRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if sess.Member.Role != room.RoleInterviewer {
		return fault.Explain(fault.Permission, room.ErrForbidden, "only interviewers open the take-home code")
	}
	if err := mayUse(sess, req.Doc); err != nil {
		return err
	}
	r, ok, err := f.takehome(sess)
	switch {
	case err != nil:
		return fault.Explain(fault.Unavailable, err, "the take-home results cannot be read now; try again")
	case !ok:
		return fault.Explain(fault.NotFound, nil, "this interview has no take-home results")
	case req.Task < 0 || req.Task >= len(r.Tasks):
		return fault.Explain(fault.NotFound, nil, fmt.Sprintf("the take-home assessment has no task %d", req.Task+1))
	}
	t, task := r.Tasks[req.Task], req.Task
	return f.replace(ctx, sess, req.Doc, t.Code, string(t.EditorLanguage), origin{takehome: &task})
}
