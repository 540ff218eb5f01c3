package calendar

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var stamp = time.Date(2026, 3, 2, 8, 30, 0, 0, time.UTC)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func offsetText(p *int) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

func encode(t *testing.T, ev Event) []byte {
	t.Helper()
	data, err := Encode(ev)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	checkWire(t, data)
	return data
}

const (
	candidateLink   = "https://interviews.example.com/r/cAnd1dateTok3n?lang=en,de"
	interviewerLink = "https://interviews.example.com/r/1ntErv1ewerTok3n"
)

func candidateInvite(t *testing.T) Event {
	berlin := zone(t, "Europe/Berlin")
	return Event{
		UID:      "iv-7f3a9c@interviewdesk",
		Sequence: 0,
		Method:   Request,
		Summary:  "Interview: Senior Go Engineer, backend; round 1",
		Description: "Hello Zoë,\n\nJoin with this link: " + candidateLink + "\n" +
			"Please prepare: a current browser, camera, microphone; a quiet place.\r\n" +
			"Device check: https://interviews.example.com/check\\test",
		URL:       candidateLink,
		Start:     time.Date(2026, 3, 26, 15, 0, 0, 0, berlin),
		End:       time.Date(2026, 3, 26, 16, 0, 0, 0, berlin),
		TimeZone:  "Europe/Berlin",
		Organizer: Person{Name: "Renée Ørsted", Email: "renee@example.com"},
		Attendees: []Attendee{{Name: "Zoë Łukasiewicz, PhD", Email: "zoe@example.org"}},
		Stamp:     stamp,
	}
}

