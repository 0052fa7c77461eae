package choose_test

import (
	"fmt"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// inAWorker is the hint for jobs that do not run in a worker process.
const inAWorker = "a job must run in a worker process, not in the server's: run takes a worker with p.take() " +
	"(which starts one in an empty slot), sends it the job with w.doFor(ctx, job), and puts it back (TODO 2)."

// forNobody is the hint for a job that runs on after its client left.
const forNobody = "run sends the job with w.doFor(ctx, job) (given, in leave.go): it calls your do, and stops " +
	"the worker when ctx ends because the client left; then p.crashed reaps it and frees its slot (TODO 2)."

// poolSize is the hint for a server that runs too many worker processes.
var poolSize = fmt.Sprintf("the pool has %d slots, and a job runs only in the worker of a slot it holds: take a "+
	"token from p.slots, start a worker only when the token is nil (an empty slot), and put the worker back "+
	"into p.slots when its job is done, so that the next job reuses it. A new process for every job pays a "+
	"program's start-up every time, and with many clients it runs more processes than there are CPUs (TODO 2).",
	choose.Workers)

// Sizes of the spec that counts worker processes.
const (
	jobSenders = 8       // clients sending jobs at the same time
	jobsEach   = 3       // jobs each of them sends
	poolRounds = 200_000 // rounds of each job
)

var _ = Describe("dispatching jobs to worker processes", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("runs a job in a worker process below the server, not in the server's own process", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		expectJob(c, 1000, inAWorker)
		if err := procs.Supported(); err != nil {
			Skip("the answer was right, but this system does not let the spec look at processes: " + err.Error())
		}
		selfBefore, _, errSelf := procs.CPUTime(srv.PID)
		treeBefore, errTree := procs.TreeCPUTime(srv.PID)
		startLongJob(srv, c)
		if errSelf != nil || errTree != nil {
			Expect(workers(srv)).NotTo(BeEmpty(), "while a long job runs, no process runs below the server: %s", inAWorker)
			return // CPU times cannot be read here (macOS): the process is there, that is all we can see
		}
		selfAfter, _, _ := procs.CPUTime(srv.PID)
		treeAfter, _ := procs.TreeCPUTime(srv.PID)
		self, tree := selfAfter-selfBefore, treeAfter-treeBefore
		below := workers(srv)
		Expect(below).NotTo(BeEmpty(), "while a long job ran, the server used %v of CPU time in its own process, "+
			"and no process ran below it: the job runs in the server's process. %s", self, inAWorker)
		Expect(self).To(BeNumerically("<", tree/2), "while a long job ran, the server's own process used %v of "+
			"the %v of CPU time that the server and its processes used (processes below it: %s): the job ran "+
			"in the server's process. %s", self, tree, pids(below), inAWorker)
	})

	It("answers jobs with wrong numbers with a line that starts with \"error: \", and keeps the connection", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		for _, job := range []string{"work -1", "work ten", fmt.Sprintf("work %d", choose.MaxRounds+1), "work "} {
			expectErrorLine(srv, c, job)
		}
		expectJob(c, 0, "a worker answers a job with a wrong number with an error line, and stays ready for the "+
			"next job.")
		expectJob(c, 1)
		c.SendLine("still here")
		c.ExpectLine("still here")
	})

	It(fmt.Sprintf("runs at most %d worker processes, and reuses them, while %d clients send jobs at once", choose.Workers, jobSenders), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		if err := procs.Supported(); err != nil {
			Skip("this spec counts the server's processes from outside, which this system does not allow: " + err.Error())
		}
		clients := srv.DialMany(jobSenders)
		for _, c := range clients { // every client is being served
			c.SendLine("hello")
			c.ExpectLine("hello", goroutinePerClient)
		}
		peak, seen := watchWorkers(srv, func() {
			harness.Together(clients, func(i int, c *harness.Client) {
				for j := range jobsEach {
					expectJob(c, poolRounds+i*jobsEach+j, inAWorker)
				}
			})
		})
		Expect(peak).To(BeNumerically(">=", 1), "%d jobs ran and the spec never saw a process below the server: %s",
			jobSenders*jobsEach, inAWorker)
		Expect(peak).To(BeNumerically("<=", choose.Workers), "while %d clients sent %d jobs each, the server ran "+
			"up to %d processes below it at once (%d different ones in all). %s",
			jobSenders, jobsEach, peak, len(seen), poolSize)
		Expect(len(seen)).To(BeNumerically("<=", choose.Workers), "%d jobs ran in %d different worker processes: "+
			"a worker must be reused from job to job, not started anew. %s", jobSenders*jobsEach, len(seen), poolSize)
	})
})

