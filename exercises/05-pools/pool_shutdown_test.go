package pools_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("ServeGoroutinePool's shutdown", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startPool() })

	When("its listener is closed with no client connected", func() {
		It("returns nil, with no worker goroutine left", func() {
			c := srv.Dial()
			greet(c, tell("05.hint.k-at-once", poolWorkers))
			leave(c)
			expectShutdown(srv, tell("05.did.close-idle"), tell("05.hint.stop-pool"))
		})
	})

	When("its listener is closed while clients are served and others wait in the queue", func() {
		var clients []*harness.Client
		BeforeEach(func() {
			busy := srv.DialMany(poolWorkers)
			for _, c := range busy {
				greet(c, tell("05.hint.k-at-once", poolWorkers))
			}
			waiting := srv.DialMany(2)
			for _, c := range waiting {
				c.SendLine(c.Name + " waits in the queue")
			}
			clients = append(busy, waiting...)
		})

		It("returns nil, with no worker goroutine left", func() {
			expectShutdown(srv, tell("05.did.close-busy", poolWorkers, 2), tell("05.hint.stop-pool"),
				tell("05.hint.stuck-in-send"))
		})

		It("closes the connections it serves and those waiting in the queue", func() {
			_ = srv.Shutdown() // how Serve returned is the spec above's to judge
			for _, c := range clients {
				c.ExpectClosed(tell("05.pool.closed", tell("05.hint.stop-pool")))
			}
		})
	})
})