// TestLifecycle follows one interview through the iTIP messages its people get
// and checks each with both parsers: same UID throughout, SEQUENCE raised on
// every change, METHOD/STATUS matching, each copy carrying only its own link.
func TestLifecycle(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	create := candidateInvite(t)

	reschedule := create
	reschedule.Sequence = 1
	reschedule.Start = time.Date(2026, 4, 2, 10, 0, 0, 0, berlin) // after the switch to CEST
	reschedule.End = reschedule.Start.Add(90 * time.Minute)
	reschedule.Stamp = stamp.Add(time.Hour)

	interviewer := reschedule
	interviewer.URL = interviewerLink
	interviewer.Description = "Interviewer link: " + interviewerLink
	interviewer.Attendees = []Attendee{{Name: "Ivan Petrov", Email: "ivan@example.com"}}
	interviewer.Stamp = stamp.Add(2 * time.Hour)

	removeInterviewer := interviewer
	removeInterviewer.Method = Cancel
	removeInterviewer.Sequence = 2
	removeInterviewer.Stamp = stamp.Add(3 * time.Hour)

	cancel := reschedule
	cancel.Method = Cancel
	cancel.Sequence = 3
	cancel.Stamp = stamp.Add(4 * time.Hour)

	steps := []struct {
		golden   string
		ev       Event
		method   string
		status   string
		startUTC string
		offset   int
		rsvp     string
		alarm    bool
	}{
		{"lifecycle-1-create.ics", create, "REQUEST", "CONFIRMED", "2026-03-26T14:00:00Z", 3600, "TRUE", true},
		{"lifecycle-2-reschedule.ics", reschedule, "REQUEST", "CONFIRMED", "2026-04-02T08:00:00Z", 7200, "TRUE", true},
		{"lifecycle-3-add-interviewer.ics", interviewer, "REQUEST", "CONFIRMED", "2026-04-02T08:00:00Z", 7200, "TRUE", true},
		{"lifecycle-4-remove-interviewer.ics", removeInterviewer, "CANCEL", "CANCELLED", "2026-04-02T08:00:00Z", 7200, "FALSE", false},
		{"lifecycle-5-cancel.ics", cancel, "CANCEL", "CANCELLED", "2026-04-02T08:00:00Z", 7200, "FALSE", false},
	}
	datas := make([][]byte, len(steps))
	for i, st := range steps {
		datas[i] = encode(t, st.ev)
		golden(t, st.golden, datas[i])
	}
	parsed := parsePython(t, datas...)

	for i, st := range steps {
		t.Run(st.golden, func(t *testing.T) {
			// go-ical
			cal, ev := parseGo(t, datas[i])
			if got, _ := cal.Props.Text(ical.PropMethod); got != st.method {
				t.Errorf("go-ical METHOD = %q, want %q", got, st.method)
			}
			if got, _ := ev.Props.Text(ical.PropUID); got != create.UID {
				t.Errorf("go-ical UID = %q, want the stable %q", got, create.UID)
			}
			if got, _ := ev.Props.Get(ical.PropSequence).Int(); got != st.ev.Sequence {
				t.Errorf("go-ical SEQUENCE = %d, want %d", got, st.ev.Sequence)
			}
			if got, _ := ev.Status(); string(got) != st.status {
				t.Errorf("go-ical STATUS = %q, want %q", got, st.status)
			}
			start, err := ev.DateTimeStart(nil)
			if err != nil || !start.Equal(st.ev.Start) {
				t.Errorf("go-ical DTSTART = %v (%v), want %v", start, err, st.ev.Start)
			}
			if tzid := ev.Props.Get(ical.PropDateTimeStart).Params.Get(ical.ParamTimezoneID); tzid != "Europe/Berlin" {
				t.Errorf("go-ical DTSTART TZID = %q, want Europe/Berlin", tzid)
			}
			if got, _ := ev.Props.Text(ical.PropDescription); got != normalizeNewlines(st.ev.Description) {
				t.Errorf("go-ical DESCRIPTION = %q, want %q", got, normalizeNewlines(st.ev.Description))
			}

			// python3-icalendar
			py := parsed[i]
			if py.Method != st.method || py.Version != "2.0" || py.CalScale != "GREGORIAN" || py.ProdID != ProdID {
				t.Errorf("python: METHOD/VERSION/CALSCALE/PRODID = %q/%q/%q/%q", py.Method, py.Version, py.CalScale, py.ProdID)
			}
			if len(py.Events) != 1 || len(py.Timezones) != 1 || py.Timezones[0].TZID != "Europe/Berlin" {
				t.Fatalf("python: %d events, timezones %+v; want one event and a Europe/Berlin VTIMEZONE", len(py.Events), py.Timezones)
			}
			e := py.Events[0]
			if e.UID != create.UID || e.Sequence != st.ev.Sequence || e.Status != st.status {
				t.Errorf("python: UID/SEQUENCE/STATUS = %q/%d/%q, want %q/%d/%q", e.UID, e.Sequence, e.Status, create.UID, st.ev.Sequence, st.status)
			}
			if e.DTStamp != st.ev.Stamp.UTC().Format("2006-01-02T15:04:05Z") {
				t.Errorf("python: DTSTAMP = %q, want %v", e.DTStamp, st.ev.Stamp.UTC())
			}
			if e.DTStart.UTC != st.startUTC || e.DTStart.TZID != "Europe/Berlin" {
				t.Errorf("python: DTSTART = %+v, want %s with TZID Europe/Berlin", e.DTStart, st.startUTC)
			}
			if e.DTStart.VTimezoneOffset == nil || *e.DTStart.VTimezoneOffset != st.offset {
				t.Errorf("python: offset from our VTIMEZONE at DTSTART = %s, want %d", offsetText(e.DTStart.VTimezoneOffset), st.offset)
			}
			if e.DTEnd.UTC != st.ev.End.UTC().Format("2006-01-02T15:04:05Z") {
				t.Errorf("python: DTEND = %q, want %v", e.DTEnd.UTC, st.ev.End.UTC())
			}
			if e.URL != st.ev.URL || e.Location != st.ev.URL {
				t.Errorf("python: URL/LOCATION = %q/%q, want the recipient's link %q", e.URL, e.Location, st.ev.URL)
			}
			other := interviewerLink
			if st.ev.URL == interviewerLink {
				other = candidateLink
			}
			if bytes.Contains(datas[i], []byte(strings.Split(other, "?")[0][len("https://interviews.example.com/r/"):])) {
				t.Errorf("the copy for %s carries someone else's link %s", st.ev.Attendees[0].Email, other)
			}
			if e.Description != normalizeNewlines(st.ev.Description) {
				t.Errorf("python: DESCRIPTION = %q, want %q", e.Description, normalizeNewlines(st.ev.Description))
			}
			if e.Organizer.Value != "mailto:renee@example.com" || e.Organizer.Params["CN"] != "Renée Ørsted" {
				t.Errorf("python: ORGANIZER = %+v", e.Organizer)
			}
			if len(e.Attendees) != 1 {
				t.Fatalf("python: %d ATTENDEEs, want 1", len(e.Attendees))
			}
			a, want := e.Attendees[0], st.ev.Attendees[0]
			if a.Value != "mailto:"+want.Email || a.Params["CN"] != want.Name || a.Params["ROLE"] != "REQ-PARTICIPANT" ||
				a.Params["PARTSTAT"] != "NEEDS-ACTION" || a.Params["RSVP"] != st.rsvp {
				t.Errorf("python: ATTENDEE = %+v, want %s with CN %q, REQ-PARTICIPANT, NEEDS-ACTION, RSVP=%s", a, want.Email, want.Name, st.rsvp)
			}
			switch {
			case st.alarm && (len(e.Alarms) != 1 || e.Alarms[0].Action != "DISPLAY" || e.Alarms[0].Trigger != -900 || e.Alarms[0].Description == ""):
				t.Errorf("python: alarms = %+v, want one DISPLAY alarm 15 minutes before", e.Alarms)
			case !st.alarm && len(e.Alarms) != 0:
				t.Errorf("python: a cancellation carries alarms %+v", e.Alarms)
			}
		})
	}
}

