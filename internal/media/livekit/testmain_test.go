package livekit

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// The limit leaves room for building the LiveKit server the first time
// (scripts/livekit-server.sh: minutes cold, cached after).
func TestMain(m *testing.M) { testmain.Run(m, 10*time.Minute) }
