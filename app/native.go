package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Native holds the calls the console makes to the operating system. Bound to the
// webview as window.go.app.Native; each returns an error the page's promise rejects with.
type Native struct {
	ctx context.Context // Wails' lifecycle context, the one allowed exception
	log *slog.Logger
	api http.Handler // the host's console API, for downloads; nil when the host did not start
}

func (n *Native) startup(ctx context.Context) { n.ctx = ctx }

// navigateEvent is the Wails event that sends the console to a route
// (frontend/src/app/router.ts listens for it).
const navigateEvent = "navigate"

// focus brings the window to the front, e.g. for a second launch.
func (n *Native) focus() {
	if n.ctx != nil {
		runtime.WindowUnminimise(n.ctx)
		runtime.WindowShow(n.ctx)
	}
}

// openInterview brings the window forward on the interview's page (a click on
// its notification).
func (n *Native) openInterview(id string) {
	if n.ctx == nil {
		return
	}
	n.focus()
	runtime.EventsEmit(n.ctx, navigateEvent, "#/interviews/"+url.PathEscape(id))
}

// OpenedFile is a text file the user picked.
type OpenedFile struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// SaveTextFile asks where to save content and writes it; "" means cancelled.
func (n *Native) SaveTextFile(suggestedName, content string) (string, error) {
	path, err := runtime.SaveFileDialog(n.ctx, runtime.SaveDialogOptions{
		DefaultFilename: suggestedName, Title: "Save " + suggestedName,
		Filters: []runtime.FileFilter{{DisplayName: "JSON files (*.json)", Pattern: "*.json"}},
	})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		return "", fmt.Errorf("could not save %s: %w", filepath.Base(path), err)
	}
	return path, nil
}

// OpenTextFile asks for a file and returns its text; empty Content means cancelled.
func (n *Native) OpenTextFile(title string) (OpenedFile, error) {
	path, err := runtime.OpenFileDialog(n.ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: "JSON or CSV files (*.json, *.csv)", Pattern: "*.json;*.csv"}}})
	if err != nil || path == "" {
		return OpenedFile{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return OpenedFile{}, fmt.Errorf("could not open %s: %w", filepath.Base(path), err)
	}
	if info.Size() > 4<<20 {
		return OpenedFile{}, fmt.Errorf("%s is larger than 4 MiB, more than the host takes", filepath.Base(path))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return OpenedFile{}, fmt.Errorf("could not read %s: %w", filepath.Base(path), err)
	}
	return OpenedFile{Name: filepath.Base(path), Content: string(b)}, nil
}

// CopyText puts text on the clipboard.
func (n *Native) CopyText(text string) error {
	if err := runtime.ClipboardSetText(n.ctx, text); err != nil {
		return fmt.Errorf("could not copy to the clipboard: %w", err)
	}
	return nil
}

// OpenURL opens url in the system browser.
func (n *Native) OpenURL(url string) error {
	runtime.BrowserOpenURL(n.ctx, url)
	return nil
}
