package workspace

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// BenchmarkCodePush1000 is the host's cost of 1,000 keystrokes in the shared
// editor, each a push through the room session: checked, stored in the
// interview's log on a real bbolt file, applied and sent to three members.
func BenchmarkCodePush1000(b *testing.B) {
	w := newWorld(b, interviews.Tools{LiveCode: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	w.join(w.iv.Interviewers[1].Token)
	w.candidate()
	version := 0
	push := func() {
		msg := fmt.Sprintf(`{"type":"code.push","doc":"main","version":%d,"updates":[{"clientID":"r","changes":[%d,[0,"x"]]}]}`,
			version, version)
		var rm room.Message
		_ = json.Unmarshal([]byte(msg), &rm)
		rm.Raw = json.RawMessage(msg)
		rita.sess.Handle(context.Background(), rm)
		version++
	}
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		for range 1000 {
			push()
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N)/1000, "cpu-ms/1000-changes")
	if text, v := w.join(w.iv.Interviewers[0].Token).doc(b, "main"); v != version || len(text) != version {
		b.Fatalf("after %d pushes the document is at version %d with %d characters", version, v, len(text))
	}
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
