package processes_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// heldOpen is how many clients the barrier spec keeps connected at once.
const heldOpen = 20

// crowdSize is how many clients the largest spec connects at once.
const crowdSize = 200

// crowdBatch is how many of them connect at the same time.
const crowdBatch = 10

var _ = Describe("Serve, one worker process per client", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("serves each client in a child process of its own, not in the server's process", func() {
		clients := srv.DialMany(3)
		greetAll(clients)
		workersOf(srv, clients, msg("03.one-worker-each"))
	})

	It("gives each worker its client's connection but not the server's listening socket", func() {
		c := srv.Dial()
		greet(c)
		worker := srv.ExpectOwnedByChild(c, msg("03.one-worker-each"))
		srv.ExpectNoListener(worker, msg("03.listener"))
	})

	It("does not let a silent client delay another client's echo", func() {
		_ = srv.Dial() // connects, then sends nothing
		other := srv.Dial()
		other.SendLine("hello while client 1 is silent")
		other.ExpectLine("hello while client 1 is silent", msg("03.silent", msg("03.one-at-a-time")))
	})

	It(fmt.Sprintf("serves %d clients held open at once: each gets its echo before any of them leaves", heldOpen), func() {
		clients := srv.DialMany(heldOpen)
		for i, c := range clients { // one after another, and none of them leaves
			line := fmt.Sprintf("client %d is here", i+1)
			c.SendLine(line)
			// The server starts all the workers at once: an echo may wait
			// while they start, but not for a server with nothing to run.
			c.ExpectLineWhileBusy(line, heldOpen, msg("03.held-open", heldOpen, msg("03.one-at-a-time")))
		}
	})

	crowd := harness.WorkersBudget(crowdSize) // measured when the suite's specs are built
	It(fmt.Sprintf("serves %d clients connected at the same time, all talking at once", crowdSize), SpecTimeout(crowd.Total+time.Minute), func(ctx SpecContext) {
		// A few at a time, so that each client waits for the start of a few
		// workers only; then all of them stay connected, and talk at once.
		start := time.Now()
		var clients []*harness.Client
		for len(clients) < crowdSize && ctx.Err() == nil {
			Expect(time.Since(start)).To(BeNumerically("<", crowd.Total), msg("03.crowd.budget", len(clients),
				crowdSize, time.Since(start).Round(time.Second), crowd))
			batch := srv.DialMany(min(crowdBatch, crowdSize-len(clients)))
			connected := len(clients)
			harness.Together(batch, func(i int, c *harness.Client) {
				greetAmong(len(batch), c, msg("03.crowd.connected", connected))
			})
			clients = append(clients, batch...)
		}
		if ctx.Err() != nil {
			return // the spec's deadline has passed: ginkgo reports it
		}
		harness.Together(clients, func(i int, c *harness.Client) {
			line := fmt.Sprintf("client %d of %d", i+1, crowdSize)
			c.SendLine(line)
			c.ExpectLine(line, msg("03.crowd.talking", crowdSize))
		})
		AddReportEntry("crowd", fmt.Sprintf("%d clients connected and served in %v; %s", crowdSize,
			time.Since(start).Round(10*time.Millisecond), crowd))
	})
})
