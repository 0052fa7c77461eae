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
	return fmt.Sprintf("%s (%s under the race detector)", mib(memoryBudget), mib(memoryBudgetRace))
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
	return fmt.Sprintf("%s in all: the server's process %s, and %d process(es) below it %s",
		mib(m.total()), mib(m.server), m.processes, mib(m.below))
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
		Fail(fmt.Sprintf("the spec could not read the memory of the server's process %d: %v", srv.PID, err))
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

// overBudget is the hint for a server over the memory budget.
const overBudget = "an idle client should cost a goroutine (a few KB of stack) and a buffer, not a process: a " +
	"process per client costs a whole program's memory (its runtime, its heap, its stacks), a megabyte or more " +
	"each, and many more under the race detector. Serve every client on a goroutine of the server's process " +
	"(TODO 1); only jobs go to the few worker processes of the pool."

var _ = Describe("the goroutine front end's memory", harness.Task(1), func() {
	It(fmt.Sprintf("holds %d idle clients, with its workers started, within %s for the server and all its processes", idleClients, budgetText()), Serial, SpecTimeout(2*harness.SpecDeadline), func(ctx SpecContext) {
		if err := procs.Supported(); err != nil {
			Skip("this spec measures the server's memory from outside, which this system does not allow: " + err.Error())
		}
		srv := startServer()
		// The workers run: a server that serves jobs has them.
		starters := srv.DialMany(choose.Workers)
		harness.Together(starters, func(i int, c *harness.Client) {
			expectJob(c, 200_000, jobsToWorkers)
		})
		idle := make([]*harness.Client, 0, idleClients)
		for _, at := range checkpoints {
			for len(idle) < at {
				c := srv.Dial()
				line := fmt.Sprintf("client %d, idle from now on", len(idle)+1)
				c.SendLine(line)
				c.ExpectLine(line, fmt.Sprintf("%d clients are connected and idle, and every one of them "+
					"needs its own goroutine. %s", len(idle), goroutinePerClient))
				idle = append(idle, c)
			}
			m := memoryOf(srv)
			GinkgoWriter.Printf("%4d idle clients: %s\n", at, m)
			if m.total() > budget() {
				harness.FailWithTask(fmt.Sprintf("with %d idle clients connected, the server and its processes "+
					"use %s, over the budget of %s for %d clients (%s per client so far; %s, measured from "+
					"outside).\n\n  hint: %s", at, m, mib(budget()), idleClients, perClient(m, at), memoryKind(),
					overBudget))
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
		return "PSS: shared pages divided among the processes sharing them"
	}
	return "RSS: this system has no PSS, so pages shared by several processes count in each"
}
