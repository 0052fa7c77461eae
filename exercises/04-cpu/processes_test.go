package cpu_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/inchild"
	"github.com/threadproc/threadproc/harness/procs"
	"github.com/threadproc/threadproc/harness/speedup"
)

var _ = Describe("ServeProcesses with MaxProcs 1", harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() {
		srv = harness.StartServer("processes-maxprocs-1")
		srv.ExpectWorkerModes()
	})

	It("answers \"work N\" with Work's digest, through a worker", func() {
		c := srv.Dial()
		c.SendLine(work(1000))
		c.ExpectLine(digest(1000), tell("04.hint.start-each-worker"))
	})

	It("echoes every other line", func() {
		c := srv.Dial()
		c.SendLine("workshop")
		c.ExpectLine("workshop", tell("04.hint.start-each-worker"))
	})

	When("a client sends exit", func() {
		It("closes that connection without a reply: the server keeps no copy of it", func() {
			c := srv.Dial()
			c.SendLine("hello")
			c.ExpectLine("hello", tell("04.hint.start-each-worker"))
			c.SendLine("exit")
			c.ExpectClosed(tell("04.hint.close-conn"))
		})
	})

	When("two clients are connected", func() {
		var a, b *harness.Client
		BeforeEach(func() {
			a, b = srv.Dial(), srv.Dial()
			a.SendLine(work(10))
			a.ExpectLine(digest(10), tell("04.hint.start-each-worker"))
			b.SendLine(work(20))
			b.ExpectLine(digest(20), tell("04.hint.start-each-worker"))
		})

		It("serves each in a worker process of its own", func() {
			ownerA := srv.ExpectOwnedByChild(a, tell("04.hint.close-conn"))
			ownerB := srv.ExpectOwnedByChild(b, tell("04.hint.close-conn"))
			Expect(ownerA).NotTo(Equal(ownerB), tell("04.processes.same-worker", ownerA))
		})

		It("gives each worker GOMAXPROCS=1 in its environment", func() {
			withEnv, err := procs.WithEnv("GOMAXPROCS", "1")
			if err != nil {
				Skip(tell("04.skip.no-environments", err))
			}
			for _, c := range []*harness.Client{a, b} {
				pid := srv.ExpectOwnedByChild(c, tell("04.hint.close-conn"))
				Expect(withEnv).To(ContainElement(pid), tell("04.processes.no-gomaxprocs", pid))
			}
		})
	})

	When("clients have left", func() {
		It("reaps every worker that ended: none is left a zombie", func() {
			harness.Together(srv.DialMany(3), func(i int, c *harness.Client) {
				c.SendLine(work(10 * (i + 1)))
				c.ExpectLine(digest(10*(i+1)), tell("04.hint.start-each-worker"))
				c.SendLine("exit")
				c.ExpectClosed(tell("04.hint.close-conn"))
			})
			srv.ExpectNoZombies(tell("04.hint.reap"))
		})
	})

	When("its listener is closed", func() {
		It("returns nil from Serve, while a worker still serves its client", func() {
			c := srv.Dial()
			c.SendLine(work(10))
			c.ExpectLine(digest(10), tell("04.hint.start-each-worker"))
			Expect(srv.Shutdown()).To(Succeed(), tell("04.hint.closed", 4))
		})

		It("has reaped, by the time Serve returns, the workers of the clients that left", func() {
			for _, c := range srv.DialMany(2) {
				c.SendLine(work(10))
				c.ExpectLine(digest(10), tell("04.hint.start-each-worker"))
				c.SendLine("exit")
				c.ExpectClosed(tell("04.hint.close-conn"))
			}
			Expect(srv.Shutdown()).To(Succeed(), tell("04.hint.reap"))
		})
	})

	It("still runs two clients' jobs in parallel, though every worker has GOMAXPROCS=1", timing, func() {
		expectTiming(srv, speedup.Parallel, tell("04.hint.start-each-worker"), tell("04.hint.workers-parallel"))
	})
})

// reapWait bounds how long the server's process, once Serve has returned,
// waits for the workers that just ended to be reaped.
const reapWait = 2 * time.Second

// noWorkerUnreaped runs in the server's process after Serve returned (see
// TestMain). ServeProcesses leaves the workers of connected clients
// serving, but every worker that has ended must have been reaped: one that
// was not is a zombie, an entry in the process table that only its parent's
// Wait removes. A worker that ended a moment ago may still be on its way
// through `go cmd.Wait()`, so it waits a little for them.
func noWorkerUnreaped() error {
	deadline := time.Now().Add(reapWait)
	for {
		_, zombies := inchild.ChildrenLeft()
		if len(zombies) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s", tell("04.processes.unreaped", len(zombies), inchild.PIDList(zombies), reapWait))
		}
		time.Sleep(10 * time.Millisecond)
	}
}
