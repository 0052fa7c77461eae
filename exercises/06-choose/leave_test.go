package choose_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("dispatching jobs to worker processes, for clients that leave", harness.Task(2), func() {
	When("a client leaves while its job runs", func() {
		var srv *harness.Server
		var busy []procs.Info // the worker that ran the job, as seen before the client left
		var leaver *harness.Client

		BeforeEach(func() {
			requireProcs("it watches the server's worker processes from outside")
			srv = startServer()
			leaver = srv.Dial()
			leaver.SendLine(work(choose.MaxRounds)) // many seconds of work
			Eventually(func() []procs.Info {
				busy = workers(srv)
				return busy
			}).WithTimeout(harness.IOTimeout).WithPolling(5*time.Millisecond).ShouldNot(BeEmpty(),
				tell("06.leave.no-worker", leaver.Name, work(choose.MaxRounds), harness.IOTimeout,
					tell("06.hint.in-a-worker")))
			leaver.Close()
		})

		// stillThere returns the workers of busy that still run.
		stillThere := func() []procs.Info {
			var left []procs.Info
			for _, now := range workers(srv) {
				for _, b := range busy {
					if now.PID == b.PID {
						left = append(left, now)
					}
				}
			}
			return left
		}

		// expectStopped waits until no worker of busy runs.
		expectStopped := func() {
			GinkgoHelper()
			Eventually(stillThere).WithTimeout(harness.IOTimeout).WithPolling(10*time.Millisecond).Should(BeEmpty(),
				func() string {
					return tell("06.leave.still-running", leaver.Name, work(choose.MaxRounds), harness.IOTimeout,
						pids(stillThere()), tell("06.hint.for-nobody"))
				})
		}

		It("stops the worker that ran its job", func() {
			expectStopped()
		})

		It("reaps that worker: no zombie is left", func() {
			expectStopped()
			srv.ExpectNoZombies(tell("06.hint.left-reaped"))
		})

		It("gives its slot back: a job is answered while another client's long job runs", func() {
			expectStopped()
			long, next := srv.Dial(), srv.Dial()
			startLongJob(srv, long)
			expectJob(next, 1000, tell("06.hint.left-slot", choose.Workers))
		})
	})
})
