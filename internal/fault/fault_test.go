package fault

import (
	"errors"
	"fmt"
	"testing"
)

func TestKindOfFollowsTheChain(t *testing.T) {
	errGone := New(NotFound, "not found")
	cases := []struct {
		name string
		err  error
		want Kind
	}{
		{"plain error", errors.New("boom"), Other},
		{"nil", nil, Other},
		{"sentinel", errGone, NotFound},
		{"wrapped sentinel", fmt.Errorf("interview 7: %w", errGone), NotFound},
		{"problem", Explain(Conflict, nil, "already started"), Conflict},
		{"problem over a sentinel keeps its own kind", Explain(Permission, errGone, "no"), Permission},
		{"joined", errors.Join(errors.New("x"), errGone), NotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := KindOf(c.err); got != c.want {
				t.Fatalf("KindOf = %v, want %v", got, c.want)
			}
		})
	}
}

func TestProblemKeepsSentinelAndMessage(t *testing.T) {
	errConflict := New(Conflict, "conflict")
	err := fmt.Errorf("reschedule: %w", Explain(Conflict, errConflict, "A cancelled interview cannot be moved."))
	if !errors.Is(err, errConflict) {
		t.Fatal("errors.Is lost the sentinel")
	}
	msg, ok := Message(err)
	if !ok || msg != "A cancelled interview cannot be moved." {
		t.Fatalf("Message = %q, %v", msg, ok)
	}
	if _, ok := Message(errConflict); ok {
		t.Fatal("a bare sentinel has no person-facing message")
	}
}
