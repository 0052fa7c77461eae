package pools_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// stopPool is the hint for a goroutine pool that does not stop well.
const stopPool = "Once its listener is closed, the accept loop calls p.shutdown(), which closes the queue (so " +
	"that every worker's range loop ends), closes every connection still open with p.conns.closeAll(), waits " +
	"for the workers (p.workers.Wait(), with one Add per worker before it started), and returns nil. A worker " +
	"left waiting on a queue nobody closes is a goroutine leak (TODO 2)."

// stuckInSend is the hint for an accept loop that never saw the listener
// close, because it waited in its send to a full queue.
const stuckInSend = "If Serve did not return, look at where its goroutines were: one still in ServeGoroutinePool, at " +
	"the send to the queue, means that the accept loop waited for room in the queue, not in Accept, and so never " +
	"saw the listener close. Two clients waiting must fit in the queue: keep its room (QueueSize) (TODO 1 and 2)."

var _ = Describe("ServeGoroutinePool's shutdown", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startPool() })

	It("returns nil once its listener is closed, with no worker goroutine left, when no client is connected", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		greet(c, kAtOnce)
		leave(c)
		expectShutdown(srv, "the spec closed the server's listener with no client connected", stopPool)
	})

	It("closes the connections it serves and those waiting in the queue, then returns nil with no worker goroutine left", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		busy := srv.DialMany(poolWorkers)
		for _, c := range busy {
			greet(c, kAtOnce)
		}
		waiting := srv.DialMany(2)
		for _, c := range waiting {
			c.SendLine(c.Name + " waits in the queue")
		}
		expectShutdown(srv, fmt.Sprintf("the spec closed the server's listener while %d clients were being served "+
			"and %d waited in the queue", poolWorkers, len(waiting)), stopPool, stuckInSend)
		for _, c := range append(busy, waiting...) {
			c.ExpectClosed("the server has stopped: every connection it accepted must be closed. " + stopPool)
		}
	})
})
