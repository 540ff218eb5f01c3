package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Kind is what an entry is about.
type Kind string

// Kinds.
const (
	SignIn    Kind = "sign-in"
	Settings  Kind = "settings"
	Deletion  Kind = "deletion"
	Export    Kind = "export"
	Erasure   Kind = "erasure"
	Backup    Kind = "backup"
	Restore   Kind = "restore"
	Retention Kind = "retention"
	// Users: an account of the team host invited, given a role, removed.
	Users Kind = "users"
)

// Kinds lists every kind, in the order filters offer them.
func Kinds() []Kind {
	return []Kind{SignIn, Users, Settings, Deletion, Export, Erasure, Backup, Restore, Retention}
}

// Via is the door a change came through.
type Via string

// Doors.
const (
	ViaConsole Via = "console" // the console (desktop window or a signed-in browser)
	ViaCLI     Via = "cli"     // the command line
	ViaHost    Via = "host"    // the host by itself (retention, start-up)
)

// Actor is who did something.
type Actor struct {
	// Name is who acted: the signed-in person once accounts exist (their
	// email), until then the door ("console", "cli", "host").
	Name string `json:"name"`
	Via  Via    `json:"via"`
}

// By returns the actor that is the door v itself.
func By(v Via) Actor { return Actor{Name: string(v), Via: v} }

type actorKey struct{}

// With returns ctx carrying a.
func With(ctx context.Context, a Actor) context.Context { return context.WithValue(ctx, actorKey{}, a) }

// From returns the actor ctx carries; the host when none.
func From(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok && a.Name != "" {
		return a
	}
	return By(ViaHost)
}

// Entry is one line of the log.
type Entry struct {
	Seq   uint64    `json:"seq"`
	At    time.Time `json:"at"`
	Kind  Kind      `json:"kind"`
	Actor Actor     `json:"actor"`
	// Subject is what it concerns, when one thing: an interview ID, a
	// candidate reference (CandidateRef), a settings section, a file name.
	Subject string `json:"subject,omitempty"`
	// Text says what happened, in words.
	Text string `json:"text"`
}

// CandidateRef names a candidate in the log without their email: "candidate
// " and the first 12 hex digits of the SHA-256 of the address in lower case.
func CandidateRef(email string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(email))))
	return "candidate " + hex.EncodeToString(sum[:6])
}

// Record appends an entry within tx by the actor in ctx, at at.
func Record(ctx context.Context, tx *store.Tx, at time.Time, kind Kind, subject, text string) (Entry, error) {
	b := store.BucketOf(tx, store.BucketAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return Entry{}, fmt.Errorf("audit sequence: %w", err)
	}
	e := Entry{Seq: seq, At: at.UTC().Truncate(time.Millisecond), Kind: kind, Actor: From(ctx), Subject: subject, Text: text}
	if err := store.PutJSON(tx, store.BucketAudit, store.Itob(seq), e); err != nil {
		return Entry{}, fmt.Errorf("record %s in the audit log: %w", kind, err)
	}
	return e, nil
}

// Log reads and appends to the audit log of a store.
type Log struct {
	db  *store.DB
	now func() time.Time
}

// New returns the audit log of db; now is the clock.
func New(db *store.DB, now func() time.Time) *Log { return &Log{db: db, now: now} }

// Record appends an entry in a transaction of its own, for changes that are
// not store transactions (a sign-in, a backup written).
func (l *Log) Record(ctx context.Context, kind Kind, subject, text string) error {
	return l.db.Update(func(tx *store.Tx) error {
		_, err := Record(ctx, tx, l.now(), kind, subject, text)
		return err
	})
}

// Query selects a page of the log.
type Query struct {
	// Kind keeps entries of this kind only; "" keeps all.
	Kind Kind
	// Before starts the page below this sequence number; 0: at the newest.
	Before uint64
	// Limit is the page's size: default 50, at most 500.
	Limit int
}

// Page is entries newest first, and where the next (older) page starts.
type Page struct {
	Entries []Entry `json:"entries"`
	// Next is the Before of the next page; 0 when this is the last.
	Next uint64 `json:"next,omitempty"`
}

// ErrKind means a query named a kind that does not exist.
var ErrKind = fault.New(fault.Invalid, "no such kind of audit entry")

// List returns a page of the log, newest first.
func (l *Log) List(q Query) (Page, error) {
	if q.Kind != "" && !slices.Contains(Kinds(), q.Kind) {
		return Page{}, fault.Explain(fault.Invalid, ErrKind, fmt.Sprintf("There is no kind %q; choose one of %s.", q.Kind, kindList()))
	}
	switch {
	case q.Limit <= 0:
		q.Limit = 50
	case q.Limit > 500:
		q.Limit = 500
	}
	page := Page{Entries: []Entry{}}
	err := l.db.View(func(tx *store.Tx) error {
		c := store.BucketOf(tx, store.BucketAudit).Cursor()
		k, v := c.Last()
		if q.Before > 0 {
			k, v = c.Seek(store.Itob(q.Before))
			if k == nil {
				k, v = c.Last()
			}
			if k != nil && store.Btoi(k) >= q.Before {
				k, v = c.Prev()
			}
		}
		for ; k != nil; k, v = c.Prev() {
			var e Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode audit entry %d: %w", store.Btoi(k), err)
			}
			if q.Kind != "" && e.Kind != q.Kind {
				continue
			}
			if len(page.Entries) == q.Limit {
				page.Next = page.Entries[len(page.Entries)-1].Seq
				return nil
			}
			page.Entries = append(page.Entries, e)
		}
		return nil
	})
	if err != nil {
		return Page{}, fmt.Errorf("read the audit log: %w", err)
	}
	return page, nil
}

func kindList() string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}
