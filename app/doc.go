// Package app is the desktop face: it opens the host on the data folder, mounts
// the host's console handler on the Wails asset server (so the webview uses the
// same console API as a browser, without a port), and binds Native, the few
// calls that need the operating system. No business logic lives here.
package app
