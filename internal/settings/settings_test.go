package settings

import (
	"errors"
	"os/user"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

func TestTheOrganizerIsWhoeverEnteredTheirDetails(t *testing.T) {
	s := newService(t)
	st, err := s.Get()
	if err != nil {
		t.Fatal(err)
	}
	if st.Organizer != (Person{}) {
		t.Errorf("before any details the organizer is %+v, want nobody", st.Organizer)
	}
	if u, err := user.Current(); err == nil && u.Username != "" && strings.Contains(st.Organizer.Name, u.Username) {
		t.Errorf("the organizer is the operating system's user %q", u.Username)
	}
	if st.DefaultTimeZone == "" {
		t.Error("no default time zone")
	}
	got, err := s.Put(Settings{Organizer: Person{Name: " Alex Recruiter ", Email: " alex@example.com "}})
	want := Person{Name: "Alex Recruiter", Email: "alex@example.com"}
	if err != nil || got.Organizer != want {
		t.Fatalf("Put = %+v, %v; want %+v", got.Organizer, err, want)
	}
	if st, _ := s.Get(); st.Organizer != want {
		t.Errorf("stored %+v, want %+v", st.Organizer, want)
	}
}

func TestTheDetailsNeedANameAndAnEmail(t *testing.T) {
	tests := []struct {
		name  string
		in    Person
		field string
		says  string
	}{
		{"no name", Person{Email: "alex@example.com"}, "organizer.name", "your name"},
		{"no email", Person{Name: "Alex Recruiter"}, "organizer.email", "calendar invitations come from it"},
		{"blank email", Person{Name: "Alex Recruiter", Email: "  "}, "organizer.email", "Enter your email"},
		{"not an address", Person{Name: "Alex Recruiter", Email: "alex@"}, "organizer.email", "valid email"},
		{"a line break in the name", Person{Name: "Alex\nRecruiter", Email: "alex@example.com"}, "organizer.name", "line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newService(t)
			kept := Person{Name: "Kept", Email: "kept@example.com"}
			if _, err := s.Put(Settings{Organizer: kept}); err != nil {
				t.Fatal(err)
			}
			_, err := s.Put(Settings{Organizer: tc.in})
			var fe validation.Errors
			if !errors.As(err, &fe) || !strings.Contains(strings.ToLower(fe[tc.field]), strings.ToLower(tc.says)) {
				t.Fatalf("error = %v, want %s to say %q", err, tc.field, tc.says)
			}
			if st, _ := s.Get(); st.Organizer != kept {
				t.Errorf("a refused change was stored: %+v", st.Organizer)
			}
		})
	}
}
