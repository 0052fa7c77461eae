package cpu_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/speedup"
)

var _ = Describe("ServeGoroutines with MaxProcs 1, Go's stand-in for the GIL", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines-maxprocs-1") })

	When("a long job runs", func() {
		It("still answers a second client's short job: goroutines take turns on one CPU", func() {
			long, short := srv.Dial(), srv.Dial()
			long.SendLine("hello")
			long.ExpectLine("hello", tell("04.hint.threads-not-clients"))
			short.SendLine("hello")
			short.ExpectLine("hello", tell("04.hint.own-goroutine"))
			startLongJob(srv, long)
			short.SendLine(work(1))
			short.ExpectLine(digest(1), tell("04.hint.take-turns"), tell("04.hint.not-one-at-a-time"))
			long.ExpectOpen(quietLong, tell("04.hint.not-one-at-a-time"))
		})
	})

	It("gives no speedup: two jobs at once take as long as two one after the other", timing, func() {
		expectTiming(srv, speedup.NotParallel, tell("04.hint.set-maxprocs"))
	})
})
