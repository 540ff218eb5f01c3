package room

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/store"
	"github.com/interviewdesk/interviewdesk/internal/templates"
)

// liveRooms opens a real data file and schedules n interviews happening now.
func liveRooms(tb testing.TB, n int) (*Service, []string) {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "data.db"), store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	ts := templates.New(db, time.Now)
	tpl, err := ts.Create(templates.Content{Name: "T", Plan: []templates.Topic{{Title: "Experience"}}})
	if err != nil {
		tb.Fatal(err)
	}
	ivs := interviews.New(db, ts, settings.New(db), time.Now)
	ids := make([]string, n)
	for i := range ids {
		iv, err := ivs.Create(interviews.NewInterview{TemplateID: tpl.ID, Position: "P",
			CandidateName: fmt.Sprintf("Candidate %d", i), CandidateEmail: fmt.Sprintf("c%d@example.com", i), When: "now"})
		if err != nil {
			tb.Fatal(err)
		}
		ids[i] = iv.ID
	}
	return New(db, ivs, slog.New(slog.DiscardHandler), time.Now), ids
}

// BenchmarkAppend50Interviews has 50 interviews appending at once, one writer
// each, as 50 live editors would: b.N events in all. It reports the throughput
// (events/s) and the 99th percentile of one Append's latency (p99-ms).
func BenchmarkAppend50Interviews(b *testing.B) {
	const rooms = 50
	svc, ids := liveRooms(b, rooms)
	latencies := make([][]time.Duration, rooms)
	var left atomic.Int64
	left.Store(int64(b.N))
	b.ResetTimer()
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			for left.Add(-1) >= 0 {
				start := time.Now()
				if _, _, err := svc.Append(id, rita, TypeNoteSaved, NoteData{Text: "func main() {}"}); err != nil {
					b.Error(err)
					return
				}
				latencies[i] = append(latencies[i], time.Since(start))
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	all := slices.Concat(latencies...)
	slices.Sort(all)
	b.ReportMetric(float64(len(all))/b.Elapsed().Seconds(), "events/s")
	if len(all) > 0 {
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
	}
}
