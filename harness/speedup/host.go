package speedup

import (
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/internal/stats"
)

// MinHostParallelism is the least parallelism (see [HostParallelism]) a
// wall-clock judgement needs to tell a parallel server from a serial one.
// Below it the margin between "about 1" and "about what the host offers" is
// too thin: the checks then judge by the CPUs the server's threads asked for
// (Linux), or leave the measurement unjudged where that cannot be read.
const MinHostParallelism = 1.5

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
