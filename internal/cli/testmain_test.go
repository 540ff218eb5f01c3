package cli

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// The package starts hosts and renders reports (PDF): over a minute under
// the race detector on a busy machine.
func TestMain(m *testing.M) { testmain.Run(m, 3*time.Minute) }
