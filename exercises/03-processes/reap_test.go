package processes_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// leavers is how many clients leave, the same way, in each reaping spec.
const leavers = 2

// leaving makes a client leave the server in one way.
type leaving func(c *harness.Client)

// The ways a client leaves, and so the ways its worker ends.
var (
	byExit = leaving(func(c *harness.Client) {
		c.SendLine("exit")
		c.ExpectClosed(msg("03.exit.closes"))
	})
	byEndOfInput = leaving(func(c *harness.Client) {
		c.CloseWrite()
		c.ExpectClosed(msg("03.leave.eof"))
	})
	byReset = leaving(func(c *harness.Client) { c.Reset() })
	byCrash = leaving(func(c *harness.Client) {
		c.SendLine("crash")
		c.ExpectClosed(msg("03.crash.closes"))
	})
)

var _ = Describe("reap, waiting for every worker", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	DescribeTable("reaps the worker of every client that leaves",
		func(way string, leaveBy leaving) {
			how := msg("03.way." + way)
			clients := srv.DialMany(leavers)
			greetAll(clients, msg("03.serve-fd3"))
			for _, c := range clients {
				leaveBy(c)
			}
			// The workers end (task 2), and then they are reaped (task 3).
			var running []procs.Info
			Eventually(func() []procs.Info {
				running = nil
				children, _ := procs.Children(srv.PID)
				for _, p := range children {
					if !p.Zombie() {
						running = append(running, p)
					}
				}
				return running
			}).WithTimeout(harness.IOTimeout).Should(BeEmpty(), func() string {
				return msg("03.leave.still-running", leavers, how, listProcs(running))
			})
			srv.ExpectNoZombies(msg("03.reap-each", how))
		},
		Entry("by \"exit\"", "exit", byExit),
		Entry("by ending its input", "eof", byEndOfInput),
		Entry("by resetting the connection", "reset", byReset),
		Entry("by crashing its worker", "crash", byCrash),
	)
})
