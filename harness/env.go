package harness

import (
	"os"
	"runtime"
	"strconv"
)

// childEnv is the environment of a child process: this process's, plus the
// given variables. A race-instrumented child exits without the race
// detector's default one-second pause at exit.
//
// Unless GOMAXPROCS is set already, the child gets GOMAXPROCS of at least 2:
// Go's default is the number of CPUs this process may use, and on a one-CPU
// machine (or a container limited to one) a correct goroutine server could
// then never run two jobs at once, and the specs could not tell it from a
// serial one. With two Ps its threads ask the kernel for two CPUs, which the
// speedup specs read (see package speedup); a learner's own
// runtime.GOMAXPROCS call still wins.
func childEnv(extra ...string) []string {
	env := append(os.Environ(), "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
	if os.Getenv("GOMAXPROCS") == "" {
		env = append(env, "GOMAXPROCS="+strconv.Itoa(max(2, runtime.GOMAXPROCS(0))))
	}
	return append(env, extra...)
}
