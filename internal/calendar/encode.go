package calendar

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
)

// ProdID names the product that wrote the calendar object (PRODID).
const ProdID = "-//InterviewDesk//InterviewDesk//EN"

// MIMEType is the media type of the bytes Encode returns; iMIP adds the method
// parameter (RFC 6047 section 2.4).
const MIMEType = ical.MIMEType

// maxLine is the longest content line in octets, CRLF excluded (RFC 5545 3.1).
const maxLine = 75

// Encode validates ev and returns it as an iCalendar object: CRLF line endings,
// lines folded at 75 octets, text escaped.
func Encode(ev Event) ([]byte, error) {
	if err := ev.Validate(); err != nil {
		return nil, err
	}
	loc, err := loadZone(ev.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", ev.UID, err)
	}

	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, ProdID)
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, string(ev.Method))
	if tz := vtimezone(loc, ev.Start, ev.End); tz != nil {
		cal.Children = append(cal.Children, tz)
	} else {
		loc = time.UTC
	}
	cal.Children = append(cal.Children, vevent(ev, loc))

	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return nil, fmt.Errorf("encode event %s: %w", ev.UID, err)
	}
	return fold(buf.Bytes()), nil
}

// vevent builds the VEVENT; loc is the zone DTSTART and DTEND are written in.
func vevent(ev Event, loc *time.Location) *ical.Component {
	e := ical.NewEvent()
	p := e.Props
	p.SetText(ical.PropUID, ev.UID)
	p.SetDateTime(ical.PropDateTimeStamp, ev.Stamp.UTC().Truncate(time.Second))
	p.SetDateTime(ical.PropDateTimeStart, ev.Start.In(loc).Truncate(time.Second))
	p.SetDateTime(ical.PropDateTimeEnd, ev.End.In(loc).Truncate(time.Second))
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = fmt.Sprint(ev.Sequence)
	p.Set(seq)
	p.SetText(ical.PropSummary, ev.Summary)
	if ev.Description != "" {
		p.SetText(ical.PropDescription, normalizeNewlines(ev.Description))
	}
	location := ev.Location
	if location == "" {
		location = ev.URL
	}
	if location != "" {
		p.SetText(ical.PropLocation, location)
	}
	if ev.URL != "" {
		u := ical.NewProp(ical.PropURL)
		u.Value = ev.URL
		p.Set(u)
	}
	p.SetText(ical.PropTransparency, "OPAQUE")

	status := ical.EventConfirmed
	if ev.Method == Cancel {
		status = ical.EventCancelled
	}
	e.SetStatus(status)

	p.Set(calAddress(ical.PropOrganizer, ev.Organizer.Name, ev.Organizer.Email))
	for _, a := range ev.Attendees {
		att := calAddress(ical.PropAttendee, a.Name, a.Email)
		role := a.Role
		if role == "" {
			role = RoleRequired
		}
		att.Params.Set(ical.ParamCalendarUserType, "INDIVIDUAL")
		att.Params.Set(ical.ParamRole, string(role))
		att.Params.Set(ical.ParamParticipationStatus, "NEEDS-ACTION")
		rsvp := "TRUE"
		if ev.Method == Cancel {
			rsvp = "FALSE"
		}
		att.Params.Set(ical.ParamRSVP, rsvp)
		p.Add(att)
	}

	if ev.Method == Request && ev.AlarmBefore >= 0 {
		before := ev.AlarmBefore
		if before == 0 {
			before = DefaultAlarm
		}
		alarm := ical.NewComponent(ical.CompAlarm)
		alarm.Props.SetText(ical.PropAction, "DISPLAY")
		alarm.Props.SetText(ical.PropDescription, ev.Summary)
		trigger := ical.NewProp(ical.PropTrigger)
		trigger.Value = "-" + duration(before)
		alarm.Props.Set(trigger)
		e.Children = append(e.Children, alarm)
	}
	return e.Component
}

// calAddress builds an ORGANIZER or ATTENDEE property: CN and a mailto: URI.
func calAddress(name, cn, email string) *ical.Prop {
	p := ical.NewProp(name)
	if cn = strings.TrimSpace(cn); cn != "" {
		// A parameter value cannot contain DQUOTE (RFC 5545 3.1); go-ical quotes
		// values with ":;," itself.
		p.Params.Set(ical.ParamCommonName, strings.ReplaceAll(cn, `"`, "'"))
	}
	p.Value = "mailto:" + email
	return p
}

// duration formats d as an RFC 5545 dur-time such as PT15M or PT1H30M.
func duration(d time.Duration) string {
	d = d.Truncate(time.Second)
	var b strings.Builder
	b.WriteString("PT")
	if h := d / time.Hour; h > 0 {
		fmt.Fprintf(&b, "%dH", h)
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		fmt.Fprintf(&b, "%dM", m)
		d -= m * time.Minute
	}
	if s := d / time.Second; s > 0 || b.Len() == 2 {
		fmt.Fprintf(&b, "%dS", s)
	}
	return b.String()
}

// normalizeNewlines turns CRLF and lone CR into LF, which go-ical escapes as \n.
func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// fold splits content lines longer than 75 octets (RFC 5545 3.1): CRLF, then a
// space, never inside a UTF-8 sequence.
func fold(in []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(in) + len(in)/maxLine*3)
	for len(in) > 0 {
		line := in
		rest := []byte(nil)
		if i := bytes.Index(in, []byte("\r\n")); i >= 0 {
			line, rest = in[:i], in[i+2:]
		}
		limit := maxLine
		for len(line) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			out.Write(line[:cut])
			out.WriteString("\r\n ")
			line = line[cut:]
			limit = maxLine - 1 // the leading space counts
		}
		out.Write(line)
		out.WriteString("\r\n")
		in = rest
	}
	return out.Bytes()
}
