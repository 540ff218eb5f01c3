package web

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// The package starts many hosts with accounts (Argon2id on every sign-in):
// over a minute under the race detector on a busy machine.
func TestMain(m *testing.M) { testmain.Run(m, 3*time.Minute) }
