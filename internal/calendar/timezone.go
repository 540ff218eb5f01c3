package calendar

import (
	"fmt"
	"sort"
	"time"

	ical "github.com/emersion/go-ical"
)

// wallFormat is a local date-time without zone, as VTIMEZONE onsets are written.
const wallFormat = "20060102T150405"

// scanStep is how finely the zone is sampled for transitions; two transitions
// closer than this that cancel out are missed, which no real zone does.
const scanStep = 6 * time.Hour

// transition is one change of a zone's UTC offset (or of its DST flag).
type transition struct {
	at       time.Time // the instant of the change
	from, to int       // offsets east of UTC, in seconds, before and after
	name     string    // abbreviation after the change, e.g. "CEST"
	dst      bool      // whether daylight saving time is observed after
}

// onset is the transition's local time before the change, which is how a
// VTIMEZONE observance's DTSTART is written (RFC 5545 3.6.5).
func (tr transition) onset() time.Time {
	return tr.at.In(time.FixedZone("", tr.from))
}

type zoneState struct {
	offset int
	dst    bool
}

func stateAt(loc *time.Location, unix int64) zoneState {
	t := time.Unix(unix, 0).In(loc)
	_, off := t.Zone()
	return zoneState{offset: off, dst: t.IsDST()}
}

// transitions lists loc's transitions in [from, to), found by sampling every
// scanStep and a binary search down to the second.
func transitions(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	cur, end, step := from.Unix(), to.Unix(), int64(scanStep/time.Second)
	st := stateAt(loc, cur)
	for cur < end {
		next := min(cur+step, end)
		if stateAt(loc, next) == st {
			cur = next
			continue
		}
		lo, hi := cur, next // st holds at lo, not at hi
		for hi-lo > 1 {
			if mid := lo + (hi-lo)/2; stateAt(loc, mid) == st {
				lo = mid
			} else {
				hi = mid
			}
		}
		at := time.Unix(hi, 0).In(loc)
		name, off := at.Zone()
		out = append(out, transition{at: at.UTC(), from: st.offset, to: off, name: name, dst: at.IsDST()})
		cur, st = hi, stateAt(loc, hi)
	}
	return out
}

// vtimezone describes loc for the years around [start, end], or returns nil when
// the event is better written in UTC (UTC itself, or a zone fixed at offset 0).
func vtimezone(loc *time.Location, start, end time.Time) *ical.Component {
	if loc == time.UTC {
		return nil
	}
	first, last := start.In(loc).Year()-1, end.In(loc).Year()+1
	from := time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(last+1, 1, 1, 0, 0, 0, 0, time.UTC)
	trs := transitions(loc, from, to)

	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, loc.String())
	initial := from.In(loc)
	name, off := initial.Zone()
	switch {
	case len(trs) == 0 && off == 0:
		return nil
	case len(trs) == 0:
		// A fixed offset (Asia/Kolkata): one observance from the epoch on.
		epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
		tz.Children = append(tz.Children, observance(initial.IsDST(), epoch, off, off, name, ""))
	default:
		if obs := yearlyObservances(trs, first, last); obs != nil {
			tz.Children = obs
			break
		}
		// The rules change in this window: the state at its start, then every
		// transition with its own onset.
		tz.Children = append(tz.Children, observance(initial.IsDST(), initial, off, off, name, ""))
		for _, tr := range trs {
			tz.Children = append(tz.Children, observance(tr.dst, tr.onset(), tr.from, tr.to, tr.name, ""))
		}
	}
	return tz
}

// observance builds a STANDARD or DAYLIGHT sub-component; onset is a wall time.
func observance(daylight bool, onset time.Time, from, to int, name, rrule string) *ical.Component {
	kind := ical.CompTimezoneStandard
	if daylight {
		kind = ical.CompTimezoneDaylight
	}
	c := ical.NewComponent(kind)
	start := ical.NewProp(ical.PropDateTimeStart)
	start.Value = onset.Format(wallFormat)
	c.Props.Set(start)
	for prop, v := range map[string]int{ical.PropTimezoneOffsetFrom: from, ical.PropTimezoneOffsetTo: to} {
		p := ical.NewProp(prop)
		p.Value = utcOffset(v)
		c.Props.Set(p)
	}
	if name != "" {
		c.Props.SetText(ical.PropTimezoneName, name)
	}
	if rrule != "" {
		p := ical.NewProp(ical.PropRecurrenceRule)
		p.Value = rrule
		c.Props.Set(p)
	}
	return c
}