// TestTimeZones checks the generated VTIMEZONE: its observances, and that the
// offset it gives at DTSTART and DTEND (evaluated by python3-icalendar from the
// VTIMEZONE alone) is the one Go's zone database has.
func TestTimeZones(t *testing.T) {
	type obs struct {
		kind     string
		from, to int
		rrule    string // sorted parts, "" for none
	}
	tests := []struct {
		name   string
		zone   string
		start  time.Time // wall time in zone
		dur    time.Duration
		golden string
		want   []obs // nil: check offsets only
		noTZ   bool  // written in UTC, without VTIMEZONE
	}{
		{name: "Berlin winter", zone: "Europe/Berlin", start: time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC), dur: time.Hour,
			golden: "tz-europe-berlin.ics", want: []obs{
				{"DAYLIGHT", 3600, 7200, "BYDAY=-1SU;BYMONTH=3;FREQ=YEARLY"},
				{"STANDARD", 7200, 3600, "BYDAY=-1SU;BYMONTH=10;FREQ=YEARLY"}}},
		{name: "Berlin summer", zone: "Europe/Berlin", start: time.Date(2026, 7, 15, 9, 0, 0, 0, time.UTC), dur: time.Hour},
		{name: "Berlin across the switch to CET", zone: "Europe/Berlin", start: time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), dur: 2 * time.Hour},
		{name: "Kolkata", zone: "Asia/Kolkata", start: time.Date(2026, 5, 4, 18, 30, 0, 0, time.UTC), dur: time.Hour,
			golden: "tz-asia-kolkata.ics", want: []obs{{"STANDARD", 19800, 19800, ""}}},
		{name: "New York", zone: "America/New_York", start: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), dur: time.Hour,
			golden: "tz-america-new_york.ics", want: []obs{
				{"DAYLIGHT", -18000, -14400, "BYDAY=2SU;BYMONTH=3;FREQ=YEARLY"},
				{"STANDARD", -14400, -18000, "BYDAY=1SU;BYMONTH=11;FREQ=YEARLY"}}},
		{name: "Lord Howe half-hour DST", zone: "Australia/Lord_Howe", start: time.Date(2026, 2, 10, 9, 0, 0, 0, time.UTC), dur: time.Hour},
		{name: "Sydney across new year", zone: "Australia/Sydney", start: time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), dur: time.Hour},
		{name: "Sao Paulo the year DST ended", zone: "America/Sao_Paulo", start: time.Date(2019, 1, 20, 14, 0, 0, 0, time.UTC), dur: time.Hour},
		{name: "Dublin negative DST", zone: "Europe/Dublin", start: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), dur: time.Hour},
		{name: "UTC", zone: "UTC", start: time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC), dur: time.Hour, noTZ: true},
		{name: "fixed zone at offset 0 is UTC", zone: "Etc/GMT", start: time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC), dur: time.Hour, noTZ: true},
		{name: "empty zone is UTC", zone: "", start: time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC), dur: time.Hour, noTZ: true},
	}
	datas := make([][]byte, len(tests))
	events := make([]Event, len(tests))
	for i, tc := range tests {
		loc := time.UTC
		if tc.zone != "" {
			loc = zone(t, tc.zone)
		}
		s := tc.start
		start := time.Date(s.Year(), s.Month(), s.Day(), s.Hour(), s.Minute(), 0, 0, loc)
		ev := candidateInvite(t)
		ev.Start, ev.End, ev.TimeZone = start, start.Add(tc.dur), tc.zone
		events[i] = ev
		datas[i] = encode(t, ev)
		if tc.golden != "" {
			golden(t, tc.golden, datas[i])
		}
	}
	parsed := parsePython(t, datas...)

	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev, py := events[i], parsed[i]
			e := py.Events[0]
			for _, w := range []struct {
				what string
				at   time.Time
				got  pyWhen
			}{{"DTSTART", ev.Start, e.DTStart}, {"DTEND", ev.End, e.DTEnd}} {
				if want := w.at.UTC().Format("2006-01-02T15:04:05Z"); w.got.UTC != want {
					t.Errorf("python: %s = %s UTC, want %s", w.what, w.got.UTC, want)
				}
				if tc.noTZ {
					if w.got.TZID != "" || len(py.Timezones) != 0 {
						t.Errorf("python: %s has TZID %q and %d VTIMEZONEs; want a plain UTC time", w.what, w.got.TZID, len(py.Timezones))
					}
					continue
				}
				_, off := w.at.Zone()
				if w.got.TZID != tc.zone || w.got.VTimezoneOffset == nil || *w.got.VTimezoneOffset != off {
					t.Errorf("python: %s TZID %q, offset from our VTIMEZONE %s; want %q and %d (Go's tz database)",
						w.what, w.got.TZID, offsetText(w.got.VTimezoneOffset), tc.zone, off)
				}
				if want := w.at.Format("2006-01-02T15:04:05"); w.got.Local != want {
					t.Errorf("python: %s local time = %s, want %s", w.what, w.got.Local, want)
				}
			}
			if tc.want == nil {
				return
			}
			var got []obs
			for _, o := range py.Timezones[0].Observances {
				parts := strings.Split(o.RRule, ";")
				sort.Strings(parts)
				got = append(got, obs{o.Kind, o.From, o.To, strings.Join(parts, ";")})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("observances = %+v, want %+v", got, tc.want)
			}
			for j := range got {
				if got[j] != tc.want[j] {
					t.Errorf("observance %d = %+v, want %+v", j, got[j], tc.want[j])
				}
			}
		})
	}
}

