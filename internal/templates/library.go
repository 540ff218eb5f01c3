package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

//go:embed library/*.json
var library embed.FS

// libraryVersion is bumped when the shipped library gains templates that existing
// installs should receive.
const libraryVersion = 1

// Library returns the shipped starter templates in file-name order.
func Library() ([]Content, error) {
	names, err := fs.Glob(library, "library/*.json")
	if err != nil {
		return nil, fmt.Errorf("list starter library: %w", err)
	}
	sort.Strings(names)
	var out []Content
	for _, name := range names {
		data, err := library.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		cs, err := ParseFile(data)
		if err != nil {
			return nil, fmt.Errorf("starter template %s: %w", name, err)
		}
		out = append(out, cs...)
	}
	return out, nil
}

// SeedLibrary adds the starter templates once per library version, in the same
// transaction that records it, so templates a user deleted do not come back.
func (s *Service) SeedLibrary() error {
	contents, err := Library()
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *store.Tx) error {
		meta := store.BucketOf(tx, store.BucketMeta)
		if store.Btoi(meta.Get(store.KeyLibraryVersion)) >= libraryVersion {
			return nil
		}
		for _, c := range contents {
			if _, err := s.insert(tx, c, true, true); err != nil {
				return fmt.Errorf("seed starter template %q: %w", c.Name, err)
			}
		}
		return meta.Put(store.KeyLibraryVersion, store.Itob(libraryVersion))
	})
}
