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

// busyCPU is how much CPU time a server must have used before a spec treats
// a long job as running.
const busyCPU = 100 * time.Millisecond

// startLongJob makes c send a job of MaxRounds rounds (many seconds of
// work) and returns once the server is busy with it: on Linux, once the
// server and its processes have used busyCPU more CPU time; elsewhere, at
// once. The job is never waited for: the spec's cleanup kills it.
func startLongJob(srv *harness.Server, c *harness.Client) {
	GinkgoHelper()
	startJobs(srv, []*harness.Client{c}, choose.MaxRounds, busyCPU)
}

// startLongJobs is startLongJob for several clients at once: it returns
// once the server and its processes have used busyCPU more CPU time per
// client.
func startLongJobs(srv *harness.Server, clients []*harness.Client) {
	GinkgoHelper()
	startJobs(srv, clients, choose.MaxRounds, time.Duration(len(clients))*busyCPU)
}

// startJobs makes each client send a job of rounds rounds and returns once
// the server and its processes have used cpu more CPU time (at once where
// that cannot be read); the caller reads the answers, or leaves them.
func startJobs(srv *harness.Server, clients []*harness.Client, rounds int, cpu time.Duration) {
	GinkgoHelper()
	before, err := procs.TreeCPUTime(srv.PID)
	for _, c := range clients {
		c.SendLine(work(rounds))
	}
	if err != nil {
		return
	}
	Eventually(func() time.Duration {
		now, _ := procs.TreeCPUTime(srv.PID)
		return now - before
	}).WithTimeout(harness.IOTimeout).WithPolling(5*time.Millisecond).Should(BeNumerically(">=", cpu),
		tell("06.long-job.not-started", len(clients), work(rounds), cpu, harness.IOTimeout))
}

var _ = Describe("the goroutine front end", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	When("a client sends lines", func() {
		var c *harness.Client
		BeforeEach(func() { c = srv.Dial() })

		It("echoes a line that is not a job", func() {
			c.SendLine("안녕하세요")
			c.ExpectLine("안녕하세요", tell("06.hint.jobs-to-workers"))
		})

		It("answers \"work N\" with the digest of Work(N)", func() {
			expectJob(c, 1000, tell("06.hint.jobs-to-workers"))
		})

		It("echoes lines that only look like jobs: \"workshop\", \"work\", \"crashed\", \" crash\"", func() {
			for _, line := range []string{"workshop", "work", "crashed", " crash"} {
				c.SendLine(line)
				c.ExpectLine(line, tell("06.hint.only-jobs"))
			}
		})

		It("answers a job whose line ends in \"\\r\\n\", as telnet sends it", func() {
			c.Send(work(2000) + "\r\n")
			c.ExpectLine(digest(2000), tell("06.hint.crlf"))
		})

		It("closes the connection on \"exit\"", func() {
			c.SendLine("hello")
			c.ExpectLine("hello", tell("06.hint.jobs-to-workers"))
			c.SendLine("exit")
			c.ExpectClosed(tell("06.hint.exit"))
		})
	})

	When("one client's job runs", func() {
		It("answers other clients at once", func() {
			busy := srv.Dial()
			busy.SendLine("hello")
			busy.ExpectLine("hello", tell("06.hint.goroutine-per-client"))
			startLongJob(srv, busy)
			others := srv.DialMany(3)
			for i, c := range others {
				line := fmt.Sprintf("client %d while client 1's job runs", i+2)
				c.SendLine(line)
				c.ExpectLine(line, tell("06.others.no-echo")+" "+tell("06.hint.goroutine-per-client"))
			}
			expectJob(others[0], 1000, tell("06.others.second-worker"))
		})
	})

	When("its listener is closed", func() {
		It("stops its idle worker processes, reaps them, and returns", func() {
			clients := srv.DialMany(choose.Workers)
			harness.Together(clients, func(i int, c *harness.Client) {
				expectJob(c, 100_000+i, tell("06.hint.jobs-to-workers"))
			})
			expectShutdown(srv, tell("06.hint.close-pool"))
			srv.ExpectNoProcessesLeft(tell("06.hint.none-left"))
		})

		It("stops the workers that are running jobs too, and returns without waiting for their jobs", func() {
			startLongJobs(srv, srv.DialMany(choose.Workers))
			expectShutdown(srv, tell("06.hint.shutdown-busy"))
			srv.ExpectNoProcessesLeft(tell("06.hint.shutdown-busy"))
		})
	})

	When("Ctrl-C interrupts it (SIGINT to its process group) while jobs run", func() {
		It("leaves no worker process running", func() {
			requireProcs("it looks for the server's workers after Ctrl-C")
			startLongJobs(srv, srv.DialMany(choose.Workers))
			srv.Interrupt()
			if !srv.ExpectNoProcessesLeft(tell("06.hint.ctrl-c")) {
				Skip(tell("06.skip.ctrl-c"))
			}
		})
	})
})

// Sizes of the spec about running out of file descriptors: the server may
// have fileLimit open at once (as after `ulimit -n 64`), and twice as many
// clients connect, so that it runs out whatever else it holds open.
const (
	fileLimit = 64
	crowd     = 2 * fileLimit
	lastOnes  = 8 // clients at the end of the crowd, never accepted until others leave
)

var _ = Describe("the goroutine front end, with few file descriptors", harness.Task(1), func() {
	When(fmt.Sprintf("more clients connect than it can have files open (%d)", fileLimit), func() {
		It("keeps running, and serves the waiting clients once others leave", func() {
			srv := startServer(harness.WithFileLimit(fileLimit))
			first := srv.Dial()
			first.SendLine("hello")
			first.ExpectLine("hello", tell("06.hint.goroutine-per-client"))
			hint := tell("06.hint.fd-backoff", fileLimit)
			clients := srv.DialMany(crowd, hint) // the kernel queues those the server cannot accept
			srv.AwaitOutOfFiles()
			waiting := clients[crowd-lastOnes:]
			for _, c := range clients[:crowd-lastOnes] {
				c.Close()
			}
			first.Close()
			for _, c := range waiting {
				line := c.Name + ", waiting since the server ran out of file descriptors"
				c.SendLine(line)
				c.ExpectLine(line, tell("06.fd.waited", crowd, fileLimit, crowd-lastOnes+1), hint)
			}
			newcomer := srv.Dial()
			newcomer.SendLine("a new client")
			newcomer.ExpectLine("a new client", hint)
		})
	})
})

// expectShutdown closes the server's listener and fails the spec, with
// hint, unless Serve returns nil in time.
func expectShutdown(srv *harness.Server, hint string) {
	GinkgoHelper()
	if err := srv.Shutdown(); err != nil {
		harness.FailWithTask(tell("06.shutdown.failed", err, hint))
	}
}
