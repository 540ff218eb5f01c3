package backup

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Format names the archive's layout (the manifest's format).
const Format = "interviewdesk-backup/1"

// Names inside an archive.
const (
	manifestName = "manifest.json"
	databaseName = "interviewdesk.db"
	mediaPrefix  = "media/"
)

// Folder is a folder of the data folder that a backup with media holds,
// under media/NAME/ in the archive.
type Folder struct {
	Name string // e.g. "recordings"
	Path string
}

// File is one file of an archive.
type File struct {
	Name   string `json:"name"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Manifest describes an archive.
type Manifest struct {
	Format    string    `json:"format"`
	CreatedAt time.Time `json:"createdAt"`
	// Version is the release that wrote it; Schema the data file's schema.
	Version  string `json:"version"`
	Schema   uint64 `json:"schema"`
	Database File   `json:"database"`
	// WithMedia says whether the recordings are in it; Media lists them.
	WithMedia bool   `json:"withMedia"`
	Media     []File `json:"media"`
	// Note says in words what is and is not in the backup.
	Note string `json:"note"`
}

// MediaFiles adds up the media files.
func (m Manifest) MediaFiles() (n int, bytes int64) {
	for _, f := range m.Media {
		n, bytes = n+1, bytes+f.Bytes
	}
	return n, bytes
}

// Source is what a backup is made of.
type Source struct {
	DB *store.DB
	// Media are the folders a backup with media holds.
	Media   []Folder
	Version string
	Now     func() time.Time
}

// Write writes a backup archive of src to w (with the recordings when
// withMedia) and returns its manifest.
func Write(ctx context.Context, w io.Writer, src Source, withMedia bool) (Manifest, error) {
	m := Manifest{Format: Format, CreatedAt: src.Now().UTC().Truncate(time.Second), Version: src.Version,
		Schema: store.SchemaVersion(), WithMedia: withMedia, Media: []File{}}
	z := zip.NewWriter(w)
	entry, err := z.CreateHeader(&zip.FileHeader{Name: databaseName, Method: zip.Deflate, Modified: m.CreatedAt})
	if err != nil {
		return m, fmt.Errorf("write the backup: %w", err)
	}
	sum := sha256.New()
	n, err := src.DB.Snapshot(io.MultiWriter(entry, sum))
	if err != nil {
		return m, fmt.Errorf("write the backup: %w", err)
	}
	m.Database = File{Name: databaseName, Bytes: n, SHA256: hex.EncodeToString(sum.Sum(nil))}
	if withMedia {
		for _, f := range src.Media {
			if err := addFolder(ctx, z, f, &m); err != nil {
				return m, err
			}
		}
	}
	m.Note = note(m)
	raw, _ := json.MarshalIndent(m, "", "  ")
	mw, err := z.Create(manifestName)
	if err == nil {
		_, err = mw.Write(raw)
	}
	if err == nil {
		err = z.Close()
	}
	if err != nil {
		return m, fmt.Errorf("write the backup: %w", err)
	}
	return m, nil
}

func note(m Manifest) string {
	if !m.WithMedia {
		return "The data file only: interviews, templates, settings, event logs, analyses, the audit log. " +
			"Recordings are not included; back up the data folder's recordings and analysis folders separately, or make a backup with media."
	}
	n, bytes := m.MediaFiles()
	return fmt.Sprintf("The data file and the recordings (%d files, %s).", n, audit.SizeText(bytes))
}

// addFolder adds the files under folder f to z as media/NAME/..., leaving
// out recordings still being written.
func addFolder(ctx context.Context, z *zip.Writer, f Folder, m *Manifest) error {
	err := filepath.WalkDir(f.Path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || writing(p) {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(f.Path, p)
		if err != nil {
			return err
		}
		file, err := addFile(z, mediaPrefix+f.Name+"/"+filepath.ToSlash(rel), p)
		if err != nil {
			return err
		}
		m.Media = append(m.Media, file)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("back up %s: %w", f.Path, err)
	}
	return nil
}

// writing reports whether the file at p is a recording being written or its
// marker.
func writing(p string) bool {
	for _, suffix := range []string{".part", ".tmp"} {
		if strings.HasSuffix(p, suffix) {
			return true
		}
		if _, err := os.Stat(p + suffix); err == nil {
			return true
		}
	}
	return false
}

// addFile stores the file at src in z as name, uncompressed.
func addFile(z *zip.Writer, name, src string) (File, error) {
	in, err := os.Open(src)
	if err != nil {
		return File{}, err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return File{}, err
	}
	w, err := z.CreateHeader(&zip.FileHeader{Name: path.Clean(name), Method: zip.Store, Modified: info.ModTime()})
	if err != nil {
		return File{}, err
	}
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, sum), in)
	if err != nil {
		return File{}, fmt.Errorf("copy %s: %w", src, err)
	}
	return File{Name: name, Bytes: n, SHA256: hex.EncodeToString(sum.Sum(nil))}, nil
}

// Last is the last backup made through the host.
type Last struct {
	At         time.Time   `json:"at"`
	Actor      audit.Actor `json:"actor"`
	Bytes      int64       `json:"bytes"` // the data file's
	SHA256     string      `json:"sha256"`
	WithMedia  bool        `json:"withMedia"`
	MediaFiles int         `json:"mediaFiles"`
	MediaBytes int64       `json:"mediaBytes"`
}

// Service makes backups of a host's data folder and remembers the last one.
type Service struct {
	src   Source
	audit *audit.Log
}

// NewService returns a Service over src that records each backup in log.
func NewService(src Source, log *audit.Log) *Service { return &Service{src: src, audit: log} }

// Write writes a backup to w as Write does, then remembers it as the last
// backup, with an audit entry.
func (s *Service) Write(ctx context.Context, w io.Writer, withMedia bool) (Manifest, error) {
	m, err := Write(ctx, w, s.src, withMedia)
	if err != nil {
		// What went out before the failure has left the install all the same.
		if aerr := s.audit.Record(ctx, audit.Backup, "", "A backup was cut off part-way: "+err.Error()+"."); aerr != nil {
			err = errors.Join(err, aerr)
		}
		return m, err
	}
	n, bytes := m.MediaFiles()
	last := Last{At: m.CreatedAt, Actor: audit.From(ctx), Bytes: m.Database.Bytes, SHA256: m.Database.SHA256,
		WithMedia: withMedia, MediaFiles: n, MediaBytes: bytes}
	text := fmt.Sprintf("Backed up the data file (%s, SHA-256 %s…)", audit.SizeText(m.Database.Bytes), m.Database.SHA256[:12])
	if withMedia {
		text += fmt.Sprintf(" with the recordings (%d files, %s)", n, audit.SizeText(bytes))
	} else {
		text += " without the recordings"
	}
	err = s.src.DB.Update(func(tx *store.Tx) error {
		if err := store.PutJSON(tx, store.BucketMeta, store.KeyLastBackup, last); err != nil {
			return err
		}
		_, err := audit.Record(ctx, tx, s.src.Now(), audit.Backup, "", text+".")
		return err
	})
	return m, err
}

// Last returns the last backup made through the host; ok is false when none
// was.
func (s *Service) Last() (last Last, ok bool, err error) {
	err = s.src.DB.View(func(tx *store.Tx) error {
		raw := store.BucketOf(tx, store.BucketMeta).Get(store.KeyLastBackup)
		if raw == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(raw, &last)
	})
	return last, ok, err
}
