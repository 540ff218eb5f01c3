package collab

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// The whiteboard's limits.
const (
	// MaxElementBytes caps one element's JSON.
	MaxElementBytes = 64 << 10
	// MaxMergeElements caps the elements of one board.push.
	MaxMergeElements = 2000
	// MaxBoardElements caps the elements a board holds, deleted ones included.
	MaxBoardElements = 10_000
	// MaxBoardBytes caps the JSON a board holds.
	MaxBoardBytes = 32 << 20
	// MaxBoardPushBytes caps one board.push message's JSON (checked by the
	// caller on the raw message).
	MaxBoardPushBytes = 256 << 10
	// MaxElementID caps an element's id, in characters.
	MaxElementID = 64
)

// Board is a whiteboard's elements, the host's copy of Excalidraw's scene.
type Board struct {
	mu       sync.Mutex
	order    []string // ids, first seen first
	elements map[string]element
	size     int // bytes of JSON held
}

// element is what the host reads of an Excalidraw element, and its JSON.
type element struct {
	id      string
	version int64
	nonce   int64
	raw     json.RawMessage
}

// beats reports whether e replaces other under Excalidraw's reconcile rule:
// the higher version, or at the same version the lower versionNonce.
func (e element) beats(other element) bool {
	return e.version > other.version || e.version == other.version && e.nonce < other.nonce
}

// NewBoard returns an empty board.
func NewBoard() *Board { return &Board{elements: map[string]element{}} }

// Merge takes elements that changed in a browser and keeps each one that
// beats the board's element of the same id (or is new). It returns those it
// kept, their JSON as given, to forward to the other members and store. An
// element that loses is left out, not an error. A malformed or refused one
// (an image, a file, over a limit) fails the whole merge with ErrElement or
// ErrBoardFull, and nothing changes.
func (b *Board) Merge(raws []json.RawMessage) ([]json.RawMessage, error) {
	return b.merge(raws, true)
}

// Check returns what Merge would keep, changing nothing: for a caller that
// stores elements before they take effect. Merging its result (under the
// lock that orders the caller's merges) keeps it all.
func (b *Board) Check(raws []json.RawMessage) ([]json.RawMessage, error) {
	return b.merge(raws, false)
}

func (b *Board) merge(raws []json.RawMessage, keep bool) ([]json.RawMessage, error) {
	if len(raws) > MaxMergeElements {
		return nil, problem(ErrElement, fmt.Sprintf("a change holds at most %d elements (this one has %d)", MaxMergeElements, len(raws)))
	}
	incoming := make([]element, len(raws))
	for i, raw := range raws {
		e, err := readElement(raw)
		if err != nil {
			msg, _ := fault.Message(err)
			return nil, fault.Explain(fault.KindOf(err), err, fmt.Sprintf("element %d: %s", i+1, msg))
		}
		incoming[i] = e
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	winners := b.winners(incoming)
	if err := b.room(winners); err != nil {
		return nil, err
	}
	accepted := make([]json.RawMessage, len(winners))
	for i, e := range winners {
		if keep {
			b.keep(e)
		}
		accepted[i] = e.raw
	}
	return accepted, nil
}

// winners returns the incoming elements that beat the board's and those
// before them in the same merge, one per id, in the order first given.
func (b *Board) winners(incoming []element) []element {
	var winners []element
	at := map[string]int{} // id → index in winners
	for _, e := range incoming {
		i, seen := at[e.id]
		if seen {
			if e.beats(winners[i]) {
				winners[i] = e
			}
			continue
		}
		if old, ok := b.elements[e.id]; ok && !e.beats(old) {
			continue
		}
		at[e.id] = len(winners)
		winners = append(winners, e)
	}
	return winners
}

// room errs with ErrBoardFull if keeping winners would outgrow the board.
func (b *Board) room(winners []element) error {
	count, size := len(b.order), b.size
	for _, e := range winners {
		old, ok := b.elements[e.id]
		if !ok {
			count++
		}
		size += len(e.raw) - len(old.raw)
	}
	if count > MaxBoardElements {
		return problem(ErrBoardFull, fmt.Sprintf("the whiteboard is full: it holds at most %d elements", MaxBoardElements))
	}
	if size > MaxBoardBytes {
		return problem(ErrBoardFull, fmt.Sprintf("the whiteboard is full: it holds at most %d MiB of drawing", MaxBoardBytes>>20))
	}
	return nil
}

func (b *Board) keep(e element) {
	old, ok := b.elements[e.id]
	if !ok {
		b.order = append(b.order, e.id)
	}
	b.size += len(e.raw) - len(old.raw)
	b.elements[e.id] = e
}

// Elements returns every element, deleted ones included, in the order the
// board first saw them. The JSON is shared: do not modify it.
func (b *Board) Elements() []json.RawMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]json.RawMessage, len(b.order))
	for i, id := range b.order {
		out[i] = b.elements[id].raw
	}
	return out
}

// Len returns the number of elements, deleted ones included.
func (b *Board) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.order)
}

// readElement reads the fields the host needs from one element's JSON and
// keeps a copy of the JSON. Keys match exactly, as in JavaScript (encoding/json
// alone would also take "ID" for "id").
func readElement(raw json.RawMessage) (element, error) {
	if len(raw) > MaxElementBytes {
		return element{}, problem(ErrElement, fmt.Sprintf("an element is at most %d KiB", MaxElementBytes>>10))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return element{}, problem(ErrElement, "an element must be a JSON object")
	}
	e := element{raw: bytes.Clone(raw)}
	var kind string
	var deleted bool
	checks := []struct {
		ok   bool
		text string
	}{
		{field(fields, "id", &e.id) && e.id != "" && utf8.RuneCountInString(e.id) <= MaxElementID,
			fmt.Sprintf("the id must be a string of 1 to %d characters", MaxElementID)},
		{field(fields, "type", &kind) && kind != "", "the type must be a string"},
		{kind != "image", "images are not taken on the whiteboard"},
		{fields["fileId"] == nil, "files are not taken on the whiteboard"},
		{field(fields, "version", &e.version) && e.version >= 1, "the version must be a whole number of at least 1"},
		{field(fields, "versionNonce", &e.nonce), "the versionNonce must be a whole number"},
		{optional(fields, "isDeleted", &deleted), "isDeleted must be true or false"},
	}
	for _, c := range checks {
		if !c.ok {
			return element{}, problem(ErrElement, c.text)
		}
	}
	return e, nil
}

// field decodes fields[key] into v and reports whether it was there and of
// v's type.
func field(fields map[string]json.RawMessage, key string, v any) bool {
	raw, ok := fields[key]
	return ok && !bytes.Equal(raw, []byte("null")) && json.Unmarshal(raw, v) == nil
}

// optional is field for a key that may be missing.
func optional(fields map[string]json.RawMessage, key string, v any) bool {
	_, ok := fields[key]
	return !ok || field(fields, key, v)
}
