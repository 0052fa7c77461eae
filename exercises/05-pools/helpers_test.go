package pools_test

import (
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// startPool starts your goroutine pool with K = poolWorkers.
func startPool(opts ...harness.Option) *harness.Server {
	GinkgoHelper()
	return harness.StartServer(poolServer, opts...)
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
		strays := func() []string { return outputLines(srv, strayMark) }
		if CurrentSpecReport().Failed() { // the line may still be on its way through the pipe
			waitFor(harness.QuietPeriod, func() bool { return len(strays()) > 0 })
		}
		if lines := strays(); len(lines) > 0 {
			Fail(tell("05.stray", strings.Join(lines, "\n    ")))
		}
	})
}

// outputLines returns the lines of the server's output that contain any of
// marks, trimmed.
func outputLines(srv *harness.Server, marks ...string) []string {
	var lines []string
	for _, line := range strings.Split(srv.Output(), "\n") {
		for _, m := range marks {
			if strings.Contains(strings.ToLower(line), m) {
				lines = append(lines, strings.TrimSpace(line))
				break
			}
		}
	}
	return lines
}

// fd3Signs are what a worker's error says, in the server's output, when its
// fd 3 is no listening socket: closed (EBADF), or some other file that took
// its number (ENOTSOCK, or a socket that does not listen).
var fd3Signs = []string{"bad file descriptor", "not a listening socket", "non-socket", "not a socket"}

// workerTrouble returns a hint when the server's output shows that workers
// could not use the listening socket they were given as fd 3, or "".
func workerTrouble(srv *harness.Server) string {
	lines := outputLines(srv, fd3Signs...)
	if len(lines) == 0 {
		return ""
	}
	return tell("05.hint.fd3-closed", len(lines), lines[len(lines)-1])
}

// withTrouble adds workerTrouble's hint, if there is one, to hints.
func withTrouble(srv *harness.Server, hints []string) []string {
	if t := workerTrouble(srv); t != "" {
		return append([]string{t}, hints...)
	}
	return hints
}

