package processes_test

import (
	"fmt"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/03-processes"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/inchild"
	"github.com/threadproc/threadproc/harness/procs"
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

// greetAmong is greet for a client that connected together with others,
// n in all, whose workers the server starts at once: the echo may wait
// while they start (see harness.Client.ExpectLineWhileBusy).
func greetAmong(n int, c *harness.Client, hints ...string) {
	GinkgoHelper()
	line := c.Name + " says hello"
	c.SendLine(line)
	c.ExpectLineWhileBusy(line, n, hints...)
}

// greetAll greets every client, one after another.
func greetAll(clients []*harness.Client, hints ...string) {
	GinkgoHelper()
	for _, c := range clients {
		greet(c, hints...)
	}
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
		Expect(seen).NotTo(HaveKey(pids[i]), msg("03.workers.shared", seen[pids[i]], c.Name, pids[i]))
		seen[pids[i]] = c.Name
	}
	return pids
}

// noWorkerLeft runs in the server's process the moment Serve returned: none
// of its workers may still be running, or be waiting to be reaped.
func noWorkerLeft() error {
	running, zombies, unreaped := inchild.ChildrenNow()
	switch {
	case len(running) > 0:
		return fmt.Errorf("%s", msg("03.after-serve.running", len(running), inchild.PIDList(running)))
	case len(zombies) > 0:
		return fmt.Errorf("%s", msg("03.after-serve.zombies", len(zombies), inchild.PIDList(zombies)))
	case unreaped:
		return fmt.Errorf("%s", msg("03.after-serve.unreaped"))
	}
	return nil
}

// expectEnded waits (a few seconds at most) until none of the processes
// pids is running any more, and fails the spec otherwise. It is how a spec
// looks for workers where the harness cannot find a server's processes by
// their tag (macOS): by the PIDs they had while they served.
func expectEnded(pids []int, hints ...string) {
	GinkgoHelper()
	if err := procs.Supported(); err != nil {
		Skip(msg("03.ended.cannot-look", err))
	}
	var running []procs.Info
	Eventually(func() []procs.Info {
		running = nil
		for _, pid := range pids {
			if p, err := procs.Get(pid); err == nil && !p.Zombie() {
				running = append(running, p)
			}
		}
		return running
	}).WithTimeout(harness.IOTimeout).Should(BeEmpty(), func() string {
		return msg("03.ended.running", len(running), listProcs(running), strings.Join(hints, "\n  hint: "))
	})
}

// listProcs lists processes for a message: "1234 (state S, parent 99)".
func listProcs(infos []procs.Info) string {
	parts := make([]string, len(infos))
	for i, p := range infos {
		parts[i] = fmt.Sprintf("%d (state %c, parent %d)", p.PID, p.State, p.PPID)
	}
	return strings.Join(parts, ", ")
}
