package testmain

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

const childEnv = "TESTMAIN_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "leak":
		go func() { select {} }()
		Run(m, time.Minute)
	case "hang":
		Run(m, 100*time.Millisecond)
	default:
		Run(m, time.Minute)
	}
}

// TestHangingChild blocks forever when run as the "hang" child.
func TestHangingChild(t *testing.T) {
	if os.Getenv(childEnv) != "hang" {
		return // only the child process of TestWatchdogAndLeakCheck hangs here
	}
	select {}
}

func TestWatchdogAndLeakCheck(t *testing.T) {
	tests := []struct {
		child, run string
		code       int
		want       string
	}{
		{"leak", "^$", 1, "found unexpected goroutines"},
		{"hang", "^TestHangingChild$", 2, "the tests are still running after 100ms"},
	}
	for _, tc := range tests {
		t.Run(tc.child, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run="+tc.run)
			cmd.Env = append(os.Environ(), childEnv+"="+tc.child)
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tc.code || !strings.Contains(string(out), tc.want) {
				t.Errorf("child %s: %v, want exit status %d and %q in:\n%s", tc.child, err, tc.code, tc.want, out)
			}
		})
	}
}
