// Package calendar writes interview invitations as iCalendar objects that calendar
// clients (Google Calendar, Outlook, Apple Calendar, Thunderbird) treat as real
// meeting requests.
//
// # Basics
//
// Encode turns an Event into one VCALENDAR (RFC 5545) carrying an iTIP method
// (RFC 5546): METHOD:REQUEST to invite or update, METHOD:CANCEL to cancel. The
// object holds one VEVENT with a stable UID, the SEQUENCE, DTSTAMP in UTC,
// DTSTART/DTEND with a TZID and a matching VTIMEZONE, the ORGANIZER, one ATTENDEE
// per invited person (RSVP=TRUE, PARTSTAT=NEEDS-ACTION), SUMMARY, DESCRIPTION,
// LOCATION and URL (the recipient's own join link), STATUS and, for requests, a
// display VALARM reminder.
//
// A calendar client keeps one entry per UID and applies a message only when its
// SEQUENCE is at least the one it holds, so the caller keeps the UID fixed for the
// life of an interview and raises Sequence for every change it sends:
//
//   - create: Method Request, Sequence n (0 for a new interview);
//   - reschedule: the same UID, Sequence n+1, the new Start and End;
//   - cancel, or remove a person: Method Cancel, Sequence n+1, sent to those
//     removed (everyone, when the interview is cancelled).
//
// Each recipient gets their own copy (Event.URL is that person's link); the
// copies share UID, SEQUENCE and times. Send these bytes as RFC 6047 iMIP
// (package mail does) or offer them as a .ics file.
//
// # Time zones
//
// The VTIMEZONE is generated from Go's time zone database for the years around
// the event. When the zone changes its offset by the same yearly rule in each of
// those years (as Europe/Berlin and America/New_York do), it has one STANDARD and
// one DAYLIGHT observance with an RRULE; when the rule changes in that window, one
// observance per transition with explicit onsets; when the zone has no transition
// (Asia/Kolkata), one STANDARD observance. UTC (or an empty TimeZone) needs no
// VTIMEZONE: DTSTART and DTEND are written as UTC times.
//
// # Caveats
//
// go-ical escapes TEXT values (backslash, comma, semicolon, newline) but does not
// fold lines; Encode folds them at 75 octets without splitting a UTF-8 sequence.
// Parameter values cannot hold a double quote in iCalendar, so a quote in a name
// is written as an apostrophe.
//
// References: RFC 5545 (https://www.rfc-editor.org/rfc/rfc5545), RFC 5546
// (https://www.rfc-editor.org/rfc/rfc5546), RFC 6047
// (https://www.rfc-editor.org/rfc/rfc6047).
package calendar