// TestTextRoundTrip writes awkward text and reads it back with both parsers.
func TestTextRoundTrip(t *testing.T) {
	tests := []struct {
		name        string
		summary     string
		description string
		location    string
		person      string
		wantCN      string
	}{
		{"punctuation", "Interview: A, B; C", "a, b; c\nd \\ e: f", "Room 1, floor 2; east", "Doe, Jane; PhD: Ops", "Doe, Jane; PhD: Ops"},
		{"line endings", "Summary", "windows\r\nmac\rnix\n\ntrailing\n", "", "Plain Name", "Plain Name"},
		{"non-ASCII", "Собеседование — Go 🎉", strings.Repeat("Zoë Łukasiewicz 日本語テキスト 🎉 ", 12), "Zürich, Bahnhofstraße",
			"Zoë Łukasiewicz-Ørsted", "Zoë Łukasiewicz-Ørsted"},
		{"quote in a name", "S", "d", "", `Robert "Bob" Tables`, "Robert 'Bob' Tables"},
	}
	datas := make([][]byte, len(tests))
	for i, tc := range tests {
		ev := candidateInvite(t)
		ev.Summary, ev.Description, ev.Location = tc.summary, tc.description, tc.location
		ev.Attendees = []Attendee{{Name: tc.person, Email: "p@example.org"}}
		datas[i] = encode(t, ev)
	}
	parsed := parsePython(t, datas...)
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantDesc := normalizeNewlines(tc.description)
			wantLoc := tc.location
			if wantLoc == "" {
				wantLoc = candidateLink
			}
			_, ev := parseGo(t, datas[i])
			for prop, want := range map[string]string{ical.PropSummary: tc.summary, ical.PropDescription: wantDesc, ical.PropLocation: wantLoc} {
				if got, err := ev.Props.Text(prop); err != nil || got != want {
					t.Errorf("go-ical %s = %q (%v), want %q", prop, got, err, want)
				}
			}
			if got := ev.Props.Get(ical.PropAttendee).Params.Get(ical.ParamCommonName); got != tc.wantCN {
				t.Errorf("go-ical ATTENDEE CN = %q, want %q", got, tc.wantCN)
			}
			e := parsed[i].Events[0]
			if e.Summary != tc.summary || e.Description != wantDesc || e.Location != wantLoc {
				t.Errorf("python: SUMMARY/DESCRIPTION/LOCATION = %q / %q / %q, want %q / %q / %q",
					e.Summary, e.Description, e.Location, tc.summary, wantDesc, wantLoc)
			}
			if got := e.Attendees[0].Params["CN"]; got != tc.wantCN {
				t.Errorf("python: ATTENDEE CN = %q, want %q", got, tc.wantCN)
			}
		})
	}
}

