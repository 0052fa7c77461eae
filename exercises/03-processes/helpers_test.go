package processes_test

import (
	"fmt"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/03-processes"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/inchild"
)

// maxWorkers caps the processes a spec's server may have below it; the
// largest spec connects crowdSize clients at once.
const maxWorkers = crowdSize + 50

// startServer starts your Serve in a child process, and fails the spec if a
// copy of the program it starts does not enter worker mode.
func startServer() *harness.Server {
	GinkgoHelper()
	srv := harness.StartServer("processes", harness.MaxProcesses(maxWorkers))
	srv.ExpectWorkerModes()
	return srv
}

// greet sends one line and expects its echo: the connection has been
// accepted and handed over, and a worker serves it.
func greet(c *harness.Client, hints ...string) {
	GinkgoHelper()
	line := c.Name + " says hello"
	c.SendLine(line)
	c.ExpectLine(line, hints...)
}

// countLine is the reply to "count" after n echoed lines, without "\n".
func countLine(n int) string {
	return strings.TrimSuffix(fmt.Sprintf(processes.CountFormat, n), "\n")
}

// workersOf returns the worker that serves each client, and fails the spec
// unless they are all different children of the server.
func workersOf(srv *harness.Server, clients []*harness.Client, hints ...string) []int {
	GinkgoHelper()
	pids := make([]int, len(clients))
	seen := map[int]string{}
	for i, c := range clients {
		pids[i] = srv.ExpectOwnedByChild(c, hints...)
		Expect(seen).NotTo(HaveKey(pids[i]), "%s and %s are both served by process %d: every client needs a "+
			"worker process of its own. Start a new worker for each accepted connection (TODO 1).",
			seen[pids[i]], c.Name, pids[i])
		seen[pids[i]] = c.Name
	}
	return pids
}

// noWorkerLeft runs in the server's process after Serve returned: none of
// its workers may still be running, or be waiting to be reaped.
func noWorkerLeft() error {
	running, zombies := inchild.ChildrenLeft()
	switch {
	case len(running) > 0:
		return fmt.Errorf("Serve returned while %d worker process(es) were still running (pids %s): when Serve "+
			"returns, the server's program ends, and a worker left running would outlive it. Before "+
			"returning, kill every worker still running and wait until each one is reaped (TODO 4)",
			len(running), inchild.PIDList(running))
	case len(zombies) > 0:
		return fmt.Errorf("Serve returned before reaping %d worker(s) it killed (zombies, pids %s): wait until "+
			"every worker has been reaped (cmd.Wait has returned) before returning (TODO 4)",
			len(zombies), inchild.PIDList(zombies))
	}
	return nil
}
