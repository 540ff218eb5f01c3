//go:build !linux || !(production || dev)

package app

// onMainThread runs f. Outside Linux's webview Wails itself hands responses
// to the webview on the thread it needs.
func onMainThread(f func()) { f() }
