package campaigns

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Input is what a recruiter fills in to create or edit a campaign.
type Input struct {
	Name         string              `json:"name"`
	Position     string              `json:"position"`
	TemplateID   string              `json:"templateId"`
	Interviewers []interviews.Person `json:"interviewers,omitempty"`
	// TimeZone is an IANA zone; empty means the settings' default.
	TimeZone string `json:"timeZone,omitempty"`
	Mode     Mode   `json:"mode"`
	// DurationMinutes is the interviews' length; 0 is the template's.
	DurationMinutes int `json:"durationMinutes,omitempty"`
	// Rules generate slots; Slots lists more. Both apply in slots mode.
	Rules []Rule      `json:"rules,omitempty"`
	Slots []SlotInput `json:"slots,omitempty"`
	// Deadline is a wall time in TimeZone (or RFC 3339); "" for none.
	Deadline         string `json:"deadline,omitempty"`
	MaxCandidates    int    `json:"maxCandidates,omitempty"`
	CandidateChanges bool   `json:"candidateChanges"`
	ChangeHours      int    `json:"changeHours,omitempty"`
}

// checked is Input resolved: its slots and zone.
type checked struct {
	in       Input
	loc      *time.Location
	slots    []Slot
	deadline time.Time
}

// check validates in; duration is the template's length, defaultZone the settings' zone.
func (in Input) check(duration int, defaultZone string) (checked, error) {
	e := validation.Errors{}
	in.Name = e.Line("name", in.Name, "campaign name", 1, 120)
	in.Position = e.Line("position", in.Position, "position", 1, 120)
	in.TemplateID = strings.TrimSpace(in.TemplateID)
	if strings.TrimSpace(in.TimeZone) == "" {
		in.TimeZone = defaultZone
	}
	zone, loc := e.TimeZone("timeZone", in.TimeZone)
	in.TimeZone = zone
	if in.DurationMinutes == 0 {
		in.DurationMinutes = duration
	}
	in.Interviewers = checkInterviewers(e, in.Interviewers)
	switch {
	case in.MaxCandidates < 0 || in.MaxCandidates > 100000:
		e.Add("maxCandidates", "Enter how many candidates may register in all (0 for no limit).")
	case in.ChangeHours < 0 || in.ChangeHours > 24*30:
		e.Add("changeHours", "Enter 0 to 720 hours.")
	}
	c := checked{in: in, loc: loc}
	if loc == nil {
		return c, e.Err()
	}
	c.deadline = deadline(e, in.Deadline, loc)
	switch in.Mode {
	case SlotsMode:
		c.slots = slotsOf(e, in, loc)
	case NowMode:
	default:
		e.Add("mode", `Choose "slots" or "now".`)
	}
	return c, e.Err()
}

func checkInterviewers(e validation.Errors, people []interviews.Person) []interviews.Person {
	if len(people) >= interviews.MaxInterviewers {
		e.Add("interviewers", fmt.Sprintf("A room holds at most %d interviewers besides the organizer.", interviews.MaxInterviewers-1))
	}
	out := make([]interviews.Person, 0, len(people))
	for i, p := range people {
		f := fmt.Sprintf("interviewers[%d]", i)
		p = interviews.Person{Name: e.Line(f+".name", p.Name, "interviewer's name", 1, 120), Email: e.Email(f+".email", p.Email)}
		if slices.ContainsFunc(out, func(o interviews.Person) bool { return strings.EqualFold(o.Email, p.Email) }) {
			e.Add(f+".email", "This interviewer is listed twice.")
		}
		out = append(out, p)
	}
	return out
}

func deadline(e validation.Errors, raw string, loc *time.Location) time.Time {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		t, err = time.ParseInLocation("2006-01-02T15:04", raw, loc)
	}
	if err != nil {
		e.Add("deadline", "Enter the deadline as YYYY-MM-DDTHH:MM, like 2026-12-04T18:00, or leave it empty.")
	}
	return t.UTC().Truncate(time.Second)
}

// slotsOf generates and lists in's slots, sorted, without repeats.
func slotsOf(e validation.Errors, in Input, loc *time.Location) []Slot {
	var out []Slot
	for i, r := range in.Rules {
		out = append(out, r.generate(e, fmt.Sprintf("rules[%d]", i), loc)...)
	}
	for i, sl := range in.Slots {
		out = append(out, sl.listed(e, fmt.Sprintf("slots[%d]", i), loc, in.DurationMinutes))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartsAt.Before(out[j].StartsAt) })
	out = slices.CompactFunc(out, func(a, b Slot) bool { return a.StartsAt.Equal(b.StartsAt) })
	switch {
	case len(e) > 0:
	case len(out) == 0:
		e.Add("slots", "Add at least one slot: a rule such as weekdays 10:00–16:00, or listed times.")
	case len(out) > MaxSlots:
		e.Add("slots", fmt.Sprintf("A campaign has at most %d slots; shorten the dates.", MaxSlots))
	}
	return out
}

// keepBookings carries old's bookings over to the slots of the same start,
// and refuses dropping or shrinking a slot below its bookings.
func keepBookings(old, next []Slot, loc *time.Location) error {
	e := validation.Errors{}
	for _, o := range old {
		if o.Booked == 0 {
			continue
		}
		i := slices.IndexFunc(next, func(s Slot) bool { return s.StartsAt.Equal(o.StartsAt) })
		when := o.StartsAt.In(loc).Format("Mon 2 Jan 15:04")
		switch {
		case i < 0:
			e.Add("slots", fmt.Sprintf("The slot %s has %d booking(s); keep it, or cancel those interviews first.", when, o.Booked))
		case next[i].Capacity < o.Booked:
			e.Add("slots", fmt.Sprintf("The slot %s has %d booking(s); give it at least that many seats.", when, o.Booked))
		default:
			next[i].Booked = o.Booked
		}
	}
	return e.Err()
}
