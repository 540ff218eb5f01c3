package templates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// FileFormat names version 1 of the template file format.
const FileFormat = "interviewdesk.templates/v1"

// File is a template file (docs/template-format.md).
type File struct {
	Format    string     `json:"format"`
	Templates []FileItem `json:"templates"`
}

// FileItem is one template in a file. ID is written on export and ignored on import.
type FileItem struct {
	ID string `json:"id,omitempty"`
	Content
}

// ParseFile decodes and validates a template file, rejecting unknown fields.
func ParseFile(data []byte) ([]Content, error) {
	var f File
	if err := validation.DecodeJSON(bytes.NewReader(data), &f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadFile, err)
	}
	if f.Format != FileFormat {
		return nil, fmt.Errorf("%w: format is %q, want %q", ErrBadFile, f.Format, FileFormat)
	}
	if len(f.Templates) == 0 || len(f.Templates) > MaxFileTemplates {
		return nil, fmt.Errorf("%w: a file holds 1 to %d templates, this one %d", ErrBadFile, MaxFileTemplates, len(f.Templates))
	}
	out := make([]Content, len(f.Templates))
	e := validation.Errors{}
	for i, item := range f.Templates {
		out[i] = item.Content
		c := item.Content // validate a deep copy: normalize must not touch the caller's IDs
		c.Plan = append([]Topic(nil), c.Plan...)
		c.Questions = append([]Question(nil), c.Questions...)
		c.normalize(func() string { return "x" })
		e.Merge("templates["+strconv.Itoa(i)+"].", c.validate())
	}
	return out, e.Err()
}

// Import adds every template in a file as a new template, all or nothing.
func (s *Service) Import(data []byte) ([]Summary, error) {
	contents, err := ParseFile(data)
	if err != nil {
		return nil, err
	}
	var out []Summary
	err = s.db.Update(func(tx *store.Tx) error {
		for _, c := range contents {
			t, err := s.insert(tx, c, false, true)
			if err != nil {
				return fmt.Errorf("import %q: %w", c.Name, err)
			}
			out = append(out, t.Summary())
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Export writes template id as a template file.
func (s *Service) Export(id string) ([]byte, error) {
	t, err := s.Get(id)
	if err != nil {
		return nil, err
	}
	f := File{Format: FileFormat, Templates: []FileItem{{ID: t.ID, Content: t.Content}}}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export template %s: %w", id, err)
	}
	return append(data, '\n'), nil
}
