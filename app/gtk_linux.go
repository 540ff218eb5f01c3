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

import (
	"os"
	"runtime/cgo"
)

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

// drawWithoutGL has GTK draw the window without OpenGL (GDK_GL=disable), as
// the webview's policy (WebviewGpuPolicyNever) already asks of WebKit. With
// GL, WebKitGTK 2.50 puts the page in the window through GL (Mesa's llvmpipe
// where there is no GPU), and about 1 launch in 6 under Xvfb showed a window
// that never displayed the page, although the page ran and rendered; without
// GL, none did. A GDK_GL the user set is kept.
func drawWithoutGL() {
	if _, set := os.LookupEnv("GDK_GL"); !set {
		_ = os.Setenv("GDK_GL", "disable")
	}
}
