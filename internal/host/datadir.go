package host

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File names inside the data folder.
const (
	StoreFile    = "interviewdesk.db"
	KeyFile      = "console.key"
	TURNKeyFile  = "turn.key"
	RecordingDir = "recordings"
	// AnalysisDir holds the combined recordings, one folder per interview.
	AnalysisDir  = "analysis"
	AnnounceFile = "host.json"
)

// DefaultDataDir is the per-user data folder: $XDG_DATA_HOME/interviewdesk
// (~/.local/share/interviewdesk) on Linux, the OS's config folder elsewhere.
func DefaultDataDir() (string, error) {
	if dir := os.Getenv("INTERVIEWDESK_DATA"); dir != "" {
		return dir, nil
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
		return filepath.Join(xdg, "interviewdesk"), nil
	}
	home, err := os.UserHomeDir()
	if err == nil && filepath.Separator == '/' && !isDarwin() {
		return filepath.Join(home, ".local", "share", "interviewdesk"), nil
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user data folder (set --data): %w", err)
	}
	return filepath.Join(cfg, "InterviewDesk"), nil
}

// ConsoleKey reads the data folder's console key, creating a random one (256
// bits) on first use.
func ConsoleKey(dataDir string) (string, error) {
	key, err := secret(dataDir, KeyFile)
	if err != nil {
		return "", fmt.Errorf("console key: %w", err)
	}
	return key, nil
}

// LoginURL is the link that signs a browser into the console of the host at
// base (e.g. an Announcement's URL) with the console key.
func LoginURL(base, key string) string { return base + "/console/login?key=" + key }

// secret reads a secret file in the data folder, creating a random 256-bit one
// (mode 0600) on first use.
func secret(dataDir, name string) (string, error) {
	path := filepath.Join(dataDir, name)
	if b, err := os.ReadFile(path); err == nil {
		if key := strings.TrimSpace(string(b)); len(key) >= 32 {
			return key, nil
		}
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return "", fmt.Errorf("create data folder %s: %w", dataDir, err)
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	key := base64.RawURLEncoding.EncodeToString(b)
	if err := WritePrivate(path, []byte(key+"\n")); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return key, nil
}

// Announcement is what host.json says about a running host.
type Announcement struct {
	URL string `json:"url"`
	PID int    `json:"pid"`
	// CertSHA256 pins the host's certificate for local clients (HTTPS with
	// certificate files); ServerName is the name to verify instead (ACME).
	CertSHA256 string `json:"certSha256,omitempty"`
	ServerName string `json:"serverName,omitempty"`
}

// ReadAnnouncement returns the running host's announcement, or an error wrapping
// os.ErrNotExist when no host announced itself.
func ReadAnnouncement(dataDir string) (Announcement, error) {
	var a Announcement
	b, err := os.ReadFile(filepath.Join(dataDir, AnnounceFile))
	if err != nil {
		return a, fmt.Errorf("read host announcement: %w", err)
	}
	if err := json.Unmarshal(b, &a); err != nil || a.URL == "" {
		return a, fmt.Errorf("host announcement is damaged: %w", errors.Join(os.ErrNotExist, err))
	}
	return a, nil
}

func announce(dataDir string, a Announcement) error {
	b, _ := json.Marshal(a)
	return WritePrivate(filepath.Join(dataDir, AnnounceFile), b)
}

func unannounce(dataDir string, pid int) {
	if a, err := ReadAnnouncement(dataDir); err == nil && a.PID == pid {
		_ = os.Remove(filepath.Join(dataDir, AnnounceFile))
	}
}

// WritePrivate writes a file of the data folder with mode 0600 atomically
// (temp file + rename).
func WritePrivate(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