// waitFor calls ok every 10 ms until it returns true, at most for d.
func waitFor(d time.Duration, ok func() bool) {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	tick := time.NewTicker(10 * time.Millisecond)
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

// greetOn is greet for a client of srv, a prefork server: when the echo
// does not come, the failure also says what the server's output shows of
// workers that could not use their listening socket.
func greetOn(srv *harness.Server, c *harness.Client, hints ...string) {
	GinkgoHelper()
	line := c.Name + " says hello"
	c.SendLine(line)
	got, err := c.ReadLine()
	if err == nil && got == line+"\n" {
		return
	}
	c.ExpectReply(tell("05.did.sent", line+"\n"), got, err, line, withTrouble(srv, hints)...)
}

// leave sends "exit" and expects the connection to close.
func leave(c *harness.Client) {
	GinkgoHelper()
	c.SendLine("exit")
	c.ExpectClosed(tell("05.exit.closes"))
}

// expectShutdown closes the server's listener, waits for the server's
// process to end, and fails the spec, saying what the spec did, what
// happened and the hints, unless Serve returned nil and every check after it
// passed.
func expectShutdown(srv *harness.Server, what string, hints ...string) {
	GinkgoHelper()
	if err := srv.Shutdown(); err != nil {
		failShutdown(what, err, hints...)
	}
}

// failShutdown fails the spec with what the spec did, how the shutdown
// went wrong (err), and the hints.
func failShutdown(what string, err error, hints ...string) {
	GinkgoHelper()
	msg := tell("05.shutdown.failed", what, strings.ReplaceAll(err.Error(), "\n", "\n    "))
	for _, h := range hints {
		msg += "\n\n  hint: " + h
	}
	harness.FailWithTask(msg)
}

// needProcs skips the spec where processes cannot be seen from outside.
func needProcs() {
	GinkgoHelper()
	if err := procs.Supported(); err != nil {
		Skip(tell("05.skip.no-procs", err))
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
// their PIDs. The failure says what the server had instead, and how many
// worker processes came and went meanwhile; or, if the server's process
// itself has ended, how it ended: its workers are then no longer its
// children, and counting them says nothing.
func expectWorkers(srv *harness.Server, want int, gone []int, hint string) []int {
	GinkgoHelper()
	var alive, zombies []procs.Info
	var err error
	seen := map[int]bool{}
	settled := func() bool {
		alive, zombies, err = workers(srv)
		for _, p := range append(slices.Clone(alive), zombies...) {
			seen[p.PID] = true
		}
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
	waitFor(harness.IOTimeout, func() bool { return settled() || ended(srv) })
	if settled() {
		return pidsOf(alive)
	}
	if len(alive) == 0 || err != nil {
		// A server with no child left may be ending: give its reaping a
		// moment, to say how it ended rather than count no workers.
		waitFor(endWait, func() bool { return ended(srv) })
	}
	var msg string
	if how, ok := srv.Ended(); ok {
		msg = tell("05.workers.server-ended", srv.PID, want, harness.IOTimeout, how)
	} else {
		msg = tell("05.workers.want", srv.PID, want, harness.IOTimeout, describeWorkers(alive, zombies, gone, err))
		if extra := len(seen) - want - len(gone); extra > 0 {
			msg += " " + tell("05.workers.came-and-went", len(seen))
		}
	}
	for _, h := range withTrouble(srv, []string{hint}) {
		msg += "\n\n  hint: " + h
	}
	harness.FailWithTask(msg + serverNote(srv))
	return nil
}

// endWait bounds how long expectWorkers waits for a server with no worker
// left to be reaped, if it is ending.
const endWait = 500 * time.Millisecond

// ended reports whether the server's process has ended.
func ended(srv *harness.Server) bool {
	_, ok := srv.Ended()
	return ok
}

// describeWorkers says what worker processes a server that is still running
// had.
func describeWorkers(alive, zombies []procs.Info, gone []int, err error) string {
	if err != nil {
		return tell("05.workers.unreadable", err)
	}
	var b strings.Builder
	b.WriteString(tell("05.workers.alive", len(alive), pidsOf(alive)))
	for _, p := range alive {
		if slices.Contains(gone, p.PID) {
			b.WriteString(tell("05.workers.should-be-gone", p.PID))
		}
	}
	if len(zombies) > 0 {
		b.WriteString(tell("05.workers.zombies", len(zombies), pidsOf(zombies)))
	}
	return b.String()
}

// serverNote describes the server's process for a failure message when it
// has ended, with the lines the harness wrote about it (what it wrote so
// far, if its workers still hold its output).
func serverNote(srv *harness.Server) string {
	if !ended(srv) {
		return ""
	}
	out := strings.TrimSpace(srv.Output())
	if lines := strings.Split(out, "\n"); len(lines) > 15 {
		out = strings.Join(lines[len(lines)-15:], "\n")
	}
	return "\n\n  " + tell("05.server-ended", strings.ReplaceAll(out, "\n", "\n    "))
}

// stormStarts is how many process starts expectSteady's window spans at
// least: a replacement that dies at once shows as a new PID after two (its
// own, and the next), and a loaded machine spaces them out.
const stormStarts = 8

// steadyWindow is how long expectSteady watches the workers: two quiet
// periods, or stormStarts process starts on this machine if that is longer.
func steadyWindow() time.Duration {
	return max(2*harness.QuietPeriod, stormStarts*harness.StartCost())
}

// expectSteady checks that every worker in pids that is alive holds the
// server's listening socket (a worker started without it cannot accept,
// and dies), then watches srv's child processes for steadyWindow, while no
// worker is killed and no client comes, and fails the spec if any process
// other than pids appears among them: a worker that dies as soon as it
// starts, replaced again and again (a restart storm), shows K workers alive
// at most moments, and only new PIDs give it away.
func expectSteady(srv *harness.Server, pids []int, hint string) {
	GinkgoHelper()
	_, port, _ := strings.Cut(srv.Addr, ":")
	for _, pid := range pids {
		held, err := procs.ListeningSockets(pid)
		if err != nil {
			continue // gone already: the watch below sees its replacement
		}
		if !slices.ContainsFunc(held, func(a netip.AddrPort) bool { return strconv.Itoa(int(a.Port())) == port }) {
			harness.FailWithTask(tell("05.storm.deaf", pid, srv.Addr) + "\n\n  hint: " + hint)
		}
	}
	window := steadyWindow()
	started := newcomers(srv, pids, func() {
		time.Sleep(window) // the window watched, not a wait for anything
	}, nil)
	if len(started) == 0 {
		return
	}
	msg := tell("05.storm", len(started), window, pids, started)
	for _, h := range withTrouble(srv, []string{hint}) {
		msg += "\n\n  hint: " + h
	}
	harness.FailWithTask(msg)
}

// sampleEvery is how often the specs look at the server's child processes
// while they watch them.
const sampleEvery = 5 * time.Millisecond

// countWhile calls fn and meanwhile counts the server's child processes
// (zombies included) every sampleEvery, from outside. It returns the PIDs
// of the largest set of children it saw at once.
func countWhile(srv *harness.Server, fn func()) []int {
	GinkgoHelper()
	var largest []int
	newcomers(srv, nil, fn, func(children []int) {
		if len(children) > len(largest) {
			largest = children
		}
	})
	return largest
}

// newcomers calls fn and meanwhile looks at the server's child processes
// every sampleEvery, from outside, passing each look to see (if not nil). It
// returns the PIDs of the children it saw that are not in known.
func newcomers(srv *harness.Server, known []int, fn func(), see func(children []int)) []int {
	GinkgoHelper()
	done := make(chan struct{})
	var mu sync.Mutex
	var found []int
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(sampleEvery)
		defer tick.Stop()
		for {
			if children, err := procs.Children(srv.PID); err == nil {
				pids := pidsOf(children)
				mu.Lock()
				for _, pid := range pids {
					if !slices.Contains(known, pid) && !slices.Contains(found, pid) {
						found = append(found, pid)
					}
				}
				if see != nil {
					see(pids)
				}
				mu.Unlock()
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	func() {
		defer func() { close(done); wg.Wait() }() // also when fn fails the spec
		fn()
	}()
	return found
}

// shutdownWatched closes srv's listener like srv.Shutdown, and meanwhile
// looks for worker processes the server starts once the listener is
// closed: it returns Shutdown's error and their PIDs.
func shutdownWatched(srv *harness.Server) (err error, started []int) {
	GinkgoHelper()
	alive, zombies, _ := workers(srv)
	known := append(pidsOf(alive), pidsOf(zombies)...)
	started = newcomers(srv, known, func() { err = srv.Shutdown() }, nil)
	return err, started
}

// expectPreforkShutdown is expectShutdown for the prefork server: when Serve
// does not return nil, the failure also says which workers it started after
// its listener was closed, if any.
func expectPreforkShutdown(srv *harness.Server, what string, hints ...string) {
	GinkgoHelper()
	err, started := shutdownWatched(srv)
	if err == nil {
		return
	}
	if len(started) > 0 {
		hints = append([]string{tell("05.shutdown.started", len(started), started)}, hints...)
	}
	failShutdown(what, err, hints...)
}

// kill sends SIGKILL to process pid, as a crash or the out-of-memory killer
// would: the process cannot catch it or clean up.
func kill(pid int) {
	GinkgoHelper()
	p, err := os.FindProcess(pid)
	Expect(err).NotTo(HaveOccurred())
	Expect(p.Kill()).To(Succeed(), tell("05.kill.failed", pid))
}

// ownersOf returns the process that serves each client, and fails the spec
// unless they are all different children of the server.
func ownersOf(srv *harness.Server, clients []*harness.Client, hints ...string) []int {
	GinkgoHelper()
	pids := make([]int, len(clients))
	seen := map[int]string{}
	for i, c := range clients {
		pids[i] = srv.ExpectOwnedByChild(c, hints...)
		Expect(seen).NotTo(HaveKey(pids[i]), tell("05.same-worker", seen[pids[i]], c.Name, pids[i]))
		seen[pids[i]] = c.Name
	}
	return pids
}
