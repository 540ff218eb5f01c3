package score

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

// graded is one human-graded answer of the dev data.
type graded struct {
	in    Input
	human float64
}

// loadGradingDev reads testdata/grading-dev (UNT short-answer data, Mohler et
// al. 2011; see its README).
func loadGradingDev(tb testing.TB) []graded {
	tb.Helper()
	questions := readCSV(tb, "questions.csv")
	byID := make(map[string][2]string, len(questions))
	for _, r := range questions {
		byID[r[0]] = [2]string{r[1], r[2]}
	}
	var out []graded
	for _, r := range readCSV(tb, "answers.csv") {
		q, ok := byID[r[0]]
		if !ok {
			tb.Fatalf("answer to unknown question %q", r[0])
		}
		human, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			tb.Fatalf("score %q: %v", r[2], err)
		}
		out = append(out, graded{in: Input{Question: q[0], Expected: q[1], Answer: r[1]}, human: human})
	}
	return out
}

func readCSV(tb testing.TB, name string) [][]string {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "grading-dev", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return rows[1:] // header
}

// scoreAll scores every dev answer and returns the engine's and the humans' scores.
func scoreAll(tb testing.TB, e Engine, data []graded) (got, human []float64) {
	tb.Helper()
	for _, g := range data {
		r, err := e.Score(context.Background(), g.in)
		if err != nil {
			tb.Fatal(err)
		}
		got = append(got, r.Score)
		human = append(human, g.human)
	}
	return got, human
}

func pearson(x, y []float64) float64 {
	mx, my := mean(x), mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

func spearman(x, y []float64) float64 { return pearson(ranks(x), ranks(y)) }

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// ranks gives tied values their average rank.
func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}

// BenchmarkScorerGradingDev scores every dev answer per iteration and reports
// how the offline engine agrees with the human grades.
func BenchmarkScorerGradingDev(b *testing.B) {
	data := loadGradingDev(b)
	e, err := NewOffline(OfflineConfig{})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	var got, human []float64
	b.ResetTimer()
	for b.Loop() {
		got, human = scoreAll(b, e, data)
	}
	b.ReportMetric(pearson(got, human), "pearson")
	b.ReportMetric(spearman(got, human), "spearman")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(data)), "us/answer")
}
