//go:build linux && (production || dev)

package app

/*
#cgo pkg-config: glib-2.0
#include <stdint.h>
#include <glib.h>

extern gboolean interviewdeskRunOnMain(gpointer data);

static void interviewdeskInvokeOnMain(uintptr_t handle) {
	g_main_context_invoke(NULL, interviewdeskRunOnMain, (gpointer)handle);
}
*/
import "C"

import "runtime/cgo"

// onMainThread runs f on the thread that owns GLib's default main context
// (GTK's), and returns once f has run. Called from that thread, or once the
// main loop has ended, f runs at once on the caller's thread.
func onMainThread(f func()) {
	done := make(chan struct{})
	h := cgo.NewHandle(func() {
		defer close(done)
		f()
	})
	C.interviewdeskInvokeOnMain(C.uintptr_t(h))
	<-done
}

//export interviewdeskRunOnMain
func interviewdeskRunOnMain(data C.gpointer) C.gboolean {
	h := cgo.Handle(uintptr(data))
	f := h.Value().(func())
	h.Delete()
	f()
	return C.FALSE // run once
}
