package pools_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// preforkCrowd is how many clients connect at once in the prefork crowd
// spec.
const preforkCrowd = 12

// sampleEvery is how often the crowd spec counts the worker processes.
const sampleEvery = 10 * time.Millisecond

// Hints of the prefork server's specs.
var (
	startK = fmt.Sprintf("ServePrefork starts its K = %d workers first thing, before any client connects, with "+
		"s.start() K times; each one is a child process of the server (TODO 4).", preforkWorkers)
	eachOwnWorker = fmt.Sprintf("%d clients connected at once are served by the %d workers, one each: every "+
		"worker accepts on the socket it inherited (TODO 3 and 4).", preforkWorkers, preforkWorkers)
	backlogWaits = fmt.Sprintf("the %d workers are busy with the clients before it, so this client waits in the "+
		"listen backlog until one is free. If the server sent the echo, something else than the K workers "+
		"served it: no process per client, no goroutine per client in a worker, and the supervisor accepts "+
		"nothing (TODO 3 and 4). If it closed the connection, a worker turned the client away.", preforkWorkers)
	neverMoreThanK = fmt.Sprintf("a prefork server runs K = %d worker processes, however many clients come: the "+
		"supervisor starts K at the beginning and one more only when one has died. The clients beyond K wait "+
		"in the listen backlog; starting a process per client is exercise 03, without a bound (TODO 4).",
		preforkWorkers)
	stopAll = "Once its listener is closed, the supervisor kills every worker (cmd.Process.Kill), receives " +
		"each one from s.exited (its reaper has waited for it), and returns nil. The workers hold copies of the " +
		"listening socket: until the last of them is gone, the socket stays open and clients can still connect " +
		"(TODO 4)."
)

var _ = Describe(fmt.Sprintf("ServePrefork, a supervisor and K = %d worker processes sharing one listener", preforkWorkers), harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startPrefork() })

	It("starts K worker processes, children of the server, before any client connects", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		needProcs()
		pids := expectWorkers(srv, preforkWorkers, nil, startK)
		c := srv.Dial()
		greet(c, acceptOnFD3)
		owner := srv.ExpectOwnedByChild(c, acceptOnFD3)
		Expect(pids).To(ContainElement(owner), "client 1 was served by process %d, which is not one of the %d "+
			"workers %v that were there before it connected: the workers are started once, and serve every "+
			"client (TODO 4).", owner, preforkWorkers, pids)
	})

	It("serves K clients at once, each in a worker process of its own", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(preforkWorkers)
		for _, c := range clients {
			greet(c, eachOwnWorker)
		}
		ownersOf(srv, clients, eachOwnWorker)
		harness.Together(clients, func(i int, c *harness.Client) { leave(c) })
	})

	It("makes client K+1 wait in the listen backlog, and gives it to the first worker that is free", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		busy := srv.DialMany(preforkWorkers)
		for _, c := range busy {
			greet(c, eachOwnWorker)
		}
		owners := ownersOf(srv, busy, eachOwnWorker)
		extra := srv.Dial()
		line := extra.Name + " waits in the backlog"
		extra.SendLine(line)
		extra.ExpectOpen(harness.QuietPeriod, backlogWaits)
		leave(busy[0])
		extra.ExpectLine(line, fmt.Sprintf("client 1 left, so its worker (process %d) is free: it goes back to "+
			"Accept and takes the client that waited (TODO 3).", owners[0]))
		Expect(srv.ExpectOwnedByChild(extra)).To(Equal(owners[0]), "%s should be served by the worker that "+
			"served client 1 (process %d), the only one free: the workers are started once and serve client "+
			"after client, and the supervisor starts no process for a client (TODO 3 and 4).", extra.Name, owners[0])
	})

	It(fmt.Sprintf("serves %d clients that connect at once, never with more than K worker processes, and drops none", preforkCrowd), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		needProcs()
		most := countWhile(srv, func() {
			clients := srv.DialMany(preforkCrowd)
			harness.Together(clients, func(i int, c *harness.Client) {
				line := fmt.Sprintf("%s of %d", c.Name, preforkCrowd)
				c.SendLine(line)
				c.ExpectLine(line, fmt.Sprintf("%d clients connected at once: the %d workers serve them %d at a "+
					"time, and the others wait in the listen backlog for their turn (TODO 3 and 4).",
					preforkCrowd, preforkWorkers, preforkWorkers))
				leave(c)
			})
		})
		Expect(len(most)).To(BeNumerically("<=", preforkWorkers), "while %d clients came and went, the server had "+
			"%d worker processes at once %v, more than K = %d.\n\n  hint: %s", preforkCrowd, len(most), most, preforkWorkers,
			neverMoreThanK)
	})

	It("ends every worker and reaps it once its listener is closed: no process, no zombie, no listener left", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		busy := srv.DialMany(preforkWorkers)
		for _, c := range busy {
			greet(c, eachOwnWorker)
		}
		waiting := srv.Dial()
		waiting.SendLine(waiting.Name + " waits in the backlog")
		expectShutdown(srv, "the spec closed the server's listener", stopAll)
		for _, c := range append(busy, waiting) {
			c.ExpectClosed("the server has stopped, so its workers must have stopped too, and their clients' " +
				"connections with them. " + stopAll)
		}
		srv.ExpectNoProcessesLeft(stopAll)
		if c, err := srv.TryDial(); err == nil {
			c.Close()
			Fail("a new client could still connect after the server and its workers were gone: some process " +
				"still holds the listening socket. " + stopAll)
		}
	})
})

// countWhile calls fn and meanwhile counts the server's child processes
// (zombies included) every sampleEvery, from outside. It returns the PIDs
// of the largest set of children it saw at once.
func countWhile(srv *harness.Server, fn func()) []int {
	GinkgoHelper()
	done := make(chan struct{})
	result := make(chan []int, 1)
	go func() {
		var largest []int
		tick := time.NewTicker(sampleEvery)
		defer tick.Stop()
		for {
			if children, err := procs.Children(srv.PID); err == nil && len(children) > len(largest) {
				largest = pidsOf(children)
			}
			select {
			case <-done:
				result <- largest
				return
			case <-tick.C:
			}
		}
	}()
	func() {
		defer close(done) // also when fn fails the spec
		fn()
	}()
	return <-result
}
