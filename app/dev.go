//go:build dev

package app

import "io/fs"

// devAssets gives `wails dev` the console files, without which it would not
// use the frontend dev server (Vite, with live reload): every GET goes there
// first, and what Vite does not have (the console API) reaches the host.
func devAssets(console fs.FS) fs.FS { return console }
