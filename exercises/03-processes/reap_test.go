package processes_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// leavers is how many clients the reaping spec lets go, in four ways.
const leavers = 8

// reapEach is the hint for zombies.
const reapEach = "every worker that ends stays a zombie until its parent waits for it: for each worker, start a " +
	"goroutine that calls cmd.Wait() (TODO 3). Zombies use no memory, but each one keeps a process-table " +
	"entry and a PID: a busy server that never reaps runs out of them."

var _ = Describe("reap, waiting for every worker", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It(fmt.Sprintf("leaves no zombie after %d clients leave by exit, end of input, reset or crash", leavers), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(leavers)
		for _, c := range clients {
			greet(c, serveFD3)
		}
		for i, c := range clients {
			switch i % 4 {
			case 0:
				c.SendLine("exit")
				c.ExpectClosed()
			case 1:
				c.CloseWrite()
				c.ExpectClosed("after the client's end of input, handle returns and the worker exits.")
			case 2:
				c.Reset()
			default:
				c.SendLine("crash")
				c.ExpectClosed()
			}
		}
		srv.ExpectNoZombies(reapEach)
		var alive []procs.Info
		Eventually(func() []procs.Info {
			alive, _ = procs.Children(srv.PID)
			return alive
		}).WithTimeout(harness.IOTimeout).Should(BeEmpty(), func() string {
			return fmt.Sprintf("all %d clients have left, but worker processes are still running: %v. A worker "+
				"serves one client: when handle returns, however the client left, WorkerMain ends the process "+
				"with os.Exit (TODO 2).", leavers, alive)
		})
	})
})
