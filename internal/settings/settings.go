package settings

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Person is a name and an optional mailbox.
type Person struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Settings are the stored preferences.
type Settings struct {
	Organizer       Person `json:"organizer"`
	DefaultTimeZone string `json:"defaultTimeZone"`
}

// Service reads and writes settings.
type Service struct {
	db *store.DB
}

// New returns a Service over db.
func New(db *store.DB) *Service { return &Service{db: db} }

// Get returns the settings, with the machine's time zone when none was chosen.
// The organizer stays empty until its owner enters their details (the
// console's first screen asks): never the operating system's user name, which
// candidates and calendar invitations would otherwise show.
func (s *Service) Get() (Settings, error) {
	var st Settings
	if err := s.read(store.KeySettings, &st); err != nil {
		return Settings{}, fmt.Errorf("read settings: %w", err)
	}
	if st.DefaultTimeZone == "" {
		st.DefaultTimeZone = LocalZone()
	}
	return st, nil
}

// Put validates and stores st. The organizer's name and email are both
// required: invitations name the organizer and come from the address.
func (s *Service) Put(st Settings) (Settings, error) {
	e := validation.Errors{}
	st.Organizer.Name = e.Line("organizer.name", st.Organizer.Name, "your name", 1, 120)
	st.Organizer.Email = strings.TrimSpace(st.Organizer.Email)
	st.DefaultTimeZone = strings.TrimSpace(st.DefaultTimeZone)
	if st.Organizer.Email == "" {
		e.Add("organizer.email", "Enter your email address: calendar invitations come from it.")
	} else {
		e.Email("organizer.email", st.Organizer.Email)
	}
	if st.DefaultTimeZone != "" {
		e.TimeZone("defaultTimeZone", st.DefaultTimeZone)
	}
	if err := e.Err(); err != nil {
		return Settings{}, err
	}
	if err := s.write(store.KeySettings, st); err != nil {
		return Settings{}, fmt.Errorf("save settings: %w", err)
	}
	return s.Get()
}

// read decodes the meta bucket's value at key into v, and leaves v as it is
// when nothing was ever stored there.
func (s *Service) read(key []byte, v any) error {
	return s.db.View(func(tx *store.Tx) error {
		err := store.GetJSON(tx, store.BucketMeta, key, v)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		return err
	})
}

// write stores v as the meta bucket's value at key.
func (s *Service) write(key []byte, v any) error {
	return s.db.Update(func(tx *store.Tx) error { return store.PutJSON(tx, store.BucketMeta, key, v) })
}

// LocalZone names the machine's IANA time zone: $TZ, /etc/timezone, the
// /etc/localtime symlink, else "UTC".
func LocalZone() string {
	valid := func(name string) bool {
		return validation.IsTimeZone(strings.TrimPrefix(name, ":"))
	}
	if tz := os.Getenv("TZ"); valid(tz) {
		return strings.TrimPrefix(tz, ":")
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil && valid(strings.TrimSpace(string(b))) {
		return strings.TrimSpace(string(b))
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 && valid(target[i+len("zoneinfo/"):]) {
			return target[i+len("zoneinfo/"):]
		}
	}
	return "UTC"
}
