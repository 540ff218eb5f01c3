package invitation

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/calendar"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

type serviceFixture struct {
	svc    *Service
	ivs    *interviews.Service
	st     *settings.Service
	outbox *mail.Outbox
	tpl    string
}

func newServiceFixture(t *testing.T) serviceFixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "data.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	now := func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }
	ts := templates.New(db, now)
	if err := ts.SeedLibrary(); err != nil {
		t.Fatal(err)
	}
	list, err := ts.List()
	if err != nil || len(list) == 0 {
		t.Fatalf("templates: %v %v", list, err)
	}
	st := settings.New(db)
	send := mail.SenderFunc(func(context.Context, mail.Message) error { return nil })
	outbox, err := mail.NewOutbox(db, mail.Config{Sender: send, Now: now}, nil)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	ivs := interviews.New(db, ts, st, now, NewMailer(outbox, st, links{}, now, log).Changed)
	svc := NewService(Config{Interviews: ivs, Settings: st, Outbox: outbox, Links: links{}}, log, now)
	return serviceFixture{svc: svc, ivs: ivs, st: st, outbox: outbox, tpl: list[0].ID}
}

func (f serviceFixture) schedule(t *testing.T) interviews.Interview {
	t.Helper()
	iv, err := f.ivs.Create(interviews.NewInterview{TemplateID: f.tpl, Position: "Backend engineer",
		CandidateName: "Olivia Diaz", CandidateEmail: "olivia@example.com", When: "later",
		StartsAt: "2026-12-01T14:30", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	return iv
}

func (f serviceFixture) setUpMail(t *testing.T) {
	t.Helper()
	if _, err := f.st.PutMail(settings.MailUpdate{Settings: mail.Settings{Host: "127.0.0.1", Port: 2525,
		Security: mail.NoTLS, FromName: "InterviewDesk", FromAddress: "noreply@example.com"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Put(settings.Settings{Organizer: settings.Person{Name: "Rita Recruiter", Email: "rita@example.com"}}); err != nil {
		t.Fatal(err)
	}
}

func TestOutboxEntriesKeepTheKindTheyWereQueuedWith(t *testing.T) {
	f := newServiceFixture(t)
	f.setUpMail(t)
	iv := f.schedule(t)
	if _, err := f.ivs.Reschedule(iv.ID, "2026-12-02T14:30", ""); err != nil {
		t.Fatal(err)
	}
	entries, err := f.outbox.List(iv.ID)
	if err != nil || len(entries) != 4 {
		t.Fatalf("outbox: %d entries, %v", len(entries), err)
	}
	for i, want := range []Kind{Invite, Invite, Reschedule, Reschedule} {
		if entries[i].Kind != string(want) {
			t.Errorf("entry %d (%q) stored kind %q, want %q", i, entries[i].Subject, entries[i].Kind, want)
		}
	}
	// Entries queued before kinds were kept have none: their subject tells.
	for _, subject := range []string{"Cancelled: Interview: Backend engineer", "InterviewDesk test email"} {
		if _, err := f.outbox.Enqueue(mail.Message{To: mail.Address{Email: "olivia@example.com"}, Subject: subject, Text: "x"}, iv.ID); err != nil {
			t.Fatal(err)
		}
	}
	box, err := f.svc.Outbox(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []Kind
	for _, m := range box.Messages {
		got = append(got, m.Kind)
	}
	want := []Kind{Test, Cancel, Reschedule, Reschedule, Invite, Invite}
	if !box.MailConfigured || len(got) != len(want) {
		t.Fatalf("outbox = %+v", box)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("kinds newest first = %v, want %v", got, want)
			break
		}
	}
}

func TestOrganizerFallsBackToTheSender(t *testing.T) {
	iv := sample()
	from := calendar.Person{Name: "InterviewDesk", Email: "noreply@example.com"}
	if got := Organizer(iv, from); got.Email != "rita@example.com" {
		t.Errorf("organizer with an address = %+v, want Rita", got)
	}
	iv.Interviewers[0].Email = ""
	if got := Organizer(iv, from); got != from {
		t.Errorf("organizer without an address = %+v, want the sender %+v", got, from)
	}
	if ev := Event(iv, Recipients(iv, links{})[0], Invite, time.Now(), from); ev.Organizer != from {
		t.Errorf("event organizer = %+v, want the sender", ev.Organizer)
	}
}

func TestMailSettingsDefaultsAndConflicts(t *testing.T) {
	f := newServiceFixture(t)
	m, err := f.svc.MailSettings()
	if err != nil {
		t.Fatal(err)
	}
	if m.Port != mail.DefaultPort || m.Security != mail.StartTLS || m.Configured || m.HasPassword {
		t.Errorf("never set up: %+v, want port 587 with STARTTLS, not configured", m)
	}
	iv := f.schedule(t)
	_, err = f.svc.SendAgain(iv.ID)
	if msg, _ := fault.Message(err); !errors.Is(err, mail.ErrNotConfigured) || !fault.Is(err, fault.Conflict) ||
		msg != "Email is not set up yet. Enter your SMTP server in Settings first." {
		t.Errorf("send again without email = %v", err)
	}
	if _, err := f.svc.TestMail(context.Background(), "zoe@example.org"); !fault.Is(err, fault.Conflict) {
		t.Errorf("test mail without email = %v, want a conflict", err)
	}
	if _, err := f.svc.Resend("not-a-number"); !errors.Is(err, mail.ErrNotFound) {
		t.Errorf("resend of a malformed ID = %v, want not found", err)
	}
}
