package cpu_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/speedup"
)

// ownGoroutine is the hint for clients that wait for each other.
const ownGoroutine = "serve each client on a goroutine of its own (go handle(conn, Work)), so that the accept " +
	"loop takes the next client while the first is served."

// notOneAtATime is the hint for a short job that waited for a long one.
const notOneAtATime = "client 1's long job was still running: client 2's one-round job should not wait for it. " +
	"A server that runs one job at a time (a single goroutine for all clients, or a lock held around Work) " +
	"makes every client wait for the slowest job."

var _ = Describe("ServeGoroutines", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	It("answers \"work N\" with the digest, echoes other lines, and closes on exit", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine(work(1000))
		c.ExpectLine(digest(1000), "serve the client with handle(conn, Work): handle answers \"work N\" with Work(N).")
		c.SendLine("workshop")
		c.ExpectLine("workshop", "only \"work N\" is a job; every other line is echoed.")
		c.SendLine("work ten")
		line, err := c.ReadLine()
		Expect(err).NotTo(HaveOccurred(), "\"work ten\" should get a reply line")
		Expect(line).To(HavePrefix("error: "), "a request whose N is not a number gets an \"error: ...\" line (TODO 2)")
		c.SendLine("exit")
		c.ExpectClosed("\"exit\" closes the connection without a reply.")
	})

	It("answers several clients at once, each with its own job's digest", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := []*harness.Client{srv.Dial(), srv.Dial(), srv.Dial()}
		sizes := []int{30_000, 20_000, 10_000}
		inParallel(len(clients), func(i int) {
			clients[i].SendLine(work(sizes[i]))
			clients[i].ExpectLine(digest(sizes[i]), ownGoroutine)
		})
	})

	It("answers a second client's short job while a long job runs", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		long, short := srv.Dial(), srv.Dial()
		long.SendLine("hello")
		long.ExpectLine("hello")
		short.SendLine("hello")
		short.ExpectLine("hello", ownGoroutine)
		startLongJob(srv, long)
		short.SendLine(work(1))
		short.ExpectLine(digest(1), notOneAtATime)
		long.ExpectOpen(quietLong, notOneAtATime)
	})

	It("returns nil from Serve once its listener is closed", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine(work(10))
		c.ExpectLine(digest(10))
		Expect(srv.Shutdown()).To(Succeed(), "when ln is closed, Accept returns an error that "+
			"errors.Is(err, net.ErrClosed) recognises: return nil then (TODO 2).")
	})

	Context("measured from outside", Serial, Label("timing"), func() {
		It("runs two clients' jobs in parallel: its CPU time grows about twice as fast as the wall clock", SpecTimeout(timingDeadline), func(ctx SpecContext) {
			expectTiming(srv, speedup.Overlap, ownGoroutine, "each client's job should run on its own goroutine, and Go runs goroutines on all "+
				"CPUs at once. A server that serves one client at a time, or holds a lock around Work, uses one CPU.")
		})

		It("finishes two jobs sent at once about twice as fast as two sent one after the other", SpecTimeout(timingDeadline), func(ctx SpecContext) {
			expectTiming(srv, speedup.Faster, ownGoroutine, "two jobs at once should take about as long as one: each on its own goroutine, on "+
				"its own CPU. Look for anything that makes one job wait for another.")
		})
	})
})
