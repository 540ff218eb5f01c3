package validation

import (
	_ "embed"
	"strings"
	"time"
)

// zones.txt lists the names of the IANA time-zone database (its Zone and Link
// entries, without the placeholder "Factory"): the names browsers know. A
// zoneinfo folder holds more files (posixrules, localtime, posix/…, right/…),
// which the host could load but a browser's Intl cannot, so they are refused.
// Regenerate from a newer database with go generate.
//
//go:generate sh zones.sh
//go:embed zones.txt
var zoneList string

var zoneNames = func() map[string]bool {
	m := map[string]bool{}
	for _, z := range strings.Fields(zoneList) {
		m[z] = true
	}
	return m
}()

// IsTimeZone reports whether name is an IANA time-zone name that both the
// host and browsers know.
func IsTimeZone(name string) bool {
	if !zoneNames[name] {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}

// TimeZone checks an IANA zone name (trimmed) and returns it, and its
// location when it is one.
func (e Errors) TimeZone(field, value string) (string, *time.Location) {
	v := strings.TrimSpace(value)
	if !IsTimeZone(v) {
		e.Add(field, "Choose a time zone from the list, like Europe/Berlin.")
		return v, nil
	}
	loc, _ := time.LoadLocation(v)
	return v, loc
}
