package teamhost

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/host"
)

// The chosen team host and the account's session live in the data folder,
// readable by its owner only, so the choice survives a restart and signing
// out removes the session for good.
const (
	// ChoiceFile holds the chosen team host (Choice as JSON); absent: the
	// console uses this computer's host.
	ChoiceFile = "team-host.json"
	// SessionFile holds the session token of the account signed in there.
	SessionFile = "team-host-session"
)

// Choice is the team host the desktop console uses.
type Choice struct {
	// URL is the host's origin, e.g. https://interviews.example.com.
	URL string `json:"url"`
	// CertSHA256 pins a certificate no trusted authority vouches for (a
	// self-signed one), as the person confirmed it; "" checks the usual way.
	CertSHA256 string `json:"certSha256,omitempty"`
}

// LoadChoice reads the chosen team host of dataDir; ok is false when the
// console uses this computer's host.
func LoadChoice(dataDir string) (c Choice, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dataDir, ChoiceFile))
	if errors.Is(err, os.ErrNotExist) {
		return Choice{}, false, nil
	}
	if err != nil {
		return Choice{}, false, fmt.Errorf("read the chosen team host: %w", err)
	}
	if err := json.Unmarshal(b, &c); err != nil || c.URL == "" {
		return Choice{}, false, fmt.Errorf("read the chosen team host: %s is damaged; choose the host again", ChoiceFile)
	}
	if origin, err := Origin(c.URL); err != nil || origin != c.URL {
		return Choice{}, false, fmt.Errorf("read the chosen team host: %s names %q, not a team host's https:// address; choose the host again", ChoiceFile, c.URL)
	}
	return c, true, nil
}

// saveChoice remembers c as dataDir's team host.
func saveChoice(dataDir string, c Choice) error {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("encode the chosen team host: %w", err)
	}
	return writePrivate(filepath.Join(dataDir, ChoiceFile), append(b, '\n'))
}

// forgetChoice goes back to this computer's host: the choice and any
// session go.
func forgetChoice(dataDir string) error {
	return errors.Join(dropToken(dataDir), remove(filepath.Join(dataDir, ChoiceFile)))
}

// LoadToken reads the session token kept for the team host; "" when signed out.
func LoadToken(dataDir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, SessionFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the team host's session: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

func saveToken(dataDir, token string) error {
	return writePrivate(filepath.Join(dataDir, SessionFile), []byte(token+"\n"))
}

func dropToken(dataDir string) error { return remove(filepath.Join(dataDir, SessionFile)) }

func remove(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", filepath.Base(path), err)
	}
	return nil
}

// writePrivate replaces path with data, mode 0600, whole or not at all.
func writePrivate(path string, data []byte) error {
	if err := host.WritePrivate(path, data); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return nil
}
