package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrNotABackup means the file is neither a backup archive nor a data file.
	ErrNotABackup = fault.New(fault.Invalid, "not an InterviewDesk backup")
	// ErrInUse means a host has the data folder open.
	ErrInUse = fault.New(fault.Conflict, "the data folder is in use")
)

// Target is the data folder a backup is restored into.
type Target struct {
	// StorePath is the data file (DATA/interviewdesk.db).
	StorePath string
	// Media are the folders a backup with media replaces, by name.
	Media []Folder
	Now   func() time.Time
}

// Restored says what Restore did.
type Restored struct {
	// Manifest is the archive's; zero for a plain data file.
	Manifest Manifest `json:"manifest"`
	Schema   uint64   `json:"schema"`
	// KeptAside are the files and folders moved aside, by what they were.
	KeptAside map[string]string `json:"keptAside"`
	// MediaFiles were restored (0 when the backup has no media: the data
	// folder's recordings stayed as they were).
	MediaFiles int `json:"mediaFiles"`
}

// Restore replaces t's data file (and media, when the backup has them) with
// the backup at file. Nothing changes when a host has the data folder open
// (ErrInUse), when file is not a backup (ErrNotABackup), or when its data
// file fails the store's checks (store.ErrDamaged, store.ErrTooNew) or its
// checksum. The restored data file gets an audit entry by ctx's actor.
func Restore(ctx context.Context, file string, t Target) (Restored, error) {
	unlock, err := store.Lock(t.StorePath)
	if errors.Is(err, store.ErrLocked) {
		return Restored{}, fault.Explain(fault.Conflict, ErrInUse, fmt.Sprintf(
			"InterviewDesk is running on %s. Quit it (or stop “interviewdesk serve”), then restore.", filepath.Dir(t.StorePath)))
	}
	if err != nil {
		return Restored{}, err
	}
	r, err := restoreLocked(ctx, file, t)
	unlock()
	if err != nil {
		return r, err
	}
	return r, recordRestore(ctx, file, t, r)
}

func restoreLocked(ctx context.Context, file string, t Target) (Restored, error) {
	r := Restored{KeptAside: map[string]string{}}
	dir := filepath.Dir(t.StorePath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return r, fmt.Errorf("create data folder %s: %w", dir, err)
	}
	staged, err := os.CreateTemp(dir, ".restore-*.db")
	if err != nil {
		return r, fmt.Errorf("restore into %s: %w", dir, err)
	}
	stagedPath := staged.Name()
	defer os.Remove(stagedPath) // gone already once renamed into place
	z, closeZip, err := openArchive(file)
	if err == nil && z == nil {
		err = copyPlain(staged, file)
	} else if err == nil {
		defer closeZip()
		r.Manifest, err = extractDatabase(z, staged)
	}
	if cerr := staged.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return r, err
	}
	if r.Schema, err = store.Check(stagedPath); err != nil {
		return r, fmt.Errorf("the backup %s: %w", file, err)
	}
	var media map[string]string
	if z != nil && r.Manifest.WithMedia {
		if media, r.MediaFiles, err = stageMedia(ctx, z, r.Manifest, t.Media); err != nil {
			removeAll(media)
			return r, err
		}
	}
	stamp := t.Now().UTC().Format("20060102T150405Z")
	if err := swap(stagedPath, t.StorePath, stamp, r.KeptAside); err != nil {
		removeAll(media)
		return r, err
	}
	for _, f := range t.Media {
		if from, ok := media[f.Name]; ok {
			if err := swap(from, f.Path, stamp, r.KeptAside); err != nil {
				return r, fmt.Errorf("the data file is restored, but not %s: %w", f.Path, err)
			}
		}
	}
	return r, nil
}

// openArchive opens file as a ZIP archive; z is nil for any other file.
func openArchive(file string) (z *zip.Reader, closeFn func(), err error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, nil, fmt.Errorf("open the backup: %w", err)
	}
	head := make([]byte, 4)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte("PK\x03\x04")) {
		_ = f.Close()
		return nil, nil, nil
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	zr, err := zip.NewReader(f, info.Size())
	if err != nil {
		_ = f.Close()
		return nil, nil, fault.Explain(fault.Invalid, ErrNotABackup, fmt.Sprintf("%s is a damaged ZIP archive (%v), not a backup that can be restored.", file, err))
	}
	return zr, func() { _ = f.Close() }, nil
}

func copyPlain(dst *os.File, file string) error {
	in, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("open the backup: %w", err)
	}
	defer in.Close()
	if _, err := io.Copy(dst, in); err != nil {
		return fmt.Errorf("read the backup: %w", err)
	}
	return nil
}

