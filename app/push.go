package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/interviewdesk/interviewdesk/internal/push"
)

// pushEvent is the Wails event that carries the host's live changes to the
// console page (frontend/src/platform/push.ts listens for it).
const pushEvent = "push"

// pushRelay forwards the host's bus to the webview as Wails events, one per
// bus event, in place of the GET /api/stream that a browser reads.
//
// Why not the stream itself: Wails v2.9.2's asset server builds every webview
// request with http.NewRequest, so the handler's context never ends, not when
// the page goes away nor when the app quits (pkg/assetserver/
// assetserver_webview.go); its response writers have no Flush; and on Windows
// the writer keeps the whole body in a buffer until the handler returns
// (webview/responsewriter_windows.go), so an event stream would deliver
// nothing. WebKitGTK's writer does pass each Write through a pipe as it comes
// (webview/responsewriter_linux.go), but one path for every platform is
// simpler than a stream that works on some.
type pushRelay struct {
	sub  *push.Subscription
	done chan struct{}
}

// startPushRelay subscribes to bus and emits each event until stop or until
// the bus closes.
func startPushRelay(bus *push.Bus, emit func(push.Event)) *pushRelay {
	r := &pushRelay{sub: bus.Subscribe(), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for e := range r.sub.Events() {
			emit(e)
		}
	}()
	return r
}

// wailsEmit sends e to the page of the Wails app whose lifecycle ctx is given.
func wailsEmit(ctx context.Context) func(push.Event) {
	return func(e push.Event) { runtime.EventsEmit(ctx, pushEvent, e) }
}

// stop unsubscribes and waits for the relay to finish. A nil relay (the app
// runs without a host) does nothing.
func (r *pushRelay) stop() {
	if r == nil {
		return
	}
	r.sub.Close()
	<-r.done
}
