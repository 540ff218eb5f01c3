package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// `serve` on a damaged data file prints what happened and what to do and
// exits 1; it neither crashes nor starts afresh over the file.
func TestServeRefusesADamagedDataFile(t *testing.T) {
	for _, tt := range []struct {
		name   string
		damage func(path string) error
	}{
		{"truncated", func(path string) error { return os.Truncate(path, 3*4096) }},
		{"zero length", func(path string) error { return os.Truncate(path, 0) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, host.StoreFile)
			db, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(func(tx *store.Tx) error {
				for i := range 300 {
					if err := store.BucketOf(tx, store.BucketTemplates).Put([]byte{byte(i >> 8), byte(i)}, make([]byte, 512)); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			_ = db.Close()
			if err := tt.damage(path); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)
			r := run(t, "serve", "--data", dir, "--listen", "127.0.0.1:0")
			if r.code != 1 || !strings.Contains(r.stderr, path+" is damaged") || !strings.Contains(r.stderr, "backup") {
				t.Errorf("serve on a %s data file: exit %d, stderr %q", tt.name, r.code, r.stderr)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Error("serve changed the damaged data file")
			}
			if _, err := host.ReadAnnouncement(dir); err == nil {
				t.Error("a host that could not open its data announced itself")
			}
		})
	}
}
