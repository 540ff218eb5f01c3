package app

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Downloads in the desktop window: the webview has no download manager, so
// a file the console offers (a report, a recording) is saved through the
// system's save dialog and fetched from the host's handler in-process.

// downloadPrefix is where the console's downloads live in the API.
const downloadPrefix = "/api/interviews/"

// SaveDownload asks where to save the console API's file at path (what a
// browser would download from that link) and writes it there; "" means
// cancelled. With no suggestedName the dialog offers the name the host
// gives the file (its Content-Disposition), so the file is fetched first.
func (n *Native) SaveDownload(path, suggestedName string) (string, error) {
	if n.api == nil {
		return "", errors.New("the InterviewDesk host is not running, so there is nothing to download")
	}
	uri, err := downloadURI(path)
	if err != nil {
		return "", err
	}
	if suggestedName == "" {
		return n.saveNamedByHost(uri)
	}
	dest, err := n.askWhere(suggestedName)
	if err != nil || dest == "" {
		return "", err
	}
	if err := saveFrom(n.ctx, n.api, uri, dest); err != nil {
		return "", err
	}
	return dest, nil
}

// saveNamedByHost fetches uri, then asks where to save it under the name
// the host gave it.
func (n *Native) saveNamedByHost(uri string) (string, error) {
	tmp, name, err := fetch(n.ctx, n.api, uri, "", filepath.Base(uri))
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp) // gone once moved
	dest, err := n.askWhere(name)
	if err != nil || dest == "" {
		return "", err
	}
	if err := move(tmp, dest); err != nil {
		return "", fmt.Errorf("could not save %s: %w", filepath.Base(dest), err)
	}
	return dest, nil
}

func (n *Native) askWhere(name string) (string, error) {
	return runtime.SaveFileDialog(n.ctx, runtime.SaveDialogOptions{
		DefaultFilename: name, Title: "Save " + name, Filters: filtersFor(name),
	})
}

// downloadURI checks that path is one of the console's downloads.
func downloadURI(path string) (string, error) {
	u, err := url.Parse(path)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, downloadPrefix) ||
		strings.Contains(u.Path, "..") {
		return "", fmt.Errorf("%q is not a download of this console", path)
	}
	return u.RequestURI(), nil
}

// filtersFor offers the suggested name's type in the dialog.
func filtersFor(name string) []runtime.FileFilter {
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	if ext == "" {
		return nil
	}
	return []runtime.FileFilter{{DisplayName: strings.ToUpper(ext) + " files (*." + ext + ")", Pattern: "*." + ext}}
}

// saveFrom writes the answer of api to GET uri into dest, which appears
// only when complete; an error answer's message becomes the error.
func saveFrom(ctx context.Context, api http.Handler, uri, dest string) error {
	tmp, _, err := fetch(ctx, api, uri, filepath.Dir(dest), filepath.Base(dest))
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // gone after the rename; the part file otherwise
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("could not save %s: %w", filepath.Base(dest), err)
	}
	return nil
}

// fetch writes the answer of api to GET uri into a new part file in dir
// (the system's temporary folder when ""), and returns it with the file
// name the answer gives (label when it gives none); label names the file
// in errors.
func fetch(ctx context.Context, api http.Handler, uri, dir, label string) (path, name string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return "", "", fmt.Errorf("download %s: %w", uri, err)
	}
	tmp, err := os.CreateTemp(dir, "."+label+".*")
	if err != nil {
		return "", "", fmt.Errorf("could not save %s: %w", label, err)
	}
	w := &fileResponse{file: tmp, header: http.Header{}}
	api.ServeHTTP(w, req)
	if err := cmp.Or(w.err, tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return "", "", fmt.Errorf("could not save %s: %w", label, err)
	}
	if w.status() != http.StatusOK {
		os.Remove(tmp.Name())
		return "", "", fmt.Errorf("could not download %s: %s", label, w.problem())
	}
	return tmp.Name(), attachmentName(w.header, label), nil
}

// attachmentName is the file name of a Content-Disposition header, else
// fallback.
func attachmentName(h http.Header, fallback string) string {
	_, params, err := mime.ParseMediaType(h.Get("Content-Disposition"))
	if name := filepath.Base(params["filename"]); err == nil && name != "." && name != "/" && name != "" {
		return name
	}
	return fallback
}

// move renames src to dest, copying where they are on different file
// systems; dest appears only when complete.
func move(src, dest string) error {
	if os.Rename(src, dest) == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	part, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(part.Name()) // gone after the rename
	if _, err := io.Copy(part, in); err != nil {
		part.Close()
		return err
	}
	if err := part.Close(); err != nil {
		return err
	}
	return os.Rename(part.Name(), dest)
}

// fileResponse is an http.ResponseWriter that writes a 200 answer's body
// to a file and keeps the start of any other answer's.
type fileResponse struct {
	file   *os.File
	header http.Header
	code   int
	failed []byte // an error answer's body, up to 4 KiB
	err    error
}

func (w *fileResponse) Header() http.Header { return w.header }

func (w *fileResponse) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *fileResponse) status() int { return cmp.Or(w.code, http.StatusOK) }

func (w *fileResponse) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	if w.code != http.StatusOK {
		w.failed = append(w.failed, p[:min(len(p), 4096-len(w.failed))]...)
		return len(p), nil
	}
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.file.Write(p)
	w.err = err
	return n, err
}

// problem is what an error answer said: the API's message, else its status.
func (w *fileResponse) problem() string {
	var body struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(w.failed, &body) == nil && body.Error.Message != "" {
		return body.Error.Message
	}
	return http.StatusText(w.status())
}
