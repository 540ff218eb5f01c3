package notify

import (
	"context"
	"slices"
	"testing"
)

func TestDBusShowsTheNoteAndReportsItsClick(t *testing.T) {
	address := startBus(t)
	server := startServer(t, address)
	d, err := DialDBus(context.Background(), address)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	clicked := make(chan string, 2)
	note := func(name string) Note { return ReadyNote(name, func() { clicked <- name }) }
	if err := d.Notify(context.Background(), note("Olivia Diaz")); err != nil {
		t.Fatal(err)
	}
	olivia := <-server.notes
	if olivia.Summary != "Candidate Olivia Diaz is ready and waiting" || olivia.App != AppName || olivia.Icon != Icon ||
		!slices.Contains(olivia.Actions, actionDefault) || olivia.Hints["desktop-entry"].Value() != DesktopEntry {
		t.Errorf("the service was shown %+v", olivia)
	}
	if err := d.Notify(context.Background(), note("Sam Lee")); err != nil {
		t.Fatal(err)
	}
	sam := <-server.notes

	// Olivia's note closes unclicked; a click on an unknown note and a late
	// click on hers reach nobody. Signals arrive in order, so once Sam's click
	// is reported, those before it were seen and ignored.
	server.close(olivia.ID)
	server.click(t, 9999)
	server.click(t, olivia.ID)
	server.click(t, sam.ID)
	if got := <-clicked; got != "Sam Lee" {
		t.Fatalf("clicked %q first, want only Sam Lee's note", got)
	}
	if err := d.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
	if len(clicked) != 0 {
		t.Errorf("another click was reported: %q", <-clicked)
	}
}

func TestDBusWithoutAServiceSaysSo(t *testing.T) {
	d, err := DialDBus(context.Background(), startBus(t))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Notify(context.Background(), ReadyNote("Olivia Diaz", nil)); err == nil {
		t.Error("Notify succeeded on a bus without a notification service")
	}
}

func TestNotifySendReportsTheClick(t *testing.T) {
	address := startBus(t)
	server := startServer(t, address)
	n, err := NotifySend(address)
	if err != nil {
		t.Fatal("notify-send is needed (apt-get install libnotify-bin; scripts/deps.sh test installs it): ", err)
	}
	clicked := make(chan struct{})
	if err := n.Notify(context.Background(), ReadyNote("Olivia Diaz", func() { close(clicked) })); err != nil {
		t.Fatal(err)
	}
	got := <-server.notes
	if got.Summary != "Candidate Olivia Diaz is ready and waiting" || got.App != AppName || !slices.Contains(got.Actions, actionDefault) {
		t.Errorf("notify-send showed %+v", got)
	}
	server.click(t, got.ID)
	<-clicked
	if err := n.Close(); err != nil {
		t.Error(err)
	}
}

func TestNotifySendCloseEndsWaitingNotes(t *testing.T) {
	address := startBus(t)
	server := startServer(t, address)
	n, err := NotifySend(address)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Notify(context.Background(), ReadyNote("Olivia Diaz", func() { t.Error("clicked without a click") })); err != nil {
		t.Fatal(err)
	}
	<-server.notes
	if err := n.Close(); err != nil { // returns once notify-send has ended
		t.Error(err)
	}
	if err := n.Notify(context.Background(), ReadyNote("Sam Lee", nil)); err == nil {
		t.Error("Notify after Close succeeded")
	}
}
