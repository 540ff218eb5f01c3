package collab

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// The protocol's documents and limits.
const (
	// DocMain is the shared editor everyone sees; DocPad the interviewers'
	// scratch pad.
	DocMain = "main"
	DocPad  = "pad"

	// MaxDocLen caps a document's length, in UTF-16 code units.
	MaxDocLen = 1_000_000
	// MaxPushBytes caps one code.push message's JSON (checked by the caller
	// on the raw message).
	MaxPushBytes = 512 << 10
	// MaxPushUpdates caps the updates in one push.
	MaxPushUpdates = 100
	// MaxClientID caps an update's client ID, in characters.
	MaxClientID = 64

	// HistoryUpdates is how many of the latest updates a Doc keeps for pulls;
	// historyBytes caps their size. A pull from further back gets a snapshot.
	HistoryUpdates = 10_000
	historyBytes   = 8 << 20
	// updateOverhead is what an update costs in the history besides its
	// changes and client ID.
	updateOverhead = 64
)

// Update is one of @codemirror/collab's updates: who made it and its
// ChangeSet JSON.
type Update struct {
	ClientID string          `json:"clientID"`
	Changes  json.RawMessage `json:"changes"`
}

// Snapshot is a document as a whole: the fields of the code message.
type Snapshot struct {
	Doc      string `json:"doc"`
	Version  int    `json:"version"`
	Text     Text   `json:"text"`
	Language string `json:"language"`
}

// Doc is the host's authority over one code document: it orders updates,
// applies them to its own copy of the text and keeps the latest for pulls.
// Its version counts the updates it accepted since it was made.
type Doc struct {
	id string

	mu       sync.Mutex
	language string
	version  int
	text     []uint16
	spare    []uint16 // the other buffer updates are applied into
	history  []Update // the updates after version base
	base     int
	histSize int
}

// NewDoc returns document id at version 0 with text in language.
func NewDoc(id, language string, text Text) (*Doc, error) {
	return RestoreDoc(Snapshot{Doc: id, Language: language, Text: text})
}

// RestoreDoc returns the document a snapshot describes (a stored keyframe),
// at its version; pulls from before that version get ErrSnapshotNeeded.
func RestoreDoc(s Snapshot) (*Doc, error) {
	if s.Doc == "" {
		return nil, problem(ErrUpdate, "a document needs an ID")
	}
	if s.Version < 0 {
		return nil, problem(ErrVersion, fmt.Sprintf("version %d is not a version", s.Version))
	}
	if err := CheckLanguage(s.Language); err != nil {
		return nil, err
	}
	if s.Text.Len() > MaxDocLen {
		return nil, tooLong()
	}
	return &Doc{id: s.Doc, language: s.Language, text: slices.Clone(s.Text.units), version: s.Version, base: s.Version}, nil
}

func tooLong() error {
	return problem(ErrTooLong, fmt.Sprintf("the document would be longer than %d characters", MaxDocLen))
}

// ID returns the document's ID.
func (d *Doc) ID() string { return d.id }

// Language returns the document's language ID.
func (d *Doc) Language() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.language
}

// SetLanguage changes the document's language (one of Languages).
func (d *Doc) SetLanguage(language string) error {
	if err := CheckLanguage(language); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.language = language
	return nil
}

// Version returns the number of updates accepted.
func (d *Doc) Version() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.version
}

// Len returns the current text's length in UTF-16 code units.
func (d *Doc) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.text)
}

// Text returns the current text.
func (d *Doc) Text() Text {
	d.mu.Lock()
	defer d.mu.Unlock()
	return Text{units: slices.Clone(d.text)}
}

// Snapshot returns the whole document at its current version.
func (d *Doc) Snapshot() Snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	return Snapshot{Doc: d.id, Version: d.version, Text: Text{units: slices.Clone(d.text)}, Language: d.language}
}

// Push accepts updates made on version, all or none. It errs with ErrStale
// when version is behind (other updates came first), ErrVersion when it is
// ahead, and ErrUpdate, ErrChanges or ErrTooLong when an update is refused;
// then nothing changed. It returns the accepted updates with their changes
// in CodeMirror's own JSON, to send to every member and store in order.
func (d *Doc) Push(version int, updates []Update) ([]Update, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.push(version, updates)
}

// Check returns what Push would accept, changing nothing: for a caller that
// stores updates before they take effect. Pushing its result (under the lock
// that orders the caller's pushes, so the version still holds) accepts it.
func (d *Doc) Check(version int, updates []Update) ([]Update, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, accepted, err := d.check(version, updates)
	return accepted, err
}

