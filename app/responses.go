package app

import (
	"net/http"
	"sync"
)

// startsOn returns h with the start of each response (its status and headers)
// run through run, and the body written where h writes it.
//
// On Linux, Wails hands a response to WebKitGTK when its status is written,
// from the goroutine serving the request, but WebKitGTK's objects belong to
// GTK's main thread and are not safe to use from another. Running the start
// there keeps the console's responses (every request but the page itself and
// Wails' own two scripts) on it, while the body, written to a pipe WebKit
// reads from the main loop, stays off it (a large body written there would
// wait for itself).
func startsOn(run func(func()), h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &startWriter{ResponseWriter: w, run: run}
		h.ServeHTTP(sw, r)
		sw.start(http.StatusOK, nil) // a handler that wrote nothing answered 200, as net/http's would
	})
}

// startWriter runs a response's first WriteHeader through run.
type startWriter struct {
	http.ResponseWriter
	run  func(func())
	once sync.Once
}

func (w *startWriter) WriteHeader(code int) { w.start(code, nil) }

// Write starts the response as net/http would (200, the content type sniffed
// from its first bytes unless set) and writes b.
func (w *startWriter) Write(b []byte) (int, error) {
	w.start(http.StatusOK, &b)
	return w.ResponseWriter.Write(b)
}

// start hands the status and headers on, once, through run; first, when a
// body's first bytes start the response, gives it a content type unless set.
func (w *startWriter) start(code int, first *[]byte) {
	w.once.Do(func() {
		if _, typed := w.Header()["Content-Type"]; first != nil && !typed {
			w.Header().Set("Content-Type", http.DetectContentType(*first))
		}
		w.run(func() { w.ResponseWriter.WriteHeader(code) })
	})
}

// Unwrap lets http.ResponseController reach the writer underneath.
func (w *startWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
