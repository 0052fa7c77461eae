package pools_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// poolCrowd is how many clients connect at once in the crowd spec: more
// than the workers and the queue together, so that some of them wait in the
// listen backlog too.
const poolCrowd = 20

var _ = Describe(fmt.Sprintf("ServeGoroutinePool, a pool of K = %d worker goroutines", poolWorkers), harness.Task(1), func() {
	var srv *harness.Server
	var opts []harness.Option // set by a BeforeEach that needs the server started otherwise
	BeforeEach(func() { opts = nil })
	JustBeforeEach(func() { srv = startPool(opts...) })

	It("serves K clients at the same time: each gets its echo while all of them stay connected", func() {
		clients := srv.DialMany(poolWorkers)
		for _, c := range clients { // one after another: nobody leaves before all are answered
			greet(c, tell("05.hint.k-at-once", poolWorkers))
		}
		harness.Together(clients, func(i int, c *harness.Client) { leave(c) })
	})

	When("K clients are being served", func() {
		var busy []*harness.Client
		var extra *harness.Client
		var line string
		JustBeforeEach(func() {
			busy = srv.DialMany(poolWorkers)
			for _, c := range busy {
				greet(c, tell("05.hint.k-at-once", poolWorkers))
			}
			extra = srv.Dial()
			line = extra.Name + " waits for a free worker"
			extra.SendLine(line)
		})

		It("makes client K+1 wait in the queue: no echo, and its connection open", func() {
			extra.ExpectOpen(harness.QuietPeriod, tell("05.pool.waits", poolWorkers, extra.Name),
				tell("05.hint.served-too-many", poolWorkers), tell("05.hint.turned-away"))
		})

		It("serves client K+1 as soon as one of them leaves", func() {
			leave(busy[0])
			extra.ExpectLine(line, tell("05.hint.next-in-queue"))
			greet(busy[1], tell("05.pool.still-served"))
		})
	})

	It(fmt.Sprintf("serves %d clients that connect at once, K at a time, and drops none of them", poolCrowd), func() {
		clients := srv.DialMany(poolCrowd)
		harness.Together(clients, func(i int, c *harness.Client) {
			line := fmt.Sprintf("%s of %d", c.Name, poolCrowd)
			c.SendLine(line)
			c.ExpectLine(line, tell("05.hint.none-dropped", poolCrowd, poolWorkers))
			leave(c)
		})
	})

	When("clients reset their connections", func() {
		It("keeps all K workers", func() {
			for i := range poolWorkers + 1 {
				rude := srv.Dial()
				if i == 0 {
					greet(rude, tell("05.hint.k-at-once", poolWorkers))
				} else {
					greet(rude, tell("05.hint.worker-lost"))
				}
				rude.Reset()
			}
			for _, c := range srv.DialMany(poolWorkers) {
				greet(c, tell("05.hint.worker-lost"))
			}
		})
	})

	When("it runs out of file descriptors", func() {
		var clients []*harness.Client
		BeforeEach(func() { opts = []harness.Option{harness.WithFileLimit(fileLimit)} })
		JustBeforeEach(func() { clients = dialPastFileLimit(srv) })

		It("serves the clients that waited, once others leave", func() {
			for _, c := range clients[:len(clients)-1] {
				c.Close()
			}
			last := clients[len(clients)-1]
			hint := tell("05.hint.accept-retry", fileLimit)
			last.SendLine("still there?", hint)
			last.ExpectLine("still there?", hint)
		})

		It("waits before it tries Accept again, instead of spinning", func() {
			expectIdleWhileOutOfFiles(srv)
		})
	})
})
