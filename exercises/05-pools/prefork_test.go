package pools_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// preforkCrowd is how many clients connect at once in the prefork crowd
// spec.
const preforkCrowd = 12

var _ = Describe(fmt.Sprintf("ServePrefork, a supervisor and K = %d worker processes sharing one listener", preforkWorkers), harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startPrefork() })

	It("starts K worker processes, children of the server, before any client connects", func() {
		needProcs()
		expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
	})

	It("starts no other worker while none has died", func() {
		needProcs()
		pids := expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
		expectSteady(srv, pids, tell("05.hint.no-storm"))
	})

	It("serves a client with one of the workers it started before the client connected", func() {
		needProcs()
		pids := expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
		c := srv.Dial()
		greetOn(srv, c, tell("05.hint.accept-on-fd3"))
		owner := srv.ExpectOwnedByChild(c, tell("05.hint.accept-on-fd3"))
		Expect(pids).To(ContainElement(owner), tell("05.prefork.not-a-first-worker", owner, preforkWorkers, pids))
	})

	It("serves K clients at once, each in a worker process of its own", func() {
		clients := srv.DialMany(preforkWorkers)
		for _, c := range clients {
			greetOn(srv, c, tell("05.hint.each-own-worker", preforkWorkers))
		}
		ownersOf(srv, clients, tell("05.hint.each-own-worker", preforkWorkers))
		harness.Together(clients, func(i int, c *harness.Client) { leave(c) })
	})

	When("K clients are being served", func() {
		var busy []*harness.Client
		var owners []int
		var extra *harness.Client
		var line string
		BeforeEach(func() {
			busy = srv.DialMany(preforkWorkers)
			for _, c := range busy {
				greetOn(srv, c, tell("05.hint.each-own-worker", preforkWorkers))
			}
			owners = ownersOf(srv, busy, tell("05.hint.each-own-worker", preforkWorkers))
			extra = srv.Dial()
			line = extra.Name + " waits in the backlog"
			extra.SendLine(line)
		})

		It("makes client K+1 wait in the listen backlog: no echo, and its connection open", func() {
			extra.ExpectOpen(harness.QuietPeriod, tell("05.hint.backlog-waits", preforkWorkers))
		})

		It("gives client K+1 to the first worker that is free", func() {
			leave(busy[0])
			extra.ExpectLine(line, tell("05.hint.free-worker", owners[0]))
			Expect(srv.ExpectOwnedByChild(extra)).To(Equal(owners[0]), tell("05.prefork.not-the-free-one",
				extra.Name, owners[0]))
		})
	})

	It(fmt.Sprintf("serves %d clients that connect at once, never with more than K worker processes, and drops none", preforkCrowd), func() {
		needProcs()
		most := countWhile(srv, func() {
			clients := srv.DialMany(preforkCrowd)
			harness.Together(clients, func(i int, c *harness.Client) {
				line := fmt.Sprintf("%s of %d", c.Name, preforkCrowd)
				c.SendLine(line)
				c.ExpectLine(line, tell("05.hint.crowd", preforkCrowd, preforkWorkers))
				leave(c)
			})
		})
		Expect(len(most)).To(BeNumerically("<=", preforkWorkers), tell("05.prefork.too-many", preforkCrowd,
			len(most), most, preforkWorkers, tell("05.hint.never-more-than-k", preforkWorkers)))
	})

	When("clients have left, in every way a client leaves", func() {
		It("keeps the same K workers, and leaves no zombie", func() {
			needProcs()
			before := expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
			clients := srv.DialMany(preforkWorkers)
			for _, c := range clients {
				greetOn(srv, c, tell("05.hint.each-own-worker", preforkWorkers))
			}
			leave(clients[0])
			clients[1].CloseWrite()
			clients[1].ExpectClosed(tell("05.leave.eof"))
			clients[2].Reset()
			after := expectWorkers(srv, preforkWorkers, nil, tell("05.hint.keep-workers"))
			Expect(after).To(ConsistOf(before), tell("05.prefork.workers-changed", before, after,
				tell("05.hint.keep-workers")))
			srv.ExpectNoZombies(tell("05.hint.keep-workers"))
		})
	})

	When("its listener is closed while clients are served and one waits", func() {
		var clients []*harness.Client
		BeforeEach(func() {
			clients = srv.DialMany(preforkWorkers)
			for _, c := range clients {
				greetOn(srv, c, tell("05.hint.each-own-worker", preforkWorkers))
			}
			waiting := srv.Dial()
			waiting.SendLine(waiting.Name + " waits in the backlog")
			clients = append(clients, waiting)
		})

		It("returns nil from Serve once every worker has been reaped", func() {
			expectPreforkShutdown(srv, tell("05.did.close-prefork"), tell("05.hint.stop-all"))
		})

		It("ends every worker, so that every client's connection closes", func() {
			_ = srv.Shutdown() // how Serve returned is the spec above's to judge
			srv.ExpectNoProcessesLeft(tell("05.hint.stop-all"))
			for _, c := range clients {
				c.ExpectClosed(tell("05.prefork.closed", tell("05.hint.stop-all")))
			}
		})

		It("leaves no process holding the listening socket: a new client cannot connect", func() {
			_ = srv.Shutdown() // how Serve returned is another spec's to judge
			srv.ExpectNoProcessesLeft(tell("05.hint.stop-all"))
			if c, err := srv.TryDial(); err == nil {
				c.Close()
				Fail(tell("05.prefork.still-listening", tell("05.hint.stop-all")))
			}
		})
	})

	When("Ctrl-C is pressed in its terminal (SIGINT to its process group)", func() {
		It("ends every worker with the server", func() {
			needProcs()
			pids := expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
			clients := srv.DialMany(preforkWorkers)
			for _, c := range clients {
				greetOn(srv, c, tell("05.hint.each-own-worker", preforkWorkers))
			}
			srv.Interrupt()
			if !srv.ExpectNoProcessesLeft(tell("05.hint.ctrl-c")) {
				expectEnded(pids, tell("05.hint.ctrl-c"))
			}
			for _, c := range clients {
				c.ExpectClosed(tell("05.hint.ctrl-c"))
			}
		})
	})

	It("keeps every worker in the server's process group, which Ctrl-C in a terminal reaches", func() {
		needProcs()
		pids := expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
		server, err := procs.Get(srv.PID)
		if err != nil {
			Skip(tell("05.pgid.cannot-look", err))
		}
		for _, pid := range pids {
			w, err := procs.Get(pid)
			Expect(err).NotTo(HaveOccurred(), tell("05.pgid.gone", pid))
			Expect(w.PGID).To(Equal(server.PGID), tell("05.pgid", pid, w.PGID, server.PGID))
		}
	})
})

// expectEnded waits (a few seconds at most) until none of the processes
// pids is running any more, and fails the spec otherwise. It is how a spec
// looks for workers where the harness cannot find a server's processes by
// their tag (macOS): by the PIDs they had while they served.
func expectEnded(pids []int, hints ...string) {
	GinkgoHelper()
	var running []int
	waitFor(harness.IOTimeout, func() bool {
		running = nil
		for _, pid := range pids {
			if p, err := procs.Get(pid); err == nil && !p.Zombie() {
				running = append(running, pid)
			}
		}
		return len(running) == 0
	})
	if len(running) > 0 {
		msg := tell("05.ended.running", len(running), running, harness.IOTimeout)
		for _, h := range hints {
			msg += "\n\n  hint: " + h
		}
		harness.FailWithTask(msg)
	}
}
