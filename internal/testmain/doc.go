// Package testmain is the preamble every InterviewDesk package's tests share,
// as pion's test.TimeOut and test.CheckRoutines are for pion's: a package's
// TestMain calls Run, which runs its tests under a watchdog and, once they
// pass, fails the run if they left goroutines behind (go.uber.org/goleak).
//
//	func TestMain(m *testing.M) { testmain.Run(m, time.Minute) }
//
// # Caveats
//
// The check runs once, after the package's last test, so a leak names the
// goroutine, not the test that started it; run the package's tests one by one
// (-run) to find it. Libraries that keep goroutines on purpose are ignored by
// the option a package passes to Run, each with the reason next to it.
//
// The watchdog covers the whole package (its limit is multiplied by -count)
// and is off when benchmarks or a fuzzer run; go test's own -timeout still
// applies then.
package testmain
