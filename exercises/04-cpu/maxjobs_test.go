package cpu_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// oneSlot is the hint for a job limit that lets a second job run.
const oneSlot = "with cfg.MaxJobs 1 a job waits while another job runs: serve with limitJobs(cfg.MaxJobs, Work), " +
	"and in limitJobs take a slot (a token in a channel with room for n) before calling run."

// wholeConnection is the hint for a job limit that holds up whole clients.
const wholeConnection = "every client is served at once, and only jobs wait for a slot: take the slot inside " +
	"the runner, around run, not around the whole connection."

var _ = Describe("ServeGoroutines with MaxJobs 1 (bonus)", harness.Task(5), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines-maxjobs-1") })

	It("answers every job of several clients sent at once, each with its own digest", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := []*harness.Client{srv.Dial(), srv.Dial(), srv.Dial()}
		sizes := []int{30_000, 20_000, 10_000}
		inParallel(len(clients), func(i int) {
			clients[i].SendLine(work(sizes[i]))
			clients[i].ExpectLine(digest(sizes[i]), "jobs that wait for a slot must still run once one is free, "+
				"and each must answer its own client: free the slot when run returns (defer).")
		})
	})

	It("makes a second job wait while one runs, but still echoes other lines at once", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		long, waiting, talker := srv.Dial(), srv.Dial(), srv.Dial()
		for _, c := range []*harness.Client{long, waiting, talker} {
			c.SendLine("hello")
			c.ExpectLine("hello", wholeConnection)
		}
		if _, err := procs.TreeCPUTime(srv.PID); err != nil {
			Skip("this spec must see that the first job has started, from the server's CPU time, which this " +
				"system does not offer: " + err.Error())
		}
		startLongJob(srv, long)
		waiting.SendLine(work(1))
		waiting.ExpectOpen(harness.QuietPeriod, oneSlot)
		talker.SendLine("still there?")
		talker.ExpectLine("still there?", wholeConnection)
	})
})
