package mixdown

import (
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m, 3*time.Minute) }
