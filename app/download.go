package app

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
// cancelled.
func (n *Native) SaveDownload(path, suggestedName string) (string, error) {
	if n.api == nil {
		return "", errors.New("the InterviewDesk host is not running, so there is nothing to download")
	}
	uri, err := downloadURI(path)
	if err != nil {
		return "", err
	}
	dest, err := runtime.SaveFileDialog(n.ctx, runtime.SaveDialogOptions{
		DefaultFilename: suggestedName, Title: "Save " + suggestedName, Filters: filtersFor(suggestedName),
	})
	if err != nil || dest == "" {
		return "", err
	}
	if err := saveFrom(n.ctx, n.api, uri, dest); err != nil {
		return "", err
	}
	return dest, nil
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
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return fmt.Errorf("download %s: %w", uri, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*")
	if err != nil {
		return fmt.Errorf("could not save %s: %w", filepath.Base(dest), err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; the part file otherwise
	w := &fileResponse{file: tmp, header: http.Header{}}
	api.ServeHTTP(w, req)
	if err := cmp.Or(w.err, tmp.Close()); err != nil {
		return fmt.Errorf("could not save %s: %w", filepath.Base(dest), err)
	}
	if w.status() != http.StatusOK {
		return fmt.Errorf("could not download %s: %s", filepath.Base(dest), w.problem())
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return fmt.Errorf("could not save %s: %w", filepath.Base(dest), err)
	}
	return nil
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
