package mail

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

// State is where an outbox entry is in its life.
type State string

// States.
const (
	// Queued waits for its next attempt.
	Queued State = "queued"
	// Sending is being handed to the server (see the package documentation for
	// what a "sending" entry found on Start means).
	Sending State = "sending"
	// Sent was accepted by the server.
	Sent State = "sent"
	// Failed was refused for good, or retried MaxAttempts times.
	Failed State = "failed"
)

// Entry is an outbox message as the details page shows it.
type Entry struct {
	ID      uint64  `json:"id"`
	Ref     string  `json:"ref"`
	To      Address `json:"to"`
	Subject string  `json:"subject"`
	// Kind is the message's Kind when it was queued; entries queued before
	// kinds were kept have none.
	Kind string `json:"kind,omitempty"`
	// Method is the calendar method (REQUEST, CANCEL) or empty.
	Method string `json:"method,omitempty"`
	// MessageID is the Message-ID's local part.
	MessageID string `json:"messageId"`
	State     State  `json:"state"`
	Attempts  int    `json:"attempts"`
	// LastError is the last failure, for a 4xx/5xx the server's own reply.
	LastError   string    `json:"lastError,omitempty"`
	NextAttempt time.Time `json:"nextAttemptAt,omitzero"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
	SentAt      time.Time `json:"sentAt,omitzero"`
	// Uncomposed marks a message that could not be written at all (see
	// FailTx): there is nothing to send or resend, LastError says what to do.
	Uncomposed bool `json:"uncomposed,omitempty"`
}

// record is the stored value: the entry and the message itself.
type record struct {
	Entry
	Message Message `json:"message"`
}

// Sender delivers one message. Errors that retrying cannot fix wrap
// ErrPermanent; every other error is retried by the outbox.
type Sender interface {
	Send(ctx context.Context, msg Message) error
}

// SenderFunc adapts a function to Sender, e.g. one that reads the current
// settings and sends with NewSMTP.
type SenderFunc func(ctx context.Context, msg Message) error

// Send calls f.
func (f SenderFunc) Send(ctx context.Context, msg Message) error { return f(ctx, msg) }

// Defaults for Config.
const (
	DefaultRetryAfter    = 30 * time.Second
	DefaultMaxRetryDelay = time.Hour
	// DefaultMaxAttempts keeps trying for about 18 hours with the default delays.
	DefaultMaxAttempts = 25
	DefaultSendTimeout = 2 * time.Minute
)

// Config tunes an Outbox. Sender is required.
type Config struct {
	// Sender delivers messages, e.g. an *SMTP or a SenderFunc that builds one
	// from the current settings.
	Sender Sender
	// Now is the clock; default time.Now.
	Now func() time.Time
	// RetryAfter is the delay after the first transient failure; it doubles
	// with each further one up to MaxRetryDelay.
	RetryAfter    time.Duration
	MaxRetryDelay time.Duration
	// MaxAttempts turns a message that keeps failing transiently into Failed.
	MaxAttempts int
	// SendTimeout bounds one attempt.
	SendTimeout time.Duration
	// OnChange, if set, is called after each committed change of an entry (from
	// the worker's goroutine or the caller's), e.g. to push it to the console.
	// It must not block.
	OnChange func(Entry)
}

// Outbox is the durable queue of outgoing mail in the store's outbox bucket.
type Outbox struct {
	db   *store.DB
	cfg  Config
	log  *slog.Logger
	wake chan struct{}

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// NewOutbox returns an outbox over db; Start runs its worker.
func NewOutbox(db *store.DB, cfg Config, log *slog.Logger) (*Outbox, error) {
	if db == nil || cfg.Sender == nil {
		return nil, fmt.Errorf("new outbox: a store and a sender are required: %w", ErrInvalid)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.RetryAfter <= 0 {
		cfg.RetryAfter = DefaultRetryAfter
	}
	if cfg.MaxRetryDelay <= 0 {
		cfg.MaxRetryDelay = DefaultMaxRetryDelay
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.SendTimeout <= 0 {
		cfg.SendTimeout = DefaultSendTimeout
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Outbox{db: db, cfg: cfg, log: log, wake: make(chan struct{}, 1)}, nil
}

// Enqueue validates msg and stores it for delivery, then wakes the worker. ref
// ties it to what it is about (e.g. an interview ID) for List.
func (o *Outbox) Enqueue(msg Message, ref string) (Entry, error) {
	var e Entry
	err := o.db.Update(func(tx *store.Tx) error {
		var err error
		e, err = o.EnqueueTx(tx, msg, ref)
		return err
	})
	if err != nil {
		return Entry{}, err
	}
	o.changed(e)
	o.Wake()
	return e, nil
}

// EnqueueTx stores msg within the caller's transaction, so a change and the mail
// announcing it commit together. Call Wake after the transaction committed;
// OnChange first hears of the entry when the worker picks it up.
func (o *Outbox) EnqueueTx(tx *store.Tx, msg Message, ref string) (Entry, error) {
	if err := msg.Validate(); err != nil {
		return Entry{}, err
	}
	b := store.BucketOf(tx, store.BucketOutbox)
	seq, err := b.NextSequence()
	if err != nil {
		return Entry{}, fmt.Errorf("outbox sequence: %w", err)
	}
	now := o.cfg.Now().UTC()
	msg.ID = newMessageID(seq)
	r := record{Entry: Entry{
		ID: seq, Ref: ref, To: msg.To, Subject: msg.Subject, Kind: msg.Kind, MessageID: msg.ID,
		State: Queued, NextAttempt: now, CreatedAt: now, UpdatedAt: now,
	}, Message: msg}
	if msg.Calendar != nil {
		r.Method = msg.Calendar.Method
	}
	if err := store.PutJSON(tx, store.BucketOutbox, store.Itob(seq), r); err != nil {
		return Entry{}, fmt.Errorf("enqueue mail to %s: %w", msg.To.Email, err)
	}
	return r.Entry, nil
}

// FailTx records, within the caller's transaction, a message that could not
// be written (to whom, which kind, why) as failed at once, so the change's
// outbox shows it beside the messages that did go out. reason says what went
// wrong and what to do; such an entry cannot be resent.
func (o *Outbox) FailTx(tx *store.Tx, to Address, subject, kind, ref, reason string) (Entry, error) {
	seq, err := store.BucketOf(tx, store.BucketOutbox).NextSequence()
	if err != nil {
		return Entry{}, fmt.Errorf("outbox sequence: %w", err)
	}
	now := o.cfg.Now().UTC()
	r := record{Entry: Entry{ID: seq, Ref: ref, To: to, Subject: subject, Kind: kind, MessageID: newMessageID(seq),
		State: Failed, LastError: reason, Uncomposed: true, CreatedAt: now, UpdatedAt: now}}
	if err := store.PutJSON(tx, store.BucketOutbox, store.Itob(seq), r); err != nil {
		return Entry{}, fmt.Errorf("record unsendable mail to %s: %w", to.Email, err)
	}
	tx.OnCommit(func() { o.changed(r.Entry) })
	return r.Entry, nil
}

// Wake makes the worker look at the queue now.
func (o *Outbox) Wake() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// List returns the entries for ref (all entries when ref is empty), oldest first.
func (o *Outbox) List(ref string) ([]Entry, error) {
	var out []Entry
	err := o.db.View(func(tx *store.Tx) error {
		return forEachRecord(tx, func(r *record) (bool, error) {
			if ref == "" || r.Ref == ref {
				out = append(out, r.Entry)
			}
			return false, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	return out, nil
}

// Get returns one entry.
func (o *Outbox) Get(id uint64) (Entry, error) {
	var r record
	err := o.db.View(func(tx *store.Tx) error { return getRecord(tx, id, &r) })
	return r.Entry, err
}

// Resend puts a failed or sent entry back in the queue with a fresh Message-ID
// (a deliberate copy, not a duplicate) and wakes the worker. Queued and sending
// entries give ErrConflict.
func (o *Outbox) Resend(id uint64) (Entry, error) {
	r, err := o.modify(id, func(r *record) error {
		if r.State != Failed && r.State != Sent {
			return fmt.Errorf("resend mail %d: it is %s: %w", id, r.State, ErrConflict)
		}
		if r.Uncomposed {
			return fmt.Errorf("resend mail %d: %w", id, ErrUncomposed)
		}
		if r.Message.Secret {
			return fmt.Errorf("resend mail %d: %w", id, ErrForgotten)
		}
		r.Message.ID = newMessageID(id)
		r.MessageID = r.Message.ID
		r.State, r.Attempts, r.LastError, r.NextAttempt, r.SentAt = Queued, 0, "", o.cfg.Now().UTC(), time.Time{}
		return nil
	})
	if err != nil {
		return Entry{}, err
	}
	o.Wake()
	return r.Entry, nil
}

// RetryNow makes every queued entry due at once, e.g. after the settings were
// fixed, and wakes the worker.
func (o *Outbox) RetryNow() error {
	var changed []Entry
	now := o.cfg.Now().UTC()
	err := o.db.Update(func(tx *store.Tx) error {
		return forEachRecord(tx, func(r *record) (bool, error) {
			if r.State != Queued || !r.NextAttempt.After(now) {
				return false, nil
			}
			r.NextAttempt, r.UpdatedAt = now, now
			changed = append(changed, r.Entry)
			return true, nil
		})
	})
	if err != nil {
		return fmt.Errorf("retry queued mail: %w", err)
	}
	for _, e := range changed {
		o.changed(e)
	}
	o.Wake()
	return nil
}

// Start requeues entries left in state sending by a previous run (see the
// package documentation), makes every queued entry due now (a restart retries at
// once), and starts the worker. ctx bounds only the start; Close stops the worker.
func (o *Outbox) Start(ctx context.Context) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done != nil {
		return ErrStarted
	}
	var recovered []Entry
	interrupted := map[uint64]bool{}
	now := o.cfg.Now().UTC()
	err := o.db.Update(func(tx *store.Tx) error {
		return forEachRecord(tx, func(r *record) (bool, error) {
			switch {
			case r.State == Sending:
				interrupted[r.ID] = true
				r.LastError = "interrupted while sending (the server may have accepted it); sending again with the same Message-ID"
			case r.State == Queued && r.NextAttempt.After(now):
				// A restart retries at once rather than waiting out the backoff.
			default:
				return false, nil
			}
			r.State, r.NextAttempt, r.UpdatedAt = Queued, now, now
			recovered = append(recovered, r.Entry)
			return true, nil
		})
	})
	if err != nil {
		return fmt.Errorf("start outbox: %w", err)
	}
	for _, e := range recovered {
		if interrupted[e.ID] {
			o.log.Warn("mail was being sent when the host stopped; sending it again", "id", e.ID, "ref", e.Ref, "messageId", e.MessageID)
		}
		o.changed(e)
	}
	ctx, o.cancel = context.WithCancel(context.WithoutCancel(ctx)) // Close ends the worker, not ctx
	o.done = make(chan struct{})
	go o.run(ctx, o.done)
	return nil
}

// Close stops the worker and waits for it; an attempt in progress finishes
// first (bounded by SendTimeout). Queued mail stays queued for the next Start.
// Close the outbox before the store.
func (o *Outbox) Close() error {
	o.mu.Lock()
	cancel, done := o.cancel, o.done
	o.mu.Unlock()
	if cancel == nil {
		return nil
	}
	cancel()
	<-done
	return nil
}

// run is the worker: deliver what is due, then sleep until the next retry is
// due, Wake is called, or ctx ends.
func (o *Outbox) run(ctx context.Context, done chan struct{}) {
	defer close(done)
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		next, err := o.deliverDue(ctx)
		if ctx.Err() != nil {
			return
		}
		wait := time.Duration(-1)
		switch {
		case err != nil:
			o.log.Error("outbox worker", "err", err)
			wait = o.cfg.RetryAfter
		case !next.IsZero():
			wait = max(next.Sub(o.cfg.Now()), 0)
		}
		if wait >= 0 {
			timer.Reset(wait)
		} else {
			timer.Stop()
		}
		select {
		case <-ctx.Done():
			return
		case <-o.wake:
		case <-timer.C:
		}
	}
}

// deliverDue sends every entry due now, oldest first, and returns when the
// earliest remaining queued entry is due (zero if none).
func (o *Outbox) deliverDue(ctx context.Context) (time.Time, error) {
	now := o.cfg.Now()
	var due []uint64
	err := o.db.View(func(tx *store.Tx) error {
		return forEachRecord(tx, func(r *record) (bool, error) {
			if r.State == Queued && !r.NextAttempt.After(now) {
				due = append(due, r.ID)
			}
			return false, nil
		})
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("read outbox: %w", err)
	}
	for _, id := range due {
		if ctx.Err() != nil {
			return time.Time{}, nil
		}
		if err := o.attempt(ctx, id); err != nil {
			return time.Time{}, err
		}
	}
	var next time.Time
	err = o.db.View(func(tx *store.Tx) error {
		return forEachRecord(tx, func(r *record) (bool, error) {
			if r.State == Queued && (next.IsZero() || r.NextAttempt.Before(next)) {
				next = r.NextAttempt
			}
			return false, nil
		})
	})
	return next, err
}

// attempt sends one entry: commit "sending", talk to the server, commit the
// outcome.
func (o *Outbox) attempt(ctx context.Context, id uint64) error {
	var claimed bool
	r, err := o.modify(id, func(r *record) error {
		if r.State != Queued || r.NextAttempt.After(o.cfg.Now()) {
			return nil // changed since it was listed
		}
		claimed = true
		r.State = Sending
		r.Attempts++
		return nil
	})
	if err != nil || !claimed {
		return err
	}

	sendCtx, cancel := context.WithTimeout(ctx, o.cfg.SendTimeout)
	sendErr := o.cfg.Sender.Send(sendCtx, r.Message)
	cancel()

	r, err = o.modify(id, func(r *record) error {
		now := o.cfg.Now().UTC()
		switch {
		case sendErr == nil:
			r.State, r.SentAt, r.LastError, r.NextAttempt = Sent, now, "", time.Time{}
		case errors.Is(sendErr, ErrPermanent):
			r.State, r.LastError, r.NextAttempt = Failed, sendErr.Error(), time.Time{}
		case ctx.Err() != nil:
			// Stopped mid-attempt: not the message's fault; try again next run.
			r.State, r.LastError, r.NextAttempt = Queued, sendErr.Error(), now
			r.Attempts--
		case r.Attempts >= o.cfg.MaxAttempts:
			r.State, r.NextAttempt = Failed, time.Time{}
			r.LastError = fmt.Sprintf("gave up after %d attempts: %v", r.Attempts, sendErr)
		default:
			r.State, r.LastError, r.NextAttempt = Queued, sendErr.Error(), now.Add(o.backoff(r.Attempts))
		}
		if r.Message.Secret && (r.State == Sent || r.State == Failed) {
			r.Message.Text, r.Message.HTML = "", ""
		}
		return nil
	})
	if err != nil {
		return err
	}
	switch r.State {
	case Sent:
		o.log.Info("mail sent", "id", r.ID, "ref", r.Ref, "to", r.To.Email, "attempts", r.Attempts)
	case Failed:
		o.log.Warn("mail failed", "id", r.ID, "ref", r.Ref, "to", r.To.Email, "attempts", r.Attempts, "err", r.LastError)
	default:
		o.log.Warn("mail not sent yet; will retry", "id", r.ID, "ref", r.Ref, "to", r.To.Email,
			"attempts", r.Attempts, "next", r.NextAttempt, "err", r.LastError)
	}
	return nil
}

// backoff is the delay after the n-th failed attempt: RetryAfter doubled n-1
// times, at most MaxRetryDelay.
func (o *Outbox) backoff(n int) time.Duration {
	d := o.cfg.RetryAfter
	for i := 1; i < n && d < o.cfg.MaxRetryDelay; i++ {
		d *= 2
	}
	return min(d, o.cfg.MaxRetryDelay)
}

// modify applies fn to entry id in one transaction and, if fn changed it,
// writes and reports it.
func (o *Outbox) modify(id uint64, fn func(*record) error) (record, error) {
	var (
		r       record
		changed bool
	)
	err := o.db.Update(func(tx *store.Tx) error {
		if err := getRecord(tx, id, &r); err != nil {
			return err
		}
		before := r.Entry
		if err := fn(&r); err != nil {
			return err
		}
		if changed = r.Entry != before; !changed {
			return nil
		}
		r.UpdatedAt = o.cfg.Now().UTC()
		return store.PutJSON(tx, store.BucketOutbox, store.Itob(id), r)
	})
	if err != nil {
		return record{}, err
	}
	if changed {
		o.changed(r.Entry)
	}
	return r, nil
}

func (o *Outbox) changed(e Entry) {
	if o.cfg.OnChange != nil {
		o.cfg.OnChange(e)
	}
}

func getRecord(tx *store.Tx, id uint64, r *record) error {
	if err := store.GetJSON(tx, store.BucketOutbox, store.Itob(id), r); err != nil {
		return fmt.Errorf("mail %d: %w", id, err)
	}
	return nil
}

// forEachRecord decodes every entry in key order; when fn reports a change, the
// entry is written back (tx must then be writable).
func forEachRecord(tx *store.Tx, fn func(*record) (bool, error)) error {
	b := store.BucketOf(tx, store.BucketOutbox)
	var updates []record
	err := b.ForEach(func(k, v []byte) error {
		var r record
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode outbox entry %d: %w", store.Btoi(k), err)
		}
		changed, err := fn(&r)
		if changed {
			updates = append(updates, r)
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, r := range updates { // bbolt forbids writes during ForEach
		if err := store.PutJSON(tx, store.BucketOutbox, store.Itob(r.ID), r); err != nil {
			return err
		}
	}
	return nil
}

// newMessageID returns a Message-ID local part that is unique across installs:
// the entry's sequence number and 130 random bits.
func newMessageID(seq uint64) string {
	return fmt.Sprintf("%d.%s", seq, strings.ToLower(rand.Text()))
}
