package pools_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// startPool starts your goroutine pool with K = poolWorkers.
func startPool() *harness.Server {
	GinkgoHelper()
	return harness.StartServer(poolServer)
}

// startPrefork starts your prefork server with K = preforkWorkers, and fails
// the spec if a copy of the program it starts does not enter worker mode.
func startPrefork() *harness.Server {
	GinkgoHelper()
	srv := harness.StartServer(preforkServer)
	expectWorkerModes(srv)
	return srv
}

// startOneWorker starts the spec's own server around one worker process
// running your WorkerMain (task 3).
func startOneWorker() *harness.Server {
	GinkgoHelper()
	srv := harness.StartServer(oneWorkerServer)
	expectWorkerModes(srv)
	return srv
}

// strayMark is in the line harness.Main writes, in the server's output, when
// a copy of the program that the server started did not enter worker mode.
const strayMark = "did not enter worker mode"

// expectWorkerModes registers a check that runs when the spec ends: if a copy
// of the program that the server started did not enter worker mode (so the
// harness stopped it at once), the spec fails and says so, quoting the
// copy's own line. (harness.Server.ExpectWorkerModes waits for the workers
// to end first, which prefork workers never do.)
func expectWorkerModes(srv *harness.Server) {
	DeferCleanup(func() {
		strays := func() []string {
			var lines []string
			for _, line := range strings.Split(srv.Output(), "\n") {
				if strings.Contains(line, strayMark) {
					lines = append(lines, strings.TrimSpace(line))
				}
			}
			return lines
		}
		if CurrentSpecReport().Failed() { // the line may still be on its way through the pipe
			waitFor(harness.QuietPeriod, func() bool { return len(strays()) > 0 })
		}
		if lines := strays(); len(lines) > 0 {
			Fail("A copy of your program that the server started as a worker did not enter worker mode, so " +
				"the harness stopped it. The copy said:\n    " + strings.Join(lines, "\n    ") + "\n\n" +
				"A worker is your program started again, with the listening socket as fd 3 and WorkerEnv=1 in " +
				"its environment. The very first thing the program does must be to call WorkerMain, which " +
				"notices WorkerEnv and then accepts and serves clients for as long as the process lives, and " +
				"never returns (TODO 3).")
		}
	})
}

// waitFor calls ok every 25 ms until it returns true, at most for d.
func waitFor(d time.Duration, ok func() bool) {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	for !ok() {
		select {
		case <-deadline.C:
			return
		case <-tick.C:
		}
	}
}

// greet sends one line and expects its echo: a worker serves the client.
func greet(c *harness.Client, hints ...string) {
	GinkgoHelper()
	line := c.Name + " says hello"
	c.SendLine(line)
	c.ExpectLine(line, hints...)
}

// leave sends "exit" and expects the connection to close.
func leave(c *harness.Client) {
	GinkgoHelper()
	c.SendLine("exit")
	c.ExpectClosed("\"exit\" closes the connection of the client that sent it.")
}

// expectShutdown closes the server's listener, waits for the server's
// process to end, and fails the spec, saying what the spec did, what
// happened and the hints, unless Serve returned nil and every check after it
// passed.
func expectShutdown(srv *harness.Server, what string, hints ...string) {
	GinkgoHelper()
	err := srv.Shutdown()
	if err == nil {
		return
	}
	msg := what + ", and then:\n    " + strings.ReplaceAll(err.Error(), "\n", "\n    ")
	for _, h := range hints {
		msg += "\n\n  hint: " + h
	}
	harness.FailWithTask(msg)
}

// needProcs skips the spec where processes cannot be seen from outside.
func needProcs() {
	GinkgoHelper()
	if err := procs.Supported(); err != nil {
		Skip("this spec counts the server's worker processes from outside, which this system does not allow: " +
			err.Error())
	}
}

