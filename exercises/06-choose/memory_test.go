package choose_test

import (
	"fmt"
	"runtime"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// idleClients is how many idle clients the memory spec holds at once.
const idleClients = 1000

// Memory budgets: what the server and all its processes together may use
// with idleClients idle clients connected and its workers started. A few KB
// per client plus a few processes fit well within them; a process per client
// (a megabyte or more each, about 20 MB under the race detector) does not.
// The race detector adds about 20 MB to every process and triples what a
// goroutine costs, so a build with -race (the kit's commands) gets more.
const (
	memoryBudget     = 64 << 20
	memoryBudgetRace = 160 << 20
)

// budget is the memory budget of this build.
func budget() int64 {
	if raceDetector {
		return memoryBudgetRace
	}
	return memoryBudget
}

// budgetText says what the budget is, for the spec's name and messages.
func budgetText() string {
	return fmt.Sprintf("%s (%s under the race detector)", mib(memoryBudget), mib(memoryBudgetRace)) // the spec's name: English
}

// checkpoints are the numbers of connected clients at which the spec
// measures: early and often at first, so that a server that starts a
// process per client is caught after a few dozen clients, not a thousand.
var checkpoints = []int{10, 20, 30, 40, 50, 60, 80, 100, 200, 300, 400, 500, 600, 700, 800, 900, idleClients}

// treeMemory is the memory of a server and of every process below it.
type treeMemory struct {
	server, below int64 // bytes
	processes     int   // processes below the server
}

// total is the memory of the whole tree.
func (m treeMemory) total() int64 { return m.server + m.below }

// String writes the numbers out for a message.
func (m treeMemory) String() string {
	return tell("06.memory.tree", mib(m.total()), mib(m.server), m.processes, mib(m.below))
}

// mib writes a number of bytes in MiB.
func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

// memoryOf measures the proportional set size (PSS: shared pages divided
// among the processes that share them) of the server and of every process
// below it, from outside. Where there is no PSS (macOS) it is the RSS.
func memoryOf(srv *harness.Server) treeMemory {
	GinkgoHelper()
	var m treeMemory
	var err error
	if m.server, err = procs.MemoryPSS(srv.PID); err != nil {
		Fail(tell("06.memory.unreadable", srv.PID, err))
	}
	below, _ := procs.Descendants(srv.PID)
	for _, p := range below {
		if pss, err := procs.MemoryPSS(p.PID); err == nil && pss > 0 {
			m.below += pss
			m.processes++
		}
	}
	return m
}

var _ = Describe("the goroutine front end's memory", harness.Task(1), func() {
	It(fmt.Sprintf("holds %d idle clients, with its workers started, within %s for the server and all its processes", idleClients, budgetText()), Serial, func() {
		requireProcs("it measures the server's memory from outside")
		srv := startServer()
		// The workers run: a server that serves jobs has them.
		starters := srv.DialMany(choose.Workers)
		harness.Together(starters, func(i int, c *harness.Client) {
			expectJob(c, 200_000, tell("06.hint.jobs-to-workers"))
		})
		idle := make([]*harness.Client, 0, idleClients)
		for _, at := range checkpoints {
			for len(idle) < at {
				c := srv.Dial()
				line := fmt.Sprintf("client %d, idle from now on", len(idle)+1)
				c.SendLine(line)
				c.ExpectLine(line, tell("06.memory.idle-echo", len(idle), tell("06.hint.goroutine-per-client")))
				idle = append(idle, c)
			}
			m := memoryOf(srv)
			GinkgoWriter.Printf("%4d idle clients: %s\n", at, m)
			if m.total() > budget() {
				harness.FailWithTask(tell("06.memory.over-budget", at, m, mib(budget()), idleClients,
					perClient(m, at), memoryKind(), tell("06.hint.over-budget")))
			}
			if at == idleClients {
				AddReportEntry("memory", fmt.Sprintf("%d idle clients: %s", at, m))
			}
		}
	})
})

// perClient writes the memory of a tree divided by its clients.
func perClient(m treeMemory, clients int) string {
	return fmt.Sprintf("%.0f KiB", float64(m.total())/float64(clients)/1024)
}

// memoryKind says which memory figure this system gives.
func memoryKind() string {
	if runtime.GOOS == "linux" {
		return tell("06.memory.pss")
	}
	return tell("06.memory.rss")
}