func TestAlarm(t *testing.T) {
	tests := []struct {
		before time.Duration
		want   string // TRIGGER value; "" for no VALARM
	}{
		{0, "-PT15M"},
		{time.Hour, "-PT1H"},
		{90 * time.Minute, "-PT1H30M"},
		{24*time.Hour + 30*time.Second, "-PT24H30S"},
		{-1, ""},
	}
	for _, tc := range tests {
		ev := candidateInvite(t)
		ev.AlarmBefore = tc.before
		_, e := parseGo(t, encode(t, ev))
		var got string
		for _, c := range e.Children {
			if c.Name == ical.CompAlarm {
				got = c.Props.Get(ical.PropTrigger).Value
			}
		}
		if got != tc.want {
			t.Errorf("AlarmBefore %v: TRIGGER %q, want %q", tc.before, got, tc.want)
		}
	}
}

func TestFoldNeverSplitsUTF8(t *testing.T) {
	for n := 60; n < 90; n++ {
		line := "DESCRIPTION:" + strings.Repeat("a", n%3) + strings.Repeat("€", n)
		out := fold([]byte(line + "\r\n"))
		checkWire(t, out)
		if got := strings.ReplaceAll(string(out), "\r\n ", ""); got != line+"\r\n" {
			t.Fatalf("unfolding gives %q, want %q", got, line)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Event)
		field  string
	}{
		{"no UID", func(e *Event) { e.UID = "" }, "uid"},
		{"unknown method", func(e *Event) { e.Method = "PUBLISH" }, "method"},
		{"negative sequence", func(e *Event) { e.Sequence = -1 }, "sequence"},
		{"newline in summary", func(e *Event) { e.Summary = "Hi\r\nATTENDEE:mailto:eve@example.com" }, "summary"},
		{"control character in summary", func(e *Event) { e.Summary = "bell\a" }, "summary"},
		{"no summary", func(e *Event) { e.Summary = " " }, "summary"},
		{"NUL in description", func(e *Event) { e.Description = "a\x00b" }, "description"},
		{"link not http", func(e *Event) { e.URL = "javascript:alert(1)" }, "url"},
		{"link with a newline", func(e *Event) { e.URL = "https://a.example/x\r\nATTENDEE:x" }, "url"},
		{"end before start", func(e *Event) { e.End = e.Start.Add(-time.Minute) }, "end"},
		{"no start", func(e *Event) { e.Start = time.Time{} }, "start"},
		{"unknown zone", func(e *Event) { e.TimeZone = "Mars/Olympus" }, "timeZone"},
		{"Local is no zone name", func(e *Event) { e.TimeZone = "Local" }, "timeZone"},
		{"organizer address", func(e *Event) { e.Organizer.Email = "renee" }, "organizer.email"},
		{"no attendees", func(e *Event) { e.Attendees = nil }, "attendees"},
		{"attendee address injection", func(e *Event) { e.Attendees[0].Email = "a@example.org\r\nBcc: eve@example.com" }, "attendees[0].email"},
		{"attendee name too long", func(e *Event) { e.Attendees[0].Name = strings.Repeat("x", 10000) }, "attendees[0].name"},
		{"attendee name newline", func(e *Event) { e.Attendees[0].Name = "Zoë\nX" }, "attendees[0].name"},
		{"attendee role", func(e *Event) { e.Attendees[0].Role = "BOSS" }, "attendees[0].role"},
		{"no stamp", func(e *Event) { e.Stamp = time.Time{} }, "stamp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := candidateInvite(t)
			tc.change(&ev)
			_, err := Encode(ev)
			var fe validation.Errors
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) {
				t.Fatalf("Encode error = %v, want ErrInvalid with validation.Errors", err)
			}
			if fe[tc.field] == "" {
				t.Errorf("errors = %v, want one for %q", fe, tc.field)
			}
		})
	}
	if err := candidateInvite(t).Validate(); err != nil {
		t.Errorf("valid event: %v", err)
	}
}
