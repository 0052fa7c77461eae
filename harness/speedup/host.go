package speedup

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness/internal/stats"
)

// MinHostParallelism is the least parallelism (see [HostParallelism]) a
// wall-clock judgement needs to tell a parallel server from a serial one.
// Below it the margin between "about 1" and "about what the host offers" is
// too thin, so the checks leave such a measurement unjudged (and
// [Expect] skips when no measurement could be judged).
const MinHostParallelism = 1.5

// NeedCPUs skips the running spec unless Go can run n goroutines in parallel
// here: runtime.NumCPU() and GOMAXPROCS must both be at least n.
func NeedCPUs(n int) {
	ginkgo.GinkgoHelper()
	cpus, procs := runtime.NumCPU(), runtime.GOMAXPROCS(0)
	if cpus >= n && procs >= n {
		return
	}
	ginkgo.Skip(fmt.Sprintf("this spec measures a speedup from running %d jobs at once, which needs at least %d CPUs, "+
		"but Go sees %d CPU(s) here (runtime.NumCPU()=%d, GOMAXPROCS=%d). It checks nothing on this machine; "+
		"run it on one with %d or more cores (a container or VM may be limited to fewer than the host has).",
		n, n, min(cpus, procs), cpus, procs, n))
}

// HostParallelism measures how much parallelism the machine offers this
// process right now: it runs job once alone, then k copies at once (each in
// its own goroutine), and returns k × (time alone) / (time for the k copies).
// With k idle CPUs that is about k; on a machine where other programs keep
// the CPUs busy it is less, down to about 1. The result is at most k.
//
// job should be CPU-bound and take some tens of milliseconds or more, so
// that scheduling noise stays small next to it.
func HostParallelism(k int, job func()) float64 {
	alone := timeIt(job)
	together := timeIt(func() {
		var wg sync.WaitGroup
		for range k {
			wg.Go(job)
		}
		wg.Wait()
	})
	return min(float64(k), float64(k)*stats.Ratio(alone, together))
}

// timeIt returns how long fn took.
func timeIt(fn func()) time.Duration {
	start := time.Now()
	fn()
	return time.Since(start)
}
