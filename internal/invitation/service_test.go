package invitation

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
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
	db     *store.DB
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
	return serviceFixture{svc: svc, ivs: ivs, st: st, outbox: outbox, db: db, tpl: list[0].ID}
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

// storeInterviewers rewrites interview id's interviewers as data stored
// before today's input rules would have it.
func (f serviceFixture) storeInterviewers(t *testing.T, db *store.DB, id string, edit func([]interviews.Interviewer)) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		var iv interviews.Interview
		if err := store.GetJSON(tx, store.BucketInterviews, []byte(id), &iv); err != nil {
			return err
		}
		edit(iv.Interviewers)
		return store.PutJSON(tx, store.BucketInterviews, []byte(id), iv)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOneBadNameNeverStopsTheOthersNotices(t *testing.T) {
	f := newServiceFixture(t)
	f.setUpMail(t)
	iv := f.schedule(t)
	if _, err := f.ivs.AddInterviewer(iv.ID, interviews.Person{Name: "Ben Bell", Email: "ben@example.com"}); err != nil {
		t.Fatal(err)
	}
	f.storeInterviewers(t, f.db, iv.ID, func(in []interviews.Interviewer) { in[1].Name = "Ben\tB\x07ell" })
	if _, err := f.ivs.Reschedule(iv.ID, "2026-12-02T14:30", ""); err != nil {
		t.Fatal(err)
	}
	box, err := f.svc.Outbox(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	moved := map[string]Sent{}
	for _, m := range box.Messages {
		if m.Kind == Reschedule {
			moved[m.To.Email] = m
		}
	}
	for _, email := range []string{"olivia@example.com", "rita@example.com", "ben@example.com"} {
		if m, ok := moved[email]; !ok || m.State != mail.Queued {
			t.Errorf("reschedule notice to %s = %+v, want it queued", email, m)
		}
	}
	if m := moved["ben@example.com"]; m.To.Name != "Ben B ell" {
		t.Errorf("Ben's name in his notice = %q, want the stored name made one clean line", m.To.Name)
	}
}

func TestAnUnwritableNoticeIsAVisibleFailure(t *testing.T) {
	f := newServiceFixture(t)
	f.setUpMail(t)
	iv := f.schedule(t)
	if _, err := f.ivs.AddInterviewer(iv.ID, interviews.Person{Name: "Ben Bell", Email: "ben@example.com"}); err != nil {
		t.Fatal(err)
	}
	f.storeInterviewers(t, f.db, iv.ID, func(in []interviews.Interviewer) { in[1].Email = "ben@localhost" })
	if _, err := f.ivs.Cancel(iv.ID); err != nil {
		t.Fatal(err)
	}
	box, err := f.svc.Outbox(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	var failed []Sent
	queued := 0
	for _, m := range box.Messages {
		switch {
		case m.Kind != Cancel:
		case m.State == mail.Failed:
			failed = append(failed, m)
		case m.State == mail.Queued:
			queued++
		}
	}
	if queued != 2 || len(failed) != 1 {
		t.Fatalf("cancellations: %d queued, failed %+v; want the candidate's and Rita's queued and Ben's failed", queued, failed)
	}
	bad := failed[0]
	if bad.To.Email != "ben@localhost" || !bad.Uncomposed || !strings.Contains(bad.LastError, "Send invitations again") ||
		!strings.Contains(bad.LastError, "valid") {
		t.Errorf("Ben's cancellation = %+v, want an uncomposed failure that says why and what to do", bad)
	}
	_, err = f.svc.Resend(bad.ID)
	if msg, _ := fault.Message(err); !fault.Is(err, fault.Conflict) || !strings.Contains(msg, "nothing to resend") {
		t.Errorf("resend of an uncomposed message = %v, want a conflict that says so", err)
	}
}
