package room

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// TestApplyLeavesEveryEarlierStateAlone applies random events, accepted and
// rejected, also to earlier states (as a retry after a failed commit would),
// and checks that no state handed out ever changes afterwards: states share
// what an event does not touch.
func TestApplyLeavesEveryEarlierStateAlone(t *testing.T) {
	types := []Type{TypeLocked, TypeStarted, TypeTopicChecked, TypeTopicAdded, TypeTechnicalStarted,
		TypeQuestionShown, TypeRephraseShown, TypeRated, TypeCommented, TypeNoteSaved, TypeFinishStarted,
		TypeEnded, TypeConsented, TypePasted, TypeFocusLeft, TypeFocusReturned, TypeCodeChanged}
	actors := []Actor{rita, ivan, olive}
	plan := Plan{Topics: []Topic{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}}, Questions: 4}
	for seed := uint64(0); seed < 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		states := []State{NewState(plan)}
		snapshots := []State{states[0].Clone()}
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; i < 80; i++ {
			at = at.Add(time.Second)
			from := states[len(states)-1]
			if r.IntN(4) == 0 {
				from = states[r.IntN(len(states))] // a branch, thrown away below
			}
			typ := types[r.IntN(len(types))]
			e := Event{Seq: from.LastSeq + 1, At: at, Version: CurrentVersion, Type: typ,
				Actor: actors[r.IntN(len(actors))], Data: randomData(r, typ)}
			next, err := Apply(from, e)
			if err != nil && !errors.Is(err, ErrRejected) && !errors.Is(err, ErrForbidden) {
				t.Fatalf("seed %d: unexpected error kind %v", seed, err)
			}
			if err == nil && from.LastSeq == states[len(states)-1].LastSeq {
				states = append(states, next)
				snapshots = append(snapshots, next.Clone())
			}
		}
		for i := range states {
			if !reflect.DeepEqual(states[i], snapshots[i]) {
				t.Fatalf("seed %d: state %d changed after it was made\nnow  %+v\nwas  %+v", seed, i, states[i], snapshots[i])
			}
		}
	}
}