// utcOffset formats seconds east of UTC as an RFC 5545 UTC-OFFSET: +0530, -0500.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

// yearlyObservances returns one STANDARD and one DAYLIGHT observance with an
// RRULE when every year from first to last has the same two transitions by the
// same yearly rule, and nil otherwise.
func yearlyObservances(trs []transition, first, last int) []*ical.Component {
	byYear := map[int][]transition{}
	for _, tr := range trs {
		y := tr.onset().Year()
		byYear[y] = append(byYear[y], tr)
	}
	pattern := byYear[first]
	if len(pattern) != 2 || len(byYear) != last-first+1 {
		return nil
	}
	for y := first; y <= last; y++ {
		got := byYear[y]
		if len(got) != len(pattern) {
			return nil
		}
		for i, tr := range got {
			p := pattern[i]
			if tr.from != p.from || tr.to != p.to || clock(tr.onset()) != clock(p.onset()) {
				return nil
			}
		}
	}
	rules := make([]yearlyRule, len(pattern))
	for i, tr := range pattern {
		r, ok := ruleFor(tr, byYear)
		if !ok {
			return nil
		}
		rules[i] = r
	}
	obs := make([]*ical.Component, len(pattern))
	for i, tr := range pattern {
		// The observance with the larger offset is the daylight one, whatever
		// the zone's DST flag says (Europe/Dublin flags its winter time).
		other := pattern[1-i]
		daylight := tr.to > other.to || (tr.to == other.to && tr.dst)
		obs[i] = observance(daylight, tr.onset(), tr.from, tr.to, tr.name, rules[i].String())
	}
	sort.SliceStable(obs, func(i, j int) bool {
		return obs[i].Props.Get(ical.PropDateTimeStart).Value < obs[j].Props.Get(ical.PropDateTimeStart).Value
	})
	return obs
}

// yearlyRule is an RRULE:FREQ=YEARLY recurrence of a transition's onset: the
// week-th weekday of month (week -1 is the last), or day of month when week is 0.
type yearlyRule struct {
	month   time.Month
	week    int
	weekday time.Weekday
	day     int
}

var weekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// ruleFor finds a rule that reproduces tr's onset in every year of byYear that
// has a transition with the same offsets: by weekday first, then by date.
func ruleFor(tr transition, byYear map[int][]transition) (yearlyRule, bool) {
	on := tr.onset()
	week := (on.Day()-1)/7 + 1
	if on.Day()+7 > daysIn(on.Year(), on.Month()) {
		week = -1
	}
	for _, r := range []yearlyRule{
		{month: on.Month(), week: week, weekday: on.Weekday()},
		{month: on.Month(), day: on.Day()},
	} {
		ok := true
		for _, trs := range byYear {
			for _, other := range trs {
				if other.from == tr.from && other.to == tr.to && !r.matches(other.onset()) {
					ok = false
				}
			}
		}
		if ok {
			return r, true
		}
	}
	return yearlyRule{}, false
}

// matches reports whether onset falls on the rule's day in its year.
func (r yearlyRule) matches(onset time.Time) bool {
	return onset.Month() == r.month && onset.Day() == r.dayIn(onset.Year())
}

func (r yearlyRule) dayIn(year int) int {
	switch {
	case r.week == 0:
		return r.day
	case r.week < 0:
		last := daysIn(year, r.month)
		lw := time.Date(year, r.month, last, 0, 0, 0, 0, time.UTC).Weekday()
		return last - (int(lw)-int(r.weekday)+7)%7
	default:
		fw := time.Date(year, r.month, 1, 0, 0, 0, 0, time.UTC).Weekday()
		return 1 + (int(r.weekday)-int(fw)+7)%7 + (r.week-1)*7
	}
}

// String is the RRULE value.
func (r yearlyRule) String() string {
	if r.week == 0 {
		return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=%d", r.month, r.day)
	}
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", r.month, r.week, weekdays[r.weekday])
}

// clock is the time of day in seconds.
func clock(t time.Time) int {
	h, m, s := t.Clock()
	return h*3600 + m*60 + s
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
