package testmain

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// Run runs m's tests and exits with their result. If they are still running
// after limit (per -count), it prints every goroutine's stack and exits with
// a failure. Once they pass, a goroutine still running that opts do not
// ignore fails the run.
func Run(m *testing.M, limit time.Duration, opts ...goleak.Option) {
	flag.Parse()
	stop := func() {}
	if !benchmarking() && !fuzzing() {
		limit *= time.Duration(count())
		dog := time.AfterFunc(limit, func() {
			fmt.Fprintf(os.Stderr, "testmain: the tests are still running after %v; every goroutine:\n\n", limit)
			_ = pprof.Lookup("goroutine").WriteTo(os.Stderr, 2)
			os.Exit(2)
		})
		stop = func() { dog.Stop() }
	}
	goleak.VerifyTestMain(m, append(opts, goleak.Cleanup(func(code int) {
		stop()
		os.Exit(code)
	}))...)
}

// fuzzing reports a -fuzz run (or one of its workers), which runs as long as
// -fuzztime says.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

func benchmarking() bool {
	f := flag.Lookup("test.bench")
	return f != nil && f.Value.String() != ""
}

func count() int {
	if f := flag.Lookup("test.count"); f != nil {
		if n, err := strconv.Atoi(f.Value.String()); err == nil && n > 1 {
			return n
		}
	}
	return 1
}
