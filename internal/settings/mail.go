package settings

import (
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Mail returns the SMTP settings, with mail's defaults for what was never
// chosen (no host when email was never set up).
func (s *Service) Mail() (mail.Settings, error) {
	var m mail.Settings
	if err := s.read(store.KeyMailSettings, &m); err != nil {
		return mail.Settings{}, fmt.Errorf("read email settings: %w", err)
	}
	return m.WithDefaults(), nil
}

// MailUpdate changes the SMTP settings; an empty Password keeps the stored one
// unless ClearPassword is set.
type MailUpdate struct {
	mail.Settings
	ClearPassword bool `json:"clearPassword,omitempty"`
}

// PutMail validates and stores the SMTP settings. An empty host turns email off.
func (s *Service) PutMail(u MailUpdate) (mail.Settings, error) {
	current, err := s.Mail()
	if err != nil {
		return mail.Settings{}, err
	}
	next := u.Settings
	next.Host = strings.TrimSpace(next.Host)
	next.FromName, next.Username = validation.LineText(next.FromName), validation.LineText(next.Username)
	switch {
	case u.ClearPassword:
		next.Password = ""
	case next.Password == "":
		next.Password = current.Password
	}
	if next.Host != "" {
		if err := next.Validate(); err != nil {
			return mail.Settings{}, err
		}
	}
	if err := s.write(store.KeyMailSettings, next); err != nil {
		return mail.Settings{}, fmt.Errorf("save email settings: %w", err)
	}
	return next, nil
}