var _ = Describe("dispatching jobs to worker processes, for clients that leave", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("stops the job of a client that leaves while it runs: its worker ends, and the next job is answered", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		if err := procs.Supported(); err != nil {
			Skip("this spec watches the server's worker processes from outside, which this system does not allow: " +
				err.Error())
		}
		leaver := srv.Dial()
		leaver.SendLine(work(choose.MaxRounds)) // many seconds of work
		var busy []procs.Info
		Eventually(func() []procs.Info {
			busy = workers(srv)
			return busy
		}).WithTimeout(harness.IOTimeout).WithPolling(5*time.Millisecond).ShouldNot(BeEmpty(),
			"%s sent %q, and no worker process started below the server within %v. %s",
			leaver.Name, work(choose.MaxRounds), harness.IOTimeout, inAWorker)
		leaver.Close()
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
		Eventually(stillThere).WithTimeout(harness.IOTimeout).WithPolling(10*time.Millisecond).Should(BeEmpty(),
			"%s sent %q (many seconds of work), then closed its connection. %v later, the worker that ran the "+
				"job was still running (%s): it worked on for nobody, while other clients' jobs could wait for "+
				"its slot. %s", leaver.Name, work(choose.MaxRounds), harness.IOTimeout, pids(stillThere()), forNobody)
		next := srv.Dial()
		expectJob(next, 1000, "the slot of a stopped worker comes back empty (p.crashed), and the next job starts "+
			"a new worker there. "+forNobody)
	})
})

// watchWorkers runs fn while it counts, every few milliseconds, the
// processes running below the server. It returns the most it saw at once,
// and every PID it saw.
func watchWorkers(srv *harness.Server, fn func()) (peak int, seen map[int]bool) {
	GinkgoHelper()
	seen = map[int]bool{}
	stop, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			now := workers(srv)
			peak = max(peak, len(now))
			for _, p := range now {
				seen[p.PID] = true
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	finish := func() { once.Do(func() { close(stop); <-watched }) }
	defer finish() // also when fn fails the spec
	fn()
	finish()
	return peak, seen
}

// expectErrorLine sends job on c and expects a line that starts with
// "error: ", which the worker answers to a job with a wrong number.
func expectErrorLine(srv *harness.Server, c *harness.Client, job string) {
	GinkgoHelper()
	c.SendLine(job)
	reply, err := c.ReadLine()
	if err == nil && strings.HasPrefix(reply, "error: ") {
		return
	}
	got := fmt.Sprintf("%q", reply)
	if err != nil {
		got += fmt.Sprintf(" and then: %v", err)
	}
	harness.FailWithTask(fmt.Sprintf("%s sent %q\n  expected: a line that starts with \"error: \" (the worker "+
		"answers it, and stays ready for the next job)\n  got:      %s\n\n  the server: %s\n\n  hint: %s",
		c.Name, job+"\n", got, serverState(srv), inAWorker))
}

// serverState says whether the server's process still runs, for messages.
func serverState(srv *harness.Server) string {
	if srv.Exited() {
		return "its process has ended; its output:\n" + srv.Output()
	}
	return fmt.Sprintf("still running (pid %d)", srv.PID)
}
