package processes_test

import (
	"fmt"
	"runtime"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// endWorkers is the hint for workers that outlive Serve.
const endWorkers = "once its listener is closed, Serve kills every worker still running (cmd.Process.Kill), waits " +
	"until each one is reaped, and returns nil (TODO 4): when Serve returns, the program ends, and a worker " +
	"left behind would go on serving with no server above it."

// deathSignal is the hint for workers that survive their server's death.
const deathSignal = "a server can die without running any of its code: SIGKILL, the out-of-memory killer, a " +
	"crash. Its workers are not told: they are adopted by another process (init) and go on. On Linux, ask " +
	"the kernel to kill each worker when its parent dies: SysProcAttr{Pdeathsig: syscall.SIGKILL} in " +
	"workerAttr, and no Setpgid, so that the worker also stays in the server's process group (TODO 4)."

var _ = Describe("shutdown: no worker outlives the server", harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("ends every worker, and reaps it, before Serve returns nil once its listener is closed", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(3)
		for _, c := range clients {
			greet(c, serveFD3)
		}
		if err := srv.Shutdown(); err != nil {
			harness.FailWithTask(fmt.Sprintf("the spec closed the server's listener, and then:\n    %v\n\n  hint: %s", err, endWorkers))
		}
		for _, c := range clients {
			c.ExpectClosed("the server has stopped, so its workers must have stopped too, and their " +
				"connections with them. " + endWorkers)
		}
		srv.ExpectNoProcessesLeft(endWorkers)
	})

	It("leaves no worker running when the server's process is killed (Linux: the parent-death signal)", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		if runtime.GOOS != "linux" {
			Skip("only Linux has a parent-death signal (Pdeathsig): on " + runtime.GOOS + " the workers of a " +
				"killed server go on serving until their clients leave. See README.md.")
		}
		clients := srv.DialMany(3)
		for _, c := range clients {
			greet(c, serveFD3)
		}
		workersOf(srv, clients) // they are running now
		srv.KillServerProcess()
		if !srv.ExpectNoProcessesLeft(deathSignal) {
			Skip("this system does not let the spec find the workers of a killed server")
		}
		for _, c := range clients {
			c.ExpectClosed("the server's process was killed, so its workers must die too. " + deathSignal)
		}
	})
})
