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

// Hints of the goroutine pool's specs.
var (
	kAtOnce = fmt.Sprintf("the pool has K = %d workers, so %d clients connected at once must all be served while "+
		"all of them stay connected: start K goroutines that each run p.work(), and in work, serve each "+
		"connection taken from the queue with handle (TODO 1).", poolWorkers, poolWorkers)
	servedTooMany = fmt.Sprintf("if the server sent the echo: it served one client more than it has workers, K = "+
		"%d. Every connection must go through the queue to one of the K workers, and nothing else may serve it: "+
		"no goroutine of its own per connection in the accept loop, no extra worker (TODO 1).", poolWorkers)
	turnedAway = "if the server closed the connection: it turned away a client it could not serve yet. A pool " +
		"makes such clients wait: the accept loop puts every connection in the queue, and waits for room " +
		"when the queue is full; it never closes a connection because every worker is busy (TODO 1)."
	nextInQueue = "a worker whose client left takes the next connection from the queue: the waiting client is " +
		"served as soon as one of the busy ones leaves (TODO 1)."
	noneDropped = fmt.Sprintf("%d clients connected at once to a pool of %d workers: the others wait their turn, "+
		"in the queue (a channel with room for QueueSize = 16) and, once it is full, in the listen backlog, and "+
		"are then served. A client that gets no answer was dropped or forgotten: put every accepted connection "+
		"in the queue, and let the send wait while the queue is full (TODO 1).", poolCrowd, poolWorkers)
	workerLost = "after clients reset their connections, the pool served fewer clients at once than it has " +
		"workers: for each reset, handle returned an error, and a worker that returns (or exits) because of " +
		"one client's error is lost to all the clients after it. Log the error and go on with the next " +
		"connection of the queue (TODO 1)."
)

var _ = Describe(fmt.Sprintf("ServeGoroutinePool, a pool of K = %d worker goroutines", poolWorkers), harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startPool() })

	It("serves K clients at the same time: each gets its echo while all of them stay connected", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(poolWorkers)
		for _, c := range clients { // one after another: nobody leaves before all are answered
			greet(c, kAtOnce)
		}
		harness.Together(clients, func(i int, c *harness.Client) { leave(c) })
	})

	It("makes client K+1 wait in the queue while K clients are served, and serves it as soon as one of them leaves", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		busy := srv.DialMany(poolWorkers)
		for _, c := range busy {
			greet(c, kAtOnce)
		}
		extra := srv.Dial()
		line := extra.Name + " waits for a free worker"
		extra.SendLine(line)
		extra.ExpectOpen(harness.QuietPeriod, fmt.Sprintf("the %d clients before it keep the pool's %d workers busy, "+
			"so %s must wait: no echo, and its connection open, until a worker is free.", poolWorkers, poolWorkers,
			extra.Name), servedTooMany, turnedAway)
		leave(busy[0])
		extra.ExpectLine(line, nextInQueue)
		greet(busy[1], "the other busy client is still connected, and still served.")
	})

	It(fmt.Sprintf("serves %d clients that connect at once, K at a time, and drops none of them", poolCrowd), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(poolCrowd)
		harness.Together(clients, func(i int, c *harness.Client) {
			line := fmt.Sprintf("%s of %d", c.Name, poolCrowd)
			c.SendLine(line)
			c.ExpectLine(line, noneDropped)
			leave(c)
		})
	})

	It("keeps all K workers after clients reset their connections", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		for i := range poolWorkers + 1 {
			rude := srv.Dial()
			if i == 0 {
				greet(rude, kAtOnce)
			} else {
				greet(rude, workerLost)
			}
			rude.Reset()
		}
		clients := srv.DialMany(poolWorkers)
		for _, c := range clients {
			greet(c, workerLost)
		}
	})
})
