package score

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

func newOffline(t *testing.T, cfg OfflineConfig) *Offline {
	t.Helper()
	e, err := NewOffline(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	return e
}

func mustScore(t *testing.T, e Engine, in Input) Result {
	t.Helper()
	r, err := e.Score(context.Background(), in)
	if err != nil {
		t.Fatalf("score %q: %v", in.Answer, err)
	}
	return r
}

const (
	listQuestion = "Why would you use a linked list instead of an array?"
	listExpected = "A linked list can grow and shrink while the program runs; its size is not fixed."
)

func TestParaphraseOutscoresOffTopicEmptyAndRepeatedQuestion(t *testing.T) {
	e := newOffline(t, OfflineConfig{})
	score := func(answer string) Result {
		return mustScore(t, e, Input{Question: listQuestion, Expected: listExpected, Answer: answer})
	}
	paraphrase := score("Because a list can expand and contract as needed; its length is not fixed in advance.")
	offTopic := score("Arrays are faster to sort with quicksort on modern processors.")
	repeat := score("You would use a linked list instead of an array.")
	empty := score("  ")
	if !(paraphrase.Score > offTopic.Score && paraphrase.Score > repeat.Score && paraphrase.Score > empty.Score) {
		t.Errorf("paraphrase %.2f, off-topic %.2f, repeated question %.2f, empty %.2f: want the paraphrase highest",
			paraphrase.Score, offTopic.Score, repeat.Score, empty.Score)
	}
	if empty.Score != 0 || empty.Comment != "No answer to assess." {
		t.Errorf("empty answer: %.2f %q, want 0 and a comment saying so", empty.Score, empty.Comment)
	}
	if repeat.Comment != "The answer mostly repeats the question." || repeat.Score >= MaxScore/2 {
		t.Errorf("repeated question: %.2f %q, want a low score and a comment saying so", repeat.Score, repeat.Comment)
	}
	for _, r := range []Result{paraphrase, offTopic, repeat, empty} {
		if r.Score < 0 || r.Score > MaxScore {
			t.Errorf("score %.2f is off the 0..%v scale", r.Score, MaxScore)
		}
	}
}

func TestKeyPointsCoveredAndMissedWithEvidence(t *testing.T) {
	e := newOffline(t, OfflineConfig{})
	r := mustScore(t, e, Input{
		Question:  "How does a hash map find a value by its key?",
		KeyPoints: []string{"hashes the key to a bucket index", "compares keys within the bucket to resolve collisions", "average constant time lookup"},
		Answer:    "It computes a hash of the key and uses it as an index into an array of buckets. On average, the lookup takes constant time.",
	})
	wantCovered := []Point{
		{Text: "hashes the key to a bucket index", Evidence: "It computes a hash of the key and uses it as an index into an array of buckets"},
		{Text: "average constant time lookup", Evidence: "On average … the lookup takes constant time"},
	}
	if !reflect.DeepEqual(r.Covered, wantCovered) {
		t.Errorf("covered:\n got %+v\nwant %+v", r.Covered, wantCovered)
	}
	if want := []Point{{Text: "compares keys within the bucket to resolve collisions"}}; !reflect.DeepEqual(r.Missed, want) {
		t.Errorf("missed: got %+v, want %+v", r.Missed, want)
	}
	if want := `Covers 2 of 3 points; misses "compares keys within the bucket to resolve collisions".`; r.Comment != want {
		t.Errorf("comment %q, want %q", r.Comment, want)
	}
}

func TestExpectedAnswerSplitsIntoPoints(t *testing.T) {
	got := splitPoints(Input{Expected: "Abstraction and reusability."})
	if want := []string{"Abstraction", "reusability"}; !reflect.DeepEqual(got, want) {
		t.Errorf("points %q, want %q", got, want)
	}
	got = splitPoints(Input{Expected: "The name of the function, and the types of the parameters. At least once!"})
	if want := []string{"The name of the function", "the types of the parameters", "At least once"}; !reflect.DeepEqual(got, want) {
		t.Errorf("points %q, want %q", got, want)
	}
}

func TestRunTogetherWordsAreSplit(t *testing.T) {
	e := newOffline(t, OfflineConfig{})
	r := mustScore(t, e, Input{
		Question: "Where are variables declared?",
		Expected: "inside a functionlocal variablesor outside the functionsglobal variables",
		Answer:   "Local variables inside a function, global ones outside all functions.",
	})
	if len(r.Missed) != 0 || r.Score < 4 {
		t.Errorf("got %.2f, missed %+v: want the run-together expected words found", r.Score, r.Missed)
	}
}

func TestWordNetSynonymsAndTheEngineWithout(t *testing.T) {
	in := Input{Question: "What is a car?", Expected: "An automobile.", Answer: "A motorcar."}
	with := mustScore(t, newOffline(t, OfflineConfig{}), in)
	without := mustScore(t, newOffline(t, OfflineConfig{WordNetDir: t.TempDir()}), in)
	if with.Engine != "offline" || len(with.Covered) != 1 {
		t.Errorf("with WordNet: %s covered %+v, want the synonym found", with.Engine, with.Covered)
	}
	if without.Engine != "offline (no WordNet)" || len(without.Covered) != 0 {
		t.Errorf("without WordNet: %s covered %+v, want no synonyms and the engine saying so", without.Engine, without.Covered)
	}
	spelt := mustScore(t, newOffline(t, OfflineConfig{WordNetDir: t.TempDir()}),
		Input{Question: "Where does a program begin?", Expected: "At the main function.", Answer: "the main funcion"})
	if len(spelt.Missed) != 0 {
		t.Errorf("a misspelt word without WordNet: missed %+v", spelt.Missed)
	}
}

func TestNothingExpectedIsInvalid(t *testing.T) {
	_, err := newOffline(t, OfflineConfig{}).Score(context.Background(), Input{Question: "Why?", Answer: "Because."})
	if !errors.Is(err, ErrNothingExpected) || !fault.Is(err, fault.Invalid) {
		t.Errorf("error %v, want ErrNothingExpected of kind invalid", err)
	}
}

func TestScoresAreDeterministicAndSafeConcurrently(t *testing.T) {
	e := newOffline(t, OfflineConfig{})
	data := loadGradingDev(t)[:200]
	first, _ := scoreAll(t, e, data)
	var wg sync.WaitGroup
	results := make([][]float64, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, g := range data {
				r, err := e.Score(context.Background(), g.in)
				if err != nil {
					t.Error(err)
					return
				}
				results[i] = append(results[i], r.Score)
			}
		}()
	}
	wg.Wait()
	for _, got := range results {
		if !reflect.DeepEqual(got, first) {
			t.Fatal("scoring the same answers again gave different scores")
		}
	}
}

