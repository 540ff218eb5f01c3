package workspace

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/collab"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Documents of every room: the editor shared with the candidate and the
// interviewers' scratch pad.
const (
	DocMain = collab.DocMain
	DocPad  = collab.DocPad
)

// space is one interview's workspace in memory: its documents, board, runs
// and who can run code. mu orders every change: a change is appended to the
// log and broadcast with mu held, so every member hears changes in log order.
type space struct {
	id   string
	refs int // guarded by spaces.mu

	mu        sync.Mutex
	loaded    bool
	docs      map[string]*collab.Doc
	board     *collab.Board
	runs      map[string]*run            // going on, by ID
	lastRun   map[string]room.RunData    // the last finished run, by document
	runners   map[string]map[string]bool // languages each connection can run, by connection ID
	awaySince time.Time                  // when the candidate left the tab; zero while there
}

// spaces holds the workspaces of interviews with someone in the room.
type spaces struct {
	mu sync.Mutex
	m  map[string]*space
}

// acquire returns interview id's workspace, in use until release.
func (ss *spaces) acquire(id string) *space {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	sp := ss.m[id]
	if sp == nil {
		sp = &space{id: id}
		ss.m[id] = sp
	}
	sp.refs++
	return sp
}

// release ends a use; an unused workspace of an empty room is dropped (the
// log has all of it).
func (ss *spaces) release(sp *space, roomEmpty bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	sp.refs--
	if sp.refs == 0 && roomEmpty && ss.m[sp.id] == sp {
		delete(ss.m, sp.id)
	}
}

// load rebuilds the workspace from the interview's log once. sp.mu is held.
func (sp *space) load(iv interviews.Interview, events func() ([]room.Event, error)) error {
	if sp.loaded {
		return nil
	}
	sp.docs = map[string]*collab.Doc{}
	for _, id := range []string{DocMain, DocPad} {
		d, err := collab.NewDoc(id, defaultLanguage(iv), collab.Text{})
		if err != nil {
			return fmt.Errorf("workspace of interview %s: %w", iv.ID, err)
		}
		sp.docs[id] = d
	}
	sp.board = collab.NewBoard()
	sp.runs, sp.lastRun, sp.runners = map[string]*run{}, map[string]room.RunData{}, map[string]map[string]bool{}
	log, err := events()
	if err != nil {
		return fmt.Errorf("workspace of interview %s: %w", iv.ID, err)
	}
	for _, e := range log {
		if err := sp.replay(e); err != nil {
			return fmt.Errorf("workspace of interview %s, event %d: %w", iv.ID, e.Seq, err)
		}
	}
	sp.loaded = true
	return nil
}

// replay applies one stored event; events the log accepted always fit.
func (sp *space) replay(e room.Event) error {
	switch e.Type {
	case room.TypeCodeChanged:
		var d room.CodeChangeData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return err
		}
		doc, ok := sp.docs[d.Doc]
		if !ok {
			return fmt.Errorf("%w: %q", ErrNoDoc, d.Doc)
		}
		_, err := doc.Push(d.Version, toCollab(d.Updates))
		return err
	case room.TypeCodeLanguage:
		var d room.CodeLanguageData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return err
		}
		if doc, ok := sp.docs[d.Doc]; ok {
			return doc.SetLanguage(d.Language)
		}
	case room.TypeBoardChanged:
		var d room.BoardData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return err
		}
		_, err := sp.board.Merge(d.Elements)
		return err
	case room.TypeCodeRun:
		var d room.RunData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return err
		}
		sp.lastRun[d.Doc] = d
	case room.TypeFocusLeft:
		sp.awaySince = e.At
	case room.TypeFocusReturned:
		sp.awaySince = time.Time{}
	}
	return nil
}

// defaultLanguage is the language of the interview's first question that
// names one, else plain text.
func defaultLanguage(iv interviews.Interview) string {
	for _, q := range iv.Questions {
		if q.Language != "" {
			return string(q.Language)
		}
	}
	return "plaintext"
}

func toCollab(us []room.CodeUpdate) []collab.Update {
	out := make([]collab.Update, len(us))
	for i, u := range us {
		out[i] = collab.Update{ClientID: u.ClientID, Changes: u.Changes}
	}
	return out
}

func fromCollab(us []collab.Update) []room.CodeUpdate {
	out := make([]room.CodeUpdate, len(us))
	for i, u := range us {
		out[i] = room.CodeUpdate{ClientID: u.ClientID, Changes: u.Changes}
	}
	return out
}
