package campaigns

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// MaxSlots bounds a campaign's slots.
const MaxSlots = 2000

// MaxCapacity bounds one slot's seats.
const MaxCapacity = 100

// Rule generates slots: on each chosen weekday from From to To (dates,
// inclusive), back-to-back interviews of Minutes from Start until End (wall
// times in the campaign's zone), each with Capacity seats.
type Rule struct {
	From     string `json:"from"` // 2026-12-07
	To       string `json:"to"`
	Weekdays []int  `json:"weekdays"` // 0 Sunday … 6 Saturday; empty: Monday to Friday
	Start    string `json:"start"`    // 10:00
	End      string `json:"end"`      // 16:00
	Minutes  int    `json:"minutes"`
	Capacity int    `json:"capacity"`
}

// SlotInput is one listed slot: a wall time in the campaign's zone (or RFC 3339).
type SlotInput struct {
	StartsAt        string `json:"startsAt"`
	DurationMinutes int    `json:"durationMinutes"`
	Capacity        int    `json:"capacity"`
}

var weekdays = []int{1, 2, 3, 4, 5}

// generate expands r in loc, recording problems under field.
func (r Rule) generate(e validation.Errors, field string, loc *time.Location) []Slot {
	from, err1 := time.ParseInLocation(time.DateOnly, strings.TrimSpace(r.From), loc)
	to, err2 := time.ParseInLocation(time.DateOnly, strings.TrimSpace(r.To), loc)
	start, err3 := clock(r.Start)
	end, err4 := clock(r.End)
	switch {
	case err1 != nil || err2 != nil:
		e.Add(field, "Enter the first and last day as YYYY-MM-DD, like 2026-12-07.")
	case to.Before(from) || to.Sub(from) > 366*24*time.Hour:
		e.Add(field, "The last day must follow the first, within a year.")
	case err3 != nil || err4 != nil || end <= start:
		e.Add(field, "Enter the day's first and last time as HH:MM, the last after the first, like 10:00 and 16:00.")
	case r.Minutes < 5 || r.Minutes > 240:
		e.Add(field, "Each interview lasts 5 to 240 minutes.")
	case r.Capacity < 1 || r.Capacity > MaxCapacity:
		e.Add(field, fmt.Sprintf("Each slot has 1 to %d seats.", MaxCapacity))
	}
	if len(e) > 0 {
		return nil
	}
	days := r.Weekdays
	if len(days) == 0 {
		days = weekdays
	}
	var out []Slot
	for d := from; !d.After(to) && len(out) <= MaxSlots; d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc) {
		if !containsDay(days, int(d.Weekday())) {
			continue
		}
		for m := start; m+r.Minutes <= end; m += r.Minutes {
			at := time.Date(d.Year(), d.Month(), d.Day(), m/60, m%60, 0, 0, loc)
			if at.Hour() != m/60 || at.Minute() != m%60 {
				continue // a wall time the clock skips that day (daylight saving)
			}
			out = append(out, Slot{StartsAt: at.UTC(), DurationMinutes: r.Minutes, Capacity: r.Capacity})
		}
	}
	return out
}

func containsDay(days []int, d int) bool {
	for _, x := range days {
		if x == d {
			return true
		}
	}
	return false
}

// clock parses "HH:MM" into minutes after midnight.
func clock(s string) (int, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, err
	}
	return t.Hour()*60 + t.Minute(), nil
}

// listed resolves one listed slot in loc.
func (in SlotInput) listed(e validation.Errors, field string, loc *time.Location, minutes int) Slot {
	raw := strings.TrimSpace(in.StartsAt)
	t, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		t, err = time.ParseInLocation("2006-01-02T15:04", raw, loc)
	}
	if err != nil {
		e.Add(field, "Enter the start as YYYY-MM-DDTHH:MM, like 2026-12-07T10:00.")
		return Slot{}
	}
	sl := Slot{StartsAt: t.UTC().Truncate(time.Minute), DurationMinutes: in.DurationMinutes, Capacity: in.Capacity}
	if sl.DurationMinutes == 0 {
		sl.DurationMinutes = minutes
	}
	if sl.Capacity == 0 {
		sl.Capacity = 1
	}
	switch {
	case sl.DurationMinutes < 5 || sl.DurationMinutes > 240:
		e.Add(field, "Each interview lasts 5 to 240 minutes.")
	case sl.Capacity < 1 || sl.Capacity > MaxCapacity:
		e.Add(field, fmt.Sprintf("Each slot has 1 to %d seats.", MaxCapacity))
	}
	return sl
}

// slotSpec is one item of ParseSlots: START[/DURATION][*COUNT].
var slotSpec = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?:/(\d+)m)?(?:\*(\d+))?$`)

// ParseSlots reads the CLI's slot list, e.g. "2026-12-07T10:00/45m*4,2026-12-08T14:00":
// each item is a start (wall time in the campaign's zone), optionally a length
// in minutes (default minutes) and a count of back-to-back slots (default 1),
// each with capacity seats.
func ParseSlots(spec string, minutes, capacity int) ([]SlotInput, error) {
	var out []SlotInput
	for item := range strings.SplitSeq(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		m := slotSpec.FindStringSubmatch(item)
		if m == nil {
			return nil, validation.Errors{"slots": fmt.Sprintf("%q is not START[/45m][*4], like 2026-12-07T10:00/45m*4.", item)}
		}
		start, _ := time.Parse("2006-01-02T15:04", m[1])
		length, count := minutes, 1
		if m[2] != "" {
			length, _ = strconv.Atoi(m[2])
		}
		if m[3] != "" {
			count, _ = strconv.Atoi(m[3])
		}
		if count < 1 || count > MaxSlots || length < 1 {
			return nil, validation.Errors{"slots": fmt.Sprintf("%q: give 1 to %d slots of at least a minute.", item, MaxSlots)}
		}
		for i := range count {
			// Wall-clock arithmetic: the zone is applied when the campaign is made.
			at := start.Add(time.Duration(i*length) * time.Minute)
			out = append(out, SlotInput{StartsAt: at.Format("2006-01-02T15:04"), DurationMinutes: length, Capacity: capacity})
		}
	}
	if len(out) == 0 {
		return nil, validation.Errors{"slots": "List at least one slot, like 2026-12-07T10:00/45m*4."}
	}
	return out, nil
}