// extractDatabase reads the manifest and writes the archive's data file to
// dst, checking its size and checksum.
func extractDatabase(z *zip.Reader, dst io.Writer) (Manifest, error) {
	var m Manifest
	raw, err := readEntry(z, manifestName)
	if err != nil || json.Unmarshal(raw, &m) != nil || m.Format != Format {
		return m, fault.Explain(fault.Invalid, ErrNotABackup, "This ZIP archive is not an InterviewDesk backup: it has no manifest.json of a backup.")
	}
	f, err := z.Open(databaseName)
	if err != nil {
		return m, fault.Explain(fault.Invalid, ErrNotABackup, "The backup has no data file ("+databaseName+"): it is incomplete.")
	}
	defer f.Close()
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(dst, sum), f)
	if err != nil {
		return m, fault.Explain(fault.Invalid, ErrNotABackup, fmt.Sprintf("The backup's data file cannot be read (%v): the archive is damaged.", err))
	}
	if n != m.Database.Bytes || hex.EncodeToString(sum.Sum(nil)) != m.Database.SHA256 {
		return m, fault.Explain(fault.Invalid, store.ErrDamaged, "The backup's data file is not the one its manifest describes (size or SHA-256 differ): the archive is damaged.")
	}
	return m, nil
}

func readEntry(z *zip.Reader, name string) ([]byte, error) {
	f, err := z.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 64<<20))
}

// stageMedia extracts the archive's media into folders beside the targets
// (by name) and returns them with the number of files. Every file must be
// in the manifest with its checksum; names cannot leave their folder.
func stageMedia(ctx context.Context, z *zip.Reader, m Manifest, targets []Folder) (map[string]string, int, error) {
	want := map[string]File{}
	for _, f := range m.Media {
		want[f.Name] = f
	}
	staged := map[string]string{}
	n := 0
	for _, t := range targets {
		dir, err := os.MkdirTemp(filepath.Dir(t.Path), ".restore-"+t.Name+"-*")
		if err != nil {
			return staged, 0, fmt.Errorf("restore %s: %w", t.Path, err)
		}
		staged[t.Name] = dir
	}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, mediaPrefix) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return staged, n, err
		}
		name, rel, ok := strings.Cut(strings.TrimPrefix(f.Name, mediaPrefix), "/")
		dir, known := staged[name]
		if !ok || !known || rel == "" || !filepath.IsLocal(filepath.FromSlash(rel)) || path.Clean(rel) != rel {
			return staged, n, fault.Explain(fault.Invalid, ErrNotABackup, fmt.Sprintf("The backup holds %q, which is not a recording of the data folder: it is not restored.", f.Name))
		}
		if err := extractFile(f, filepath.Join(dir, filepath.FromSlash(rel)), want[f.Name]); err != nil {
			return staged, n, err
		}
		n++
	}
	if n != len(m.Media) {
		return staged, n, fault.Explain(fault.Invalid, store.ErrDamaged, fmt.Sprintf("The backup's manifest lists %d recordings but it holds %d: the archive is damaged.", len(m.Media), n))
	}
	return staged, n, nil
}

func extractFile(f *zip.File, dst string, want File) error {
	if want.Name == "" {
		return fault.Explain(fault.Invalid, ErrNotABackup, fmt.Sprintf("%s is not in the backup's manifest.", f.Name))
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return err
	}
	in, err := f.Open()
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	sum := sha256.New()
	_, err = io.Copy(io.MultiWriter(out, sum), in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("restore %s: %w", f.Name, err)
	}
	if hex.EncodeToString(sum.Sum(nil)) != want.SHA256 {
		return fault.Explain(fault.Invalid, store.ErrDamaged, fmt.Sprintf("%s in the backup does not match its checksum: the archive is damaged.", f.Name))
	}
	return nil
}

// swap moves what is at dst aside (dst.before-restore-STAMP) and staged to
// dst, noting what went aside in kept.
func swap(staged, dst, stamp string, kept map[string]string) error {
	if _, err := os.Lstat(dst); err == nil {
		aside := dst + ".before-restore-" + stamp
		if err := os.Rename(dst, aside); err != nil {
			return fmt.Errorf("keep %s aside: %w", dst, err)
		}
		kept[filepath.Base(dst)] = aside
	}
	if err := os.Rename(staged, dst); err != nil {
		return fmt.Errorf("put the backup in place of %s: %w", dst, err)
	}
	return nil
}

func removeAll(dirs map[string]string) {
	for _, d := range dirs {
		_ = os.RemoveAll(d)
	}
}

// recordRestore opens the restored data file (bringing its schema up to
// date) and adds the restore to its audit log.
func recordRestore(ctx context.Context, file string, t Target, r Restored) error {
	db, err := store.Open(t.StorePath, store.Options{})
	if err != nil {
		return fmt.Errorf("open the restored data file: %w", err)
	}
	defer db.Close()
	text := fmt.Sprintf("Restored the data file from %s (schema %d", filepath.Base(file), r.Schema)
	if !r.Manifest.CreatedAt.IsZero() {
		text += ", backed up " + r.Manifest.CreatedAt.Format(time.RFC3339)
	}
	text += fmt.Sprintf(") with %d recording files; the previous files were kept aside.", r.MediaFiles)
	return db.Update(func(tx *store.Tx) error {
		_, err := audit.Record(ctx, tx, t.Now(), audit.Restore, filepath.Base(file), text)
		return err
	})
}

// Inspect reads the manifest of the backup at file, and checks that its data
// file is whole (size and checksum) without restoring anything. A plain data
// file has a zero manifest.
func Inspect(file string) (Manifest, error) {
	z, closeZip, err := openArchive(file)
	if err != nil || z == nil {
		return Manifest{}, err
	}
	defer closeZip()
	return extractDatabase(z, io.Discard)
}