// TestDevDataSanityFloor only catches a broken scorer: the quality figures are
// measured by BenchmarkScorerGradingDev (make bench), not asserted here.
func TestDevDataSanityFloor(t *testing.T) {
	got, human := scoreAll(t, newOffline(t, OfflineConfig{}), loadGradingDev(t))
	if r := pearson(got, human); r < 0.3 {
		t.Errorf("Pearson with the human grades is %.2f; a working scorer is far above 0.3", r)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := newOffline(t, OfflineConfig{}).Score(ctx, Input{Expected: "x", Answer: "x"}); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestKeyPointsAreThePointsWhenAnExpectedAnswerIsGivenToo(t *testing.T) {
	r := mustScore(t, newOffline(t, OfflineConfig{}), Input{
		Question:  "What does a function signature include?",
		Expected:  "The name of the function and the types of its parameters.",
		KeyPoints: []string{"the function's name", "the parameter types"},
		Answer:    "Its name and the types of the parameters it takes.",
	})
	var texts []string
	for _, p := range append(r.Covered, r.Missed...) {
		texts = append(texts, p.Text)
	}
	if want := []string{"the function's name", "the parameter types"}; !reflect.DeepEqual(texts, want) || len(r.Covered) != 2 {
		t.Errorf("points %q (covered %d), want the key points, both covered", texts, len(r.Covered))
	}
}
