package room

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

func TestConcurrentAppendsKeepEachLogInOrder(t *testing.T) {
	svc, ids := liveRooms(t, 4)
	const writers, each = 3, 20
	var wg sync.WaitGroup
	for _, id := range ids {
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					if _, _, err := svc.Append(id, rita, TypeNoteSaved, NoteData{Text: fmt.Sprintf("%d.%d", w, i)}); err != nil {
						t.Errorf("append to %s: %v", id, err)
						return
					}
				}
			})
		}
	}
	wg.Wait()
	for _, id := range ids {
		events, err := svc.Events(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != writers*each {
			t.Errorf("interview %s logged %d events, want %d", id, len(events), writers*each)
		}
		for i, e := range events {
			if e.Seq != uint64(i+1) || (i > 0 && e.At.Before(events[i-1].At)) {
				t.Fatalf("interview %s: event %d has seq %d at %v after %v", id, i, e.Seq, e.At, events[max(i-1, 0)].At)
			}
		}
		st, iv, err := svc.State(id)
		if err != nil {
			t.Fatal(err)
		}
		if replayed, err := Replay(PlanOf(iv), events); err != nil || !reflect.DeepEqual(st, replayed) {
			t.Errorf("interview %s: live state at seq %d differs from its log's replay", id, st.LastSeq)
		}
	}
}

func TestStateCacheIsBoundedAndRebuildsByReplay(t *testing.T) {
	svc, ids := liveRooms(t, 5)
	svc.capacity = 2
	want := map[string]State{}
	for round := range 3 {
		for _, id := range ids {
			st, _, err := svc.Append(id, ivan, TypeNoteSaved, NoteData{Text: fmt.Sprintf("round %d", round)})
			if err != nil {
				t.Fatal(err)
			}
			want[id] = st
			svc.mu.Lock()
			cached := len(svc.logs)
			svc.mu.Unlock()
			if cached > svc.capacity {
				t.Fatalf("%d states cached, want at most %d", cached, svc.capacity)
			}
		}
	}
	for _, id := range ids {
		st, _, err := svc.State(id)
		if err != nil || !reflect.DeepEqual(st, want[id]) {
			t.Errorf("interview %s after eviction:\ngot  %+v (%v)\nwant %+v", id, st, err, want[id])
		}
		if st.LastSeq != 3 {
			t.Errorf("interview %s is at seq %d, want 3", id, st.LastSeq)
		}
	}
}