// push is Push with d.mu held.
func (d *Doc) push(version int, updates []Update) ([]Update, error) {
	sets, accepted, err := d.check(version, updates)
	if err != nil {
		return nil, err
	}
	for _, cs := range sets {
		d.spare = cs.applyTo(d.spare[:0], d.text)
		d.text, d.spare = d.spare, d.text
	}
	d.version += len(accepted)
	d.remember(accepted)
	return accepted, nil
}

// check validates a push with d.mu held, returning its change sets and the
// updates as they are accepted.
func (d *Doc) check(version int, updates []Update) ([]ChangeSet, []Update, error) {
	if len(updates) > MaxPushUpdates {
		return nil, nil, problem(ErrUpdate, fmt.Sprintf("a push holds at most %d updates (this one has %d)", MaxPushUpdates, len(updates)))
	}
	switch {
	case version < d.version:
		return nil, nil, problem(ErrStale, ErrStale.Error())
	case version > d.version:
		return nil, nil, problem(ErrVersion, fmt.Sprintf("version %d is ahead of the document (at version %d)", version, d.version))
	}
	sets, err := parseUpdates(updates, len(d.text))
	if err != nil {
		return nil, nil, err
	}
	accepted := make([]Update, len(updates))
	for i, cs := range sets {
		accepted[i] = Update{ClientID: updates[i].ClientID, Changes: cs.appendJSON(nil)}
	}
	return sets, accepted, nil
}

// parseUpdates checks updates against a document of length n and returns
// their change sets, each fitting the text its predecessors leave.
func parseUpdates(updates []Update, n int) ([]ChangeSet, error) {
	sets := make([]ChangeSet, len(updates))
	for i, u := range updates {
		cs, err := parseUpdate(u, n)
		if err != nil {
			msg, _ := fault.Message(err)
			return nil, fault.Explain(fault.KindOf(err), err, fmt.Sprintf("update %d: %s", i+1, msg))
		}
		sets[i], n = cs, cs.after
	}
	return sets, nil
}

func parseUpdate(u Update, n int) (ChangeSet, error) {
	if u.ClientID == "" || utf8.RuneCountInString(u.ClientID) > MaxClientID {
		return ChangeSet{}, problem(ErrUpdate, fmt.Sprintf("the client ID must have 1 to %d characters", MaxClientID))
	}
	cs, err := ParseChangeSet(u.Changes)
	if err != nil {
		return ChangeSet{}, err
	}
	if err := cs.fits(n); err != nil {
		return ChangeSet{}, err
	}
	if cs.after > MaxDocLen {
		return ChangeSet{}, tooLong()
	}
	return cs, nil
}

// Accept applies one update at the current version: replaying stored
// updates in order, or a change the host makes itself. It returns the
// version before the update and the update as accepted.
func (d *Doc) Accept(u Update) (int, Update, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.accept(u)
}

func (d *Doc) accept(u Update) (int, Update, error) {
	version := d.version
	accepted, err := d.push(version, []Update{u})
	if err != nil {
		return 0, Update{}, err
	}
	return version, accepted[0], nil
}

// Replace replaces the whole text by text (a question's starter code) as
// one update by clientID; it returns the version before it and the update.
func (d *Doc) Replace(clientID, text string) (int, Update, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	cs := ReplaceAll(Text{units: d.text}, text)
	return d.accept(Update{ClientID: clientID, Changes: cs.appendJSON(nil)})
}

// Since returns the updates after version, for a pull. It errs with
// ErrSnapshotNeeded when they are no longer kept (or version is ahead): send
// a Snapshot instead.
func (d *Doc) Since(version int) ([]Update, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case version > d.version:
		return nil, problem(ErrSnapshotNeeded, fmt.Sprintf("version %d is ahead of the document (at version %d)", version, d.version))
	case version < d.base:
		return nil, problem(ErrSnapshotNeeded, fmt.Sprintf("the updates after version %d are no longer kept", version))
	}
	return slices.Clone(d.history[version-d.base:]), nil
}

// remember adds accepted updates to the history and forgets the oldest
// beyond HistoryUpdates or historyBytes.
func (d *Doc) remember(accepted []Update) {
	d.history = append(d.history, accepted...)
	for _, u := range accepted {
		d.histSize += updateSize(u)
	}
	drop := 0
	for len(d.history)-drop > HistoryUpdates || d.histSize > historyBytes {
		d.histSize -= updateSize(d.history[drop])
		drop++
	}
	if drop > 0 {
		clear(d.history[:drop])
		d.history = d.history[drop:]
		d.base += drop
	}
}

func updateSize(u Update) int { return len(u.Changes) + len(u.ClientID) + updateOverhead }
