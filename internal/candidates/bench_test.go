package candidates

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	benchFirst     = []string{"Olivia", "Ivan", "Mei", "Amara", "Lukas", "Sofia", "Kenji", "Fatima", "Noah", "Elena", "Diego", "Priya"}
	benchLast      = []string{"Diaz", "Petrov", "Chen", "Okafor", "Müller", "Rossi", "Tanaka", "Haddad", "Smith", "Novak", "Silva", "Iyer"}
	benchPositions = []string{"Backend engineer", "Frontend engineer", "Data engineer", "Platform engineer", "Site reliability engineer",
		"Mobile engineer", "Security engineer", "QA engineer", "Engineering manager", "Machine learning engineer", "DevOps engineer", "Go developer"}
	benchCampaigns = []string{"", "", "Winter hiring 2026", "Graduates 2026", "Berlin office", "Referral week"}
)

// seedLarge gives f candidates with five interviews each, spread over the
// last two years and the coming two months, through the interviews' hook
// (in large transactions: the point is the index, not the commits).
func seedLarge(b *testing.B, f fixture, candidates, perCandidate int) {
	b.Helper()
	end := *f.clock
	const batch = 2500
	total := candidates * perCandidate
	for start := 0; start < total; start += batch {
		err := f.db.Update(func(tx *store.Tx) error {
			for n := start; n < min(start+batch, total); n++ {
				i, k := n%candidates, n/candidates
				at := end.Add(-time.Duration((total-n)*20) * time.Minute) // creation order = time order
				*f.clock = at
				iv := benchInterview(i, k, at, end)
				if err := f.svc.InterviewChanged(tx, nil, iv); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	*f.clock = end
}

func benchInterview(i, k int, created, now time.Time) interviews.Interview {
	starts := created.AddDate(0, 0, 7)
	status := interviews.Finished
	switch {
	case starts.After(now):
		status = interviews.Scheduled
	case (i+k)%9 == 0:
		status = interviews.Cancelled
	}
	return interviews.Interview{ID: uuid.NewString(), Position: benchPositions[(i+k%2)%len(benchPositions)],
		Candidate: interviews.Person{Name: benchFirst[i%12] + " " + benchLast[(i/12)%12] + fmt.Sprintf(" %d", i),
			Email: fmt.Sprintf("%s.%s%d@example.org", benchFirst[i%12], benchLast[(i/12)%12], i)},
		Campaign: benchCampaigns[(i+k)%len(benchCampaigns)], StartsAt: starts, DurationMinutes: 60, TimeZone: "UTC",
		Status: status, CreatedAt: created, UpdatedAt: created}
}

// BenchmarkSearch10000Candidates50000Interviews searches 10,000 candidates
// with 50,000 interviews the way the Candidates screen does (a word or two
// and the time filter), and reports the 50th and 99th percentile of one
// search's latency.
func BenchmarkSearch10000Candidates50000Interviews(b *testing.B) {
	f := setup(b)
	seedLarge(b, f, 10_000, 5)
	queries := []Query{
		{Text: "olivia"}, {Text: "diaz"}, {Text: "backend"}, {Text: "platform engineer"}, {Text: "winter"},
		{Text: "example.org", Since: AllTime}, {}, {Since: AllTime}, {Text: "petrov 42"}, {Text: "nobody-matches", Since: AllTime},
		{Position: "Data engineer", Since: Last12Months}, {Text: "müller", Since: Last6Months},
	}
	if list, err := New(f.db, f.now).Search(Query{Since: AllTime}); err != nil || list.Total != 10_000 {
		b.Fatalf("a fresh index holds %d candidates (%v), want 10,000", list.Total, err)
	}
	runtime.GC() // the seeding's garbage is not the searches' cost
	var took []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := f.svc.Search(queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		i++
	}
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
}
