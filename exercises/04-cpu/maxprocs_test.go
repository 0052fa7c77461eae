package cpu_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/speedup"
)

// setMaxProcs is the hint for a MaxProcs option that does nothing.
const setMaxProcs = "with cfg.MaxProcs 1 the whole server process must run Go code on one OS thread at a " +
	"time: call runtime.GOMAXPROCS(cfg.MaxProcs) before serving. An option that is read but never applied " +
	"leaves Go's default (one thread per CPU)."

var _ = Describe("ServeGoroutines with MaxProcs 1, Go's stand-in for the GIL", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines-maxprocs-1") })

	It("still answers a second client's short job while a long job runs: goroutines take turns on one CPU", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		long, short := srv.Dial(), srv.Dial()
		long.SendLine("hello")
		long.ExpectLine("hello", "MaxProcs limits threads, not clients: still serve every client on its own goroutine.")
		short.SendLine("hello")
		short.ExpectLine("hello", ownGoroutine)
		startLongJob(srv, long)
		short.SendLine(work(1))
		short.ExpectLine(digest(1), "with GOMAXPROCS=1 Go still switches between goroutines (it preempts a busy one "+
			"about every 10 ms), the way Python's GIL passes between threads: concurrency without parallelism. "+
			notOneAtATime)
		long.ExpectOpen(quietLong, notOneAtATime)
	})

	It("gives no speedup: two jobs at once take as long as two one after the other", Serial, Label("timing"), SpecTimeout(timingDeadline), func(ctx SpecContext) {
		expectTiming(srv, speedup.NotParallel, setMaxProcs)
	})
})
