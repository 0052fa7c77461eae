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

// crashIsolated explains what a crashing job must not do.
const crashIsolated = "\"crash\" makes the process that runs the job panic. If your server's process died with " +
	"it (see \"the server\" below: a Go panic exits with status 2), the job ran in the server's own process, " +
	"and every client died with it: goroutines share one process, and a panic in any of them ends it all. A " +
	"job must run in a worker process (TODO 2); when that worker dies, w.do returns an error, and " +
	"p.crashed(w, err) answers CrashedReply to that one client (TODO 3)."

// replaceWorker is the hint for a crashed worker that is not replaced.
const replaceWorker = "when a worker dies, its slot must not die with it: crashed stops the dead worker with " +
	"p.stop(w), which reaps it, and gives the slot back empty (p.slots <- nil), so that the next job there " +
	"starts a new worker (TODO 3)."

// jobDuringCrash is how long the job that runs while another crashes takes.
const jobDuringCrash = 300 * time.Millisecond

var _ = Describe("a job that crashes its worker", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("answers \"error: worker crashed\" to the client whose job crashed, and runs that client's next job in a new worker", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		expectJob(c, 1000, inAWorker)
		c.SendLine(choose.CrashCommand)
		c.ExpectLine(crashed, crashIsolated)
		c.SendLine("still connected?")
		c.ExpectLine("still connected?", "a job that crashed its worker ends the job, not the client's connection.")
		expectJob(c, 2000, replaceWorker)
	})

	It("keeps every other client going: their echoes, a job running in the other worker, and new clients", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		crasher, runner, bystander := srv.Dial(), srv.Dial(), srv.Dial()
		for _, c := range []*harness.Client{crasher, runner, bystander} {
			c.SendLine(c.Name + " is here")
			c.ExpectLine(c.Name+" is here", goroutinePerClient)
		}
		rounds := localRounds(jobDuringCrash)
		startLongJobOf(srv, runner, rounds)
		crasher.SendLine(choose.CrashCommand)
		crasher.ExpectLine(crashed, crashIsolated)
		bystander.SendLine("did anything happen?")
		bystander.ExpectLine("did anything happen?", crashIsolated)
		runner.ExpectLine(digest(rounds), fmt.Sprintf("%s's job was running in another worker when %s's job "+
			"crashed its worker: only that one worker died. %s", runner.Name, crasher.Name, crashIsolated))
		newcomer := srv.Dial()
		newcomer.SendLine("a new client after the crash")
		newcomer.ExpectLine("a new client after the crash", crashIsolated)
		expectJob(newcomer, 3000, replaceWorker)
	})

	It(fmt.Sprintf("starts a new worker for each one that crashed, and reaps the dead: after %d crashes in a row, jobs still run, and no zombie is left", choose.Workers+1), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		for i := range choose.Workers + 1 {
			c.SendLine(choose.CrashCommand)
			c.ExpectLine(crashed, fmt.Sprintf("crash number %d: ", i+1)+replaceWorker)
		}
		others := srv.DialMany(choose.Workers)
		harness.Together(others, func(i int, o *harness.Client) {
			expectJob(o, 5000+i, fmt.Sprintf("%d jobs crashed their workers, more than the pool's %d slots: "+
				"every slot needs a new worker after a crash. %s", choose.Workers+1, choose.Workers, replaceWorker))
		})
		srv.ExpectNoZombies("a worker that died stays a zombie until its parent waits for it: p.stop(w) kills " +
			"and reaps it (TODO 3).")
		if running := workers(srv); len(running) > choose.Workers {
			harness.FailWithTask(fmt.Sprintf("after %d crashes, %d processes run below the server (%s), more "+
				"than its %d workers: a dead worker's slot was refilled more than once. %s",
				choose.Workers+1, len(running), pids(running), choose.Workers, replaceWorker))
		}
	})
})

// startLongJobOf makes c send a job of rounds rounds and returns once the
// server is busy with it (see startLongJob); the caller reads the answer.
func startLongJobOf(srv *harness.Server, c *harness.Client, rounds int) {
	GinkgoHelper()
	before, err := procs.TreeCPUTime(srv.PID)
	c.SendLine(work(rounds))
	if err != nil {
		return
	}
	Eventually(func() time.Duration {
		now, _ := procs.TreeCPUTime(srv.PID)
		return now - before
	}).WithTimeout(harness.IOTimeout).WithPolling(5*time.Millisecond).Should(BeNumerically(">=", 20*time.Millisecond),
		"after %s sent %q, the server did not start working. %s", c.Name, work(rounds), inAWorker)
}
