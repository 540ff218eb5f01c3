package workspace

import (
	"context"
	"fmt"

	"github.com/interviewdesk/interviewdesk/internal/collab"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The code documents: pushes and pulls of CodeMirror collab updates, the
// language picker, starter code and cursors.

type pushRequest struct {
	Doc     string          `json:"doc"`
	Version int             `json:"version"`
	Updates []collab.Update `json:"updates"`
}

type pullRequest struct {
	Doc     string `json:"doc"`
	Version int    `json:"version"`
}

type languageRequest struct {
	Doc      string `json:"doc"`
	Language string `json:"language"`
}

type starterRequest struct {
	Doc      string `json:"doc"`
	Question int    `json:"question"`
}

type cursorRequest struct {
	Doc    string `json:"doc"`
	Anchor int    `json:"anchor"`
	Head   int    `json:"head"`
}

type codeMessage struct {
	Type string `json:"type"` // "code"
	collab.Snapshot
}

type updatesMessage struct {
	Type    string          `json:"type"` // "code.updates"
	Doc     string          `json:"doc"`
	Version int             `json:"version"`
	Updates []collab.Update `json:"updates"`
}

type languageMessage struct {
	Type     string `json:"type"` // "code.language"
	Doc      string `json:"doc"`
	Language string `json:"language"`
	By       string `json:"by"`
}

type cursorMessage struct {
	Type   string `json:"type"` // "cursor"
	Doc    string `json:"doc"`
	From   string `json:"from"`
	Name   string `json:"name"`
	Color  string `json:"color"`
	Anchor int    `json:"anchor"`
	Head   int    `json:"head"`
}

type goneCursor struct {
	Type string `json:"type"` // "cursor"
	Doc  string `json:"doc"`
	From string `json:"from"`
	Gone bool   `json:"gone"`
}

func snapshotMessage(d *collab.Doc) codeMessage {
	return codeMessage{Type: "code", Snapshot: d.Snapshot()}
}

// codePush accepts a client's updates when they are based on the current
// version: they are stored, then sent to everyone who sees the document.
func (f *Feature) codePush(ctx context.Context, sess *room.Session, msg room.Message) error {
	if len(msg.Raw) > collab.MaxPushBytes {
		return fault.Explain(fault.Invalid, nil,
			fmt.Sprintf("this change is too large to share (over %d KiB); paste it in smaller parts", collab.MaxPushBytes>>10))
	}
	var req pushRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if err := mayUse(sess, req.Doc); err != nil {
		return err
	}
	if err := admitted(sess); err != nil {
		return err
	}
	return f.with(sess, func(sp *space) error {
		return commit(ctx, sess, sp.docs[req.Doc], req.Version, req.Updates, origin{})
	})
}

// commit stores updates based on version in the log, then applies them and
// sends them to everyone who sees the document. A refused update changes
// nothing; sp.mu is held, so nothing comes in between.
func commit(ctx context.Context, sess *room.Session, doc *collab.Doc, version int, updates []collab.Update, from origin) error {
	accepted, err := doc.Check(version, updates)
	if err != nil {
		return err
	}
	data := room.CodeChangeData{Doc: doc.ID(), Version: version, Updates: fromCollab(accepted),
		Question: from.question, Takehome: from.takehome}
	if _, err := sess.Append(ctx, room.TypeCodeChanged, data); err != nil {
		return err
	}
	if _, err := doc.Push(version, accepted); err != nil {
		return fmt.Errorf("apply stored push: %w", err) // Check passed under the same lock
	}
	broadcast(sess, doc.ID(), updatesMessage{Type: "code.updates", Doc: doc.ID(), Version: version, Updates: accepted}, nil)
	return nil
}

// codePull answers a client that missed updates: the rest, or a snapshot
// when they are no longer kept.
func (f *Feature) codePull(_ context.Context, sess *room.Session, msg room.Message) error {
	var req pullRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if err := mayUse(sess, req.Doc); err != nil {
		return err
	}
	return f.with(sess, func(sp *space) error {
		doc := sp.docs[req.Doc]
		updates, err := doc.Since(req.Version)
		if err != nil {
			return sess.Send(snapshotMessage(doc))
		}
		if len(updates) == 0 {
			return nil
		}
		return sess.Send(updatesMessage{Type: "code.updates", Doc: req.Doc, Version: req.Version, Updates: updates})
	})
}

// codeLanguage sets a document's language for everyone.
func (f *Feature) codeLanguage(ctx context.Context, sess *room.Session, msg room.Message) error {
	var req languageRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if err := mayUse(sess, req.Doc); err != nil {
		return err
	}
	if err := collab.CheckLanguage(req.Language); err != nil {
		return err
	}
	return f.with(sess, func(sp *space) error {
		return f.setLanguage(ctx, sess, sp, req.Doc, req.Language)
	})
}

func (f *Feature) setLanguage(ctx context.Context, sess *room.Session, sp *space, doc, language string) error {
	d := sp.docs[doc]
	if d.Language() == language {
		return nil
	}
	if _, err := sess.Append(ctx, room.TypeCodeLanguage, room.CodeLanguageData{Doc: doc, Language: language}); err != nil {
		return err
	}
	_ = d.SetLanguage(language) // checked before it was stored
	broadcast(sess, doc, languageMessage{Type: "code.language", Doc: doc, Language: language, By: sess.Member.Name}, nil)
	return nil
}

// codeStarter replaces a document's text by a question's starter code and
// sets the question's language; interviewers only.
func (f *Feature) codeStarter(ctx context.Context, sess *room.Session, msg room.Message) error {
	var req starterRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if sess.Member.Role != room.RoleInterviewer {
		return fault.Explain(fault.Permission, room.ErrForbidden, "only interviewers load starter code")
	}
	if err := mayUse(sess, req.Doc); err != nil {
		return err
	}
	qs := sess.Interview.Questions
	if req.Question < 0 || req.Question >= len(qs) || qs[req.Question].StarterCode == "" {
		return fault.Explain(fault.NotFound, nil, fmt.Sprintf("question %d has no starter code", req.Question+1))
	}
	q := qs[req.Question]
	question := req.Question
	return f.replace(ctx, sess, req.Doc, q.StarterCode, string(q.Language), origin{question: &question})
}

// origin is where replacing code came from, for the log.
type origin struct {
	question, takehome *int
}

// replace sets document doc's text (and its language, unless "") for
// everyone who sees it, through the log like any push.
func (f *Feature) replace(ctx context.Context, sess *room.Session, doc, text, language string, from origin) error {
	return f.with(sess, func(sp *space) error {
		d := sp.docs[doc]
		snap := d.Snapshot()
		changes, err := collab.ReplaceAll(snap.Text, text).MarshalJSON()
		if err != nil {
			return fmt.Errorf("replace the code of %s: %w", doc, err)
		}
		u := []collab.Update{{ClientID: "replace-" + sess.Member.ID, Changes: changes}}
		if err := commit(ctx, sess, d, snap.Version, u, from); err != nil {
			return err
		}
		if language != "" {
			return f.setLanguage(ctx, sess, sp, doc, language)
		}
		return nil
	})
}

// cursor forwards a member's selection to the others who see the document.
// Cursors are not stored.
func (f *Feature) cursor(_ context.Context, sess *room.Session, msg room.Message) error {
	var req cursorRequest
	if err := msg.Decode(&req); err != nil {
		return err
	}
	if err := mayUse(sess, req.Doc); err != nil {
		return err
	}
	if req.Anchor < 0 || req.Head < 0 || req.Anchor > collab.MaxDocLen || req.Head > collab.MaxDocLen {
		return fault.Explain(fault.Invalid, nil, "a cursor position is within the document")
	}
	if err := admitted(sess); err != nil {
		return err
	}
	m := sess.Member
	broadcast(sess, req.Doc, cursorMessage{Type: "cursor", Doc: req.Doc, From: m.ID, Name: m.Name,
		Color: colorOf(m), Anchor: req.Anchor, Head: req.Head}, m)
	return nil
}
