package interviews

import (
	"fmt"
	"testing"
	"time"
)

// seed schedules n interviews spread over the coming year.
func seed(b *testing.B, f fixture, n int) {
	b.Helper()
	for i := 0; i < n; i++ {
		in := f.valid()
		in.CandidateName = fmt.Sprintf("Candidate %05d", i)
		in.CandidateEmail = fmt.Sprintf("candidate%05d@example.com", i)
		in.StartsAt = f.clock.Add(time.Duration(i%8000+1) * time.Hour).Format(time.RFC3339)
		if _, err := f.svc.Create(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCreateInterview(b *testing.B) {
	f := setup(b)
	in := f.valid()
	for b.Loop() {
		if _, err := f.svc.Create(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkList10000(b *testing.B) {
	f := setup(b)
	seed(b, f, 10000)
	for _, q := range []ListQuery{
		{Tense: Upcoming, Limit: 50},
		{Tense: Past, Limit: 50},
		{Tense: Upcoming, Text: "candidate09", Limit: 50},
		{Tense: Upcoming, Text: "nobody-matches", Limit: 50},
	} {
		b.Run(fmt.Sprintf("tense=%s/q=%s", q.Tense, q.Text), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := f.svc.List(q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
