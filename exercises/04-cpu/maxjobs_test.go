package cpu_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("ServeGoroutines with MaxJobs 1 (bonus)", harness.Task(5), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines-maxjobs-1") })

	When("several clients send jobs at once", func() {
		It("answers every job, each with its own digest", func() {
			expectJobsAtOnce(srv, tell("04.hint.free-slot"))
		})
	})

	When("a job runs", func() {
		var long, waiting, talker *harness.Client
		BeforeEach(func() {
			long, waiting, talker = srv.Dial(), srv.Dial(), srv.Dial()
			for _, c := range []*harness.Client{long, waiting, talker} {
				c.SendLine("hello")
				c.ExpectLine("hello", tell("04.hint.whole-connection"))
			}
			if _, err := procs.TreeCPUTime(srv.PID); err != nil {
				Skip(tell("04.skip.no-cpu-time", err))
			}
			startLongJob(srv, long)
		})

		It("makes a second job wait for a free slot", func() {
			waiting.SendLine(work(1))
			waiting.ExpectOpen(harness.QuietPeriod, tell("04.hint.one-slot"))
		})

		It("still echoes another client's lines at once", func() {
			talker.SendLine("still there?")
			talker.ExpectLine("still there?", tell("04.hint.whole-connection"))
		})
	})

	When("a job fails", func() {
		It("gives its slot back: the next job still runs", func() {
			failing, next := srv.Dial(), srv.Dial()
			failing.SendLine(work(-1))
			expectErrorLine(failing, work(-1))
			next.SendLine(work(1))
			next.ExpectLine(digest(1), tell("04.hint.slot-back"))
		})
	})
})
