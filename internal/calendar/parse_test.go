package calendar

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
)

// This file reads generated calendars back with two independent parsers:
// go-ical's decoder and Debian's python3-icalendar.

// pyScript prints, for each .ics path in argv, the fields calendar clients rely
// on as JSON. For DTSTART/DTEND it also evaluates the offset that the object's
// own VTIMEZONE gives at that local time (icalendar's Timezone.to_tz), so the
// generated VTIMEZONE is checked against Go's zone database by a third party.
const pyScript = `
import json, sys
from datetime import timezone
import icalendar

def one(v):
    return v[0] if isinstance(v, list) else v

def many(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]

def address(p):
    return {"value": str(p), "params": {k: str(v) for k, v in p.params.items()}}

def when(p, tzs):
    d = p.dt
    tzid = p.params.get("TZID", "")
    r = {"tzid": tzid, "utc": d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
         "local": d.strftime("%Y-%m-%dT%H:%M:%S")}
    if tzid in tzs:
        local = d.replace(tzinfo=None)
        off = tzs[tzid].to_tz().localize(local).utcoffset()
        r["vtimezoneOffset"] = int(off.total_seconds())
    return r

out = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    tzs = {str(c["TZID"]): c for c in cal.walk("VTIMEZONE")}
    res = {k.lower(): str(cal.get(k, "")) for k in ("METHOD", "PRODID", "VERSION", "CALSCALE")}
    res["timezones"] = [{
        "tzid": str(tz["TZID"]),
        "observances": [{
            "kind": o.name,
            "dtstart": o["DTSTART"].dt.strftime("%Y-%m-%dT%H:%M:%S"),
            "from": int(o["TZOFFSETFROM"].td.total_seconds()),
            "to": int(o["TZOFFSETTO"].td.total_seconds()),
            "name": str(o.get("TZNAME", "")),
            "rrule": o["RRULE"].to_ical().decode() if "RRULE" in o else "",
        } for o in tz.subcomponents],
    } for tz in cal.walk("VTIMEZONE")]
    res["events"] = [{
        "uid": str(ev["UID"]),
        "sequence": int(ev["SEQUENCE"]),
        "status": str(ev.get("STATUS", "")),
        "summary": str(ev.get("SUMMARY", "")),
        "description": str(ev.get("DESCRIPTION", "")),
        "location": str(ev.get("LOCATION", "")),
        "url": str(ev.get("URL", "")),
        "dtstamp": ev["DTSTAMP"].dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "dtstart": when(ev["DTSTART"], tzs),
        "dtend": when(ev["DTEND"], tzs),
        "organizer": address(ev["ORGANIZER"]),
        "attendees": [address(a) for a in many(ev.get("ATTENDEE"))],
        "alarms": [{"action": str(a["ACTION"]), "trigger": int(a["TRIGGER"].dt.total_seconds()),
                    "description": str(a.get("DESCRIPTION", ""))} for a in ev.walk("VALARM")],
    } for ev in cal.walk("VEVENT")]
    out.append(res)
print(json.dumps(out))
`

type pyCalendar struct {
	Method    string       `json:"method"`
	ProdID    string       `json:"prodid"`
	Version   string       `json:"version"`
	CalScale  string       `json:"calscale"`
	Timezones []pyTimezone `json:"timezones"`
	Events    []pyEvent    `json:"events"`
}

type pyTimezone struct {
	TZID        string         `json:"tzid"`
	Observances []pyObservance `json:"observances"`
}

type pyObservance struct {
	Kind    string `json:"kind"`
	DTStart string `json:"dtstart"`
	From    int    `json:"from"`
	To      int    `json:"to"`
	Name    string `json:"name"`
	RRule   string `json:"rrule"`
}

type pyWhen struct {
	TZID            string `json:"tzid"`
	UTC             string `json:"utc"`
	Local           string `json:"local"`
	VTimezoneOffset *int   `json:"vtimezoneOffset"`
}

type pyAddress struct {
	Value  string            `json:"value"`
	Params map[string]string `json:"params"`
}

type pyEvent struct {
	UID         string      `json:"uid"`
	Sequence    int         `json:"sequence"`
	Status      string      `json:"status"`
	Summary     string      `json:"summary"`
	Description string      `json:"description"`
	Location    string      `json:"location"`
	URL         string      `json:"url"`
	DTStamp     string      `json:"dtstamp"`
	DTStart     pyWhen      `json:"dtstart"`
	DTEnd       pyWhen      `json:"dtend"`
	Organizer   pyAddress   `json:"organizer"`
	Attendees   []pyAddress `json:"attendees"`
	Alarms      []struct {
		Action      string `json:"action"`
		Trigger     int    `json:"trigger"`
		Description string `json:"description"`
	} `json:"alarms"`
}

var (
	pythonOnce sync.Once
	pythonPath string
)

// python returns an interpreter that can import icalendar, or fails the test
// saying how to install it. Debian's /usr/bin/python3 comes first: a python3
// earlier on PATH (pyenv, a venv) does not see Debian's packages.
func python(t *testing.T) string {
	t.Helper()
	pythonOnce.Do(func() {
		candidates := []string{"/usr/bin/python3"}
		if p, err := exec.LookPath("python3"); err == nil {
			candidates = append(candidates, p)
		}
		for _, c := range candidates {
			if exec.Command(c, "-c", "import icalendar").Run() == nil {
				pythonPath = c
				return
			}
		}
	})
	if pythonPath == "" {
		t.Fatal("python3-icalendar is missing: these tests parse every generated .ics with it as an independent parser. " +
			"Install it with: apt-get install python3-icalendar")
	}
	return pythonPath
}

// parsePython parses each calendar with python3-icalendar.
func parsePython(t *testing.T, cals ...[]byte) []pyCalendar {
	t.Helper()
	dir := t.TempDir()
	args := []string{"-c", pyScript}
	for i, c := range cals {
		p := filepath.Join(dir, "cal"+string(rune('a'+i))+".ics")
		if err := os.WriteFile(p, c, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	cmd := exec.Command(python(t), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3-icalendar could not parse the calendar: %v\n%s", err, stderr.String())
	}
	var res []pyCalendar
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("decode python output %q: %v", out, err)
	}
	if len(res) != len(cals) {
		t.Fatalf("python parsed %d calendars, want %d", len(res), len(cals))
	}
	return res
}

// parseGo decodes data with go-ical and returns its only VEVENT.
func parseGo(t *testing.T, data []byte) (*ical.Calendar, ical.Event) {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("go-ical could not decode the calendar: %v\n%s", err, data)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("calendar has %d VEVENTs, want 1", len(events))
	}
	return cal, events[0]
}

// checkWire checks the octet-level rules: CRLF only, lines of at most 75
// octets, folds that do not split a UTF-8 sequence.
func checkWire(t *testing.T, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Error("calendar does not end with CRLF")
	}
	if n := bytes.Count(data, []byte("\n")); n != bytes.Count(data, []byte("\r\n")) {
		t.Error("calendar has a bare LF; every line must end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets, more than 75: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, line)
		}
		if strings.ContainsRune(line, '\r') {
			t.Errorf("line %d has a bare CR", i+1)
		}
	}
}
