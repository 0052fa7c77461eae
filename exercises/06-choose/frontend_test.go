package choose_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// goroutinePerClient is the hint for a front end that serves clients one at
// a time.
const goroutinePerClient = "serve each accepted connection on a goroutine of its own (go ...) and go straight " +
	"back to Accept: a client waiting for its job must not keep the others waiting (TODO 1)."

// jobsToWorkers is the hint for lines that are not routed right.
const jobsToWorkers = "answer sends a line that asks for a job (isJob) to s.pool.run(ctx, jobOf(line)), and echoes " +
	"every other line as it is (TODO 1)."

// busyCPU is how much CPU time a server must have used before a spec treats
// a long job as running.
const busyCPU = 100 * time.Millisecond

// startLongJob makes c send a job of MaxRounds rounds (many seconds of
// work) and returns once the server is busy with it: on Linux, once the
// server and its processes have used busyCPU more CPU time; elsewhere, at
// once. The job is never waited for: the spec's cleanup kills it.
func startLongJob(srv *harness.Server, c *harness.Client) {
	GinkgoHelper()
	before, err := procs.TreeCPUTime(srv.PID)
	c.SendLine(work(choose.MaxRounds))
	if err != nil {
		return
	}
	Eventually(func() time.Duration {
		now, _ := procs.TreeCPUTime(srv.PID)
		return now - before
	}).WithTimeout(harness.IOTimeout).WithPolling(10*time.Millisecond).Should(BeNumerically(">=", busyCPU),
		"after %s sent %q, the server did not start working: it and its processes used less than %v of CPU "+
			"time in %v. Send jobs to s.pool.run (TODO 1), which runs them in a worker (TODO 2).",
		c.Name, work(choose.MaxRounds), busyCPU, harness.IOTimeout)
}

var _ = Describe("the goroutine front end", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("echoes lines, answers \"work N\" with its digest, and closes the connection on \"exit\"", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine("안녕하세요")
		c.ExpectLine("안녕하세요", jobsToWorkers)
		c.SendLine(work(1000))
		c.ExpectLine(digest(1000), jobsToWorkers)
		for _, line := range []string{"workshop", "work", "crashed", " crash"} {
			c.SendLine(line)
			c.ExpectLine(line, "only \"work N\" and a line that is exactly \"crash\" are jobs: isJob tells them "+
				"apart; everything else is echoed. "+jobsToWorkers)
		}
		c.Send(work(2000) + "\r\n")
		c.ExpectLine(digest(2000), "telnet ends lines with \"\\r\\n\": jobOf removes it before the job goes "+
			"to a worker.")
		c.SendLine("exit")
		c.ExpectClosed("\"exit\" closes the connection of the client that sent it.")
	})

	It("answers other clients at once while one client's job runs", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		busy := srv.Dial()
		busy.SendLine("hello")
		busy.ExpectLine("hello", goroutinePerClient)
		startLongJob(srv, busy)
		others := srv.DialMany(3)
		for i, c := range others {
			line := fmt.Sprintf("client %d while client 1's job runs", i+2)
			c.SendLine(line)
			c.ExpectLine(line, "client 1 is waiting for a long job, and the other clients got no echo: "+
				goroutinePerClient)
		}
		expectJob(others[0], 1000, "client 1's long job runs in one worker; a second job can run in another "+
			"worker at the same time (TODO 2).")
	})

	It("stops its worker processes, and reaps them, when its listener is closed", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(choose.Workers)
		harness.Together(clients, func(i int, c *harness.Client) {
			expectJob(c, 100_000+i, jobsToWorkers)
		})
		if err := srv.Shutdown(); err != nil {
			harness.FailWithTask(fmt.Sprintf("the spec closed the server's listener, and then:\n    %v\n\n  hint: %s",
				err, "when Accept fails because ln was closed, return s.pool.close(): it stops every worker "+
					"process and waits for it, so that none outlives the server (TODO 1)."))
		}
		srv.ExpectNoProcessesLeft("once Serve has returned, no worker process may be left running (TODO 1).")
	})
})