// workers returns the server's child processes that are alive (not zombies),
// and the zombies, as the operating system sees them.
func workers(srv *harness.Server) (alive, zombies []procs.Info, err error) {
	children, err := procs.Children(srv.PID)
	for _, c := range children {
		if c.Zombie() {
			zombies = append(zombies, c)
		} else {
			alive = append(alive, c)
		}
	}
	return alive, zombies, err
}

// pidsOf lists the PIDs of processes.
func pidsOf(infos []procs.Info) []int {
	pids := make([]int, len(infos))
	for i, p := range infos {
		pids[i] = p.PID
	}
	return pids
}

// expectWorkers waits (up to IOTimeout) until the server has exactly want
// worker processes alive, none of them in gone, and no zombie, and returns
// their PIDs. The failure says what the server had instead.
func expectWorkers(srv *harness.Server, want int, gone []int, hint string) []int {
	GinkgoHelper()
	var alive, zombies []procs.Info
	var err error
	settled := func() bool {
		alive, zombies, err = workers(srv)
		if err != nil || len(alive) != want || len(zombies) > 0 {
			return false
		}
		for _, p := range alive {
			if slices.Contains(gone, p.PID) {
				return false
			}
		}
		return true
	}
	waitFor(harness.IOTimeout, func() bool { return settled() || srv.Exited() })
	if settled() {
		return pidsOf(alive)
	}
	harness.FailWithTask(fmt.Sprintf("the server (pid %d) should have %d worker processes alive, and no zombie, "+
		"within %v; looked at from outside, it had %s.\n\n  hint: %s%s", srv.PID, want, harness.IOTimeout,
		describeWorkers(srv, alive, zombies, gone, err), hint, serverNote(srv)))
	return nil
}

// describeWorkers says what worker processes a server had.
func describeWorkers(srv *harness.Server, alive, zombies []procs.Info, gone []int, err error) string {
	if srv.Exited() || err != nil {
		return "none: the server's process itself has ended"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d alive %v", len(alive), pidsOf(alive))
	for _, p := range alive {
		if slices.Contains(gone, p.PID) {
			fmt.Fprintf(&b, " (%d among them, which should be gone)", p.PID)
		}
	}
	if len(zombies) > 0 {
		fmt.Fprintf(&b, " and %d zombie(s) %v (ended, not reaped: nobody called cmd.Wait for them)",
			len(zombies), pidsOf(zombies))
	}
	return b.String()
}

// serverNote describes the server's process for a failure message when it
// has ended, with the lines the harness wrote about it.
func serverNote(srv *harness.Server) string {
	if !srv.Exited() {
		return ""
	}
	out := strings.TrimSpace(srv.Output())
	if lines := strings.Split(out, "\n"); len(lines) > 15 {
		out = strings.Join(lines[len(lines)-15:], "\n")
	}
	return "\n\n  the server's process has ended. Its output:\n    " + strings.ReplaceAll(out, "\n", "\n    ")
}

// kill sends SIGKILL to process pid, as a crash or the out-of-memory killer
// would: the process cannot catch it or clean up.
func kill(pid int) {
	GinkgoHelper()
	p, err := os.FindProcess(pid)
	Expect(err).NotTo(HaveOccurred())
	Expect(p.Kill()).To(Succeed(), "the spec could not kill worker process %d", pid)
}

// ownersOf returns the process that serves each client, and fails the spec
// unless they are all different children of the server.
func ownersOf(srv *harness.Server, clients []*harness.Client, hints ...string) []int {
	GinkgoHelper()
	pids := make([]int, len(clients))
	seen := map[int]string{}
	for i, c := range clients {
		pids[i] = srv.ExpectOwnedByChild(c, hints...)
		Expect(seen).NotTo(HaveKey(pids[i]), "%s and %s are both served by worker process %d at the same time: "+
			"a worker serves one client at a time, and the next one only after the first has left (TODO 3).",
			seen[pids[i]], c.Name, pids[i])
		seen[pids[i]] = c.Name
	}
	return pids
}
