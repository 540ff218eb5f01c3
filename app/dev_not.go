//go:build !dev

package app

import "io/fs"

// devAssets is nil outside `wails dev`: the host's handler serves the
// console files with its own headers.
func devAssets(fs.FS) fs.FS { return nil }
