package workspace

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Recording is how an interview's workspace unfolded, for playback: every
// document's steps and every whiteboard change in log order, with the host's
// own final text of each document to check a replay against.
type Recording struct {
	Docs  []DocRecording `json:"docs"`
	Board []BoardStep    `json:"board"`
}

// DocRecording is one document from empty to its last state.
type DocRecording struct {
	Doc string `json:"doc"`
	// Language is the document's language before its first step.
	Language string    `json:"language"`
	Steps    []DocStep `json:"steps"`
	// Final is the text after the last step, as the host holds it.
	Final   string `json:"final"`
	Version int    `json:"version"`
}

// DocStep is one stored push (its updates' ChangeSet JSON, applied in order)
// or a change of language.
type DocStep struct {
	At       time.Time         `json:"at"`
	By       room.Actor        `json:"by"`
	Changes  []json.RawMessage `json:"changes,omitempty"`
	Language string            `json:"language,omitempty"`
	// Question is set when the step loaded that question's starter code.
	Question *int `json:"question,omitempty"`
}

// BoardStep is one accepted change of the whiteboard.
type BoardStep struct {
	At       time.Time         `json:"at"`
	By       room.Actor        `json:"by"`
	Elements []json.RawMessage `json:"elements"`
}

// Playback builds the recording of interview iv's workspace from its log.
func Playback(iv interviews.Interview, events []room.Event) (Recording, error) {
	sp := &space{id: iv.ID}
	if err := sp.load(iv, func() ([]room.Event, error) { return events, nil }); err != nil {
		return Recording{}, err
	}
	byDoc := map[string]*DocRecording{}
	var rec Recording
	for _, id := range []string{DocMain, DocPad} {
		snap := sp.docs[id].Snapshot()
		rec.Docs = append(rec.Docs, DocRecording{Doc: id, Language: defaultLanguage(iv), Steps: []DocStep{},
			Final: snap.Text.String(), Version: snap.Version})
	}
	for i := range rec.Docs {
		byDoc[rec.Docs[i].Doc] = &rec.Docs[i]
	}
	rec.Board = []BoardStep{}
	for _, e := range events {
		if err := addStep(&rec, byDoc, e); err != nil {
			return Recording{}, fmt.Errorf("playback of interview %s, event %d: %w", iv.ID, e.Seq, err)
		}
	}
	return rec, nil
}

func addStep(rec *Recording, byDoc map[string]*DocRecording, e room.Event) error {
	switch e.Type {
	case room.TypeCodeChanged:
		var d room.CodeChangeData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return err
		}
		step := DocStep{At: e.At, By: e.Actor, Question: d.Question}
		for _, u := range d.Updates {
			step.Changes = append(step.Changes, u.Changes)
		}
		if doc := byDoc[d.Doc]; doc != nil {
			doc.Steps = append(doc.Steps, step)
		}
	case room.TypeCodeLanguage:
		var d room.CodeLanguageData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return err
		}
		if doc := byDoc[d.Doc]; doc != nil {
			doc.Steps = append(doc.Steps, DocStep{At: e.At, By: e.Actor, Language: d.Language})
		}
	case room.TypeBoardChanged:
		var d room.BoardData
		if err := json.Unmarshal(e.Data, &d); err != nil {
			return err
		}
		rec.Board = append(rec.Board, BoardStep{At: e.At, By: e.Actor, Elements: d.Elements})
	}
	return nil
}
