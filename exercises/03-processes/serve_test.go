package processes_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// oneWorkerEach is the hint for a server whose clients are not each served
// by a worker process of their own.
const oneWorkerEach = "for every accepted connection, Serve starts a worker with startWorker(conn), closes its " +
	"own copy of conn, and goes straight back to Accept (TODO 1). A goroutine per client (exercise 02) " +
	"serves every client inside the server's own process: here each one needs a process of its own."

// oneAtATime is the hint for a server that does not serve clients at the
// same time.
const oneAtATime = "while a worker serves one client, the server must already accept the next one: start the " +
	"worker with cmd.Start (not cmd.Run, which waits for it to end), reap it in a goroutine, and go straight " +
	"back to Accept (TODO 1 and 3)."

// heldOpen is how many clients the barrier spec keeps connected at once.
const heldOpen = 20

// crowdSize is how many clients the largest spec connects at once.
const crowdSize = 200

// crowdBatch is how many of them connect at the same time.
const crowdBatch = 10

var _ = Describe("Serve, one worker process per client", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("serves each client in a child process of its own, not in the server's process", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(3)
		for _, c := range clients {
			greet(c)
		}
		workersOf(srv, clients, oneWorkerEach)
	})

	It("gives each worker its client's connection but not the server's listening socket", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		greet(c)
		worker := srv.ExpectOwnedByChild(c, oneWorkerEach)
		srv.ExpectNoListener(worker, "hand the worker exactly one file, its client's connection "+
			"(ExtraFiles: []*os.File{f}), and nothing else. A worker that holds the listener keeps the port "+
			"open after the server closes it, and may accept clients itself. A fork()ing server (C, or "+
			"Python's multiprocessing on Linux) must close the listener in the child; re-running the "+
			"program passes only the files you list (TODO 1).")
	})

	It("does not let a silent client delay another client's echo", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		silent := srv.Dial() // connects, then sends nothing
		other := srv.Dial()
		other.SendLine("hello while client 1 is silent")
		other.ExpectLine("hello while client 1 is silent", "client 1 is connected and has sent nothing, and "+
			"client 2 got no echo: "+oneAtATime)
		silent.SendLine("my turn")
		silent.ExpectLine("my turn", "a client that was silent for a while is still a client: its worker "+
			"keeps serving it.")
	})

	It(fmt.Sprintf("serves %d clients held open at once: each gets its echo before any of them leaves", heldOpen), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(heldOpen)
		for i, c := range clients { // one after another: no client leaves before all are answered
			line := fmt.Sprintf("client %d is here", i+1)
			c.SendLine(line)
			c.ExpectLine(line, fmt.Sprintf("all %d clients are connected at the same time, and each must be "+
				"answered while the others stay connected: %s", heldOpen, oneAtATime))
		}
		// The barrier: every client has its echo, and none has left yet.
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine("exit")
			c.ExpectClosed("\"exit\" closes the connection of the client that sent it: the worker closes it " +
				"and exits, and the server must hold no copy of it.")
		})
	})

	crowd := harness.WorkersBudget(crowdSize) // measured when the suite's specs are built
	It(fmt.Sprintf("serves %d clients connected at the same time, each in its own process, all talking at once", crowdSize), SpecTimeout(crowd.Total+time.Minute), func(ctx SpecContext) {
		// A few at a time, so that each client waits for the start of a few
		// workers only; then all of them stay connected, and talk at once.
		start := time.Now()
		var clients []*harness.Client
		for len(clients) < crowdSize {
			Expect(time.Since(start)).To(BeNumerically("<", crowd.Total), "%d of %d clients were connected and "+
				"served after %v: %s. A correct server starts a worker per client in about the time the "+
				"machine takes to start a process; look in the server's output for workers that fail to start "+
				"or wait for each other (TODO 1).", len(clients), crowdSize, time.Since(start).Round(time.Second), crowd)
			batch := srv.DialMany(min(crowdBatch, crowdSize-len(clients)))
			connected := len(clients)
			harness.Together(batch, func(i int, c *harness.Client) {
				greet(c, fmt.Sprintf("%d clients are already connected, each served by a worker process that "+
					"is still running. If a worker failed to start, the server's output says why.", connected))
			})
			clients = append(clients, batch...)
		}
		harness.Together(clients, func(i int, c *harness.Client) {
			line := fmt.Sprintf("client %d of %d", i+1, crowdSize)
			c.SendLine(line)
			c.ExpectLine(line, fmt.Sprintf("%d clients are connected and talking at the same time, each to "+
				"its own worker process.", crowdSize))
		})
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine("exit")
			c.ExpectClosed()
		})
	})
})
