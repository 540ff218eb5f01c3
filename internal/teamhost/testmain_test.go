package teamhost

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m, 2*time.Minute) }
