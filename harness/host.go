package harness

import (
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/internal/hostinfo"
	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/stats"
	"github.com/threadproc/threadproc/harness/internal/words"
)

// The harness measures the machine it runs on once, the first time a spec
// needs it, instead of betting on how fast a machine is: a read's deadline
// and a heavy spec's time budget follow what starting one process costs
// here and now (8 to 14 ms for a small static program on the development VM
// on a good day, many times that on a busy laptop or a one-CPU VM).
const (
	// probeStarts is how many times the harness starts the test binary to
	// measure what a process costs here; the median counts.
	probeStarts = 5
	// readScale is how many process starts a single read may wait for
	// before it times out: a reply can wait for a worker process to start,
	// on a machine that starts several at once.
	readScale = 20
	// maxIOTimeout caps a read's deadline however slow the machine, so that
	// a server that hangs still fails within seconds.
	maxIOTimeout = 15 * time.Second
)

// host is what the harness measured of this machine.
type host struct {
	start time.Duration // median time to start the test binary and see it exit
	err   error         // why it could not be measured (then start is 0)
}

// measuredHost measures the host once per process.
var measuredHost = sync.OnceValue(func() host {
	exe, err := os.Executable()
	if err != nil {
		return host{err: err}
	}
	var took []time.Duration
	for range probeStarts {
		start := time.Now()
		p, err := proc.Start(exe, []string{"threadproc-probe"}, proc.Options{
			Env: []string{envRole + "=probe:"}, MinGOMAXPROCS: childGOMAXPROCS})
		if err != nil {
			return host{err: fmt.Errorf("starting the test binary as a probe: %w", err)}
		}
		if !p.Wait(maxIOTimeout) {
			p.Kill()
		}
		if st := p.Exit(); !st.Success() {
			return host{err: fmt.Errorf("the test binary started as a probe ended with %v", st)}
		}
		took = append(took, time.Since(start))
	}
	return host{start: stats.Median(took)}
})

// hostNoted records the host's measurement once per process, in the report
// of the first spec that starts a server, for the kit to show.
var hostNoted sync.Once

// noteHost records what the harness measured of this machine, and the
// deadlines it derived, in the running spec's report (once per process).
func noteHost() {
	hostNoted.Do(func() {
		h := measuredHost()
		info := hostinfo.Host{Start: h.start, Read: ioTimeout(), Grace: shutdownGrace()}
		if h.err != nil {
			info.Err = h.err.Error()
		}
		hostinfo.Record(info)
	})
}

// ioTimeout is the deadline of one read or write: [IOTimeout], or longer on
// a machine where starting a process is slow, up to maxIOTimeout.
func ioTimeout() time.Duration {
	return min(maxIOTimeout, max(IOTimeout, readScale*measuredHost().start))
}

// envShutdownGrace tells a server's process how long Serve may take to
// return after its listener is closed (see shutdownGrace).
const envShutdownGrace = "THREADPROC_SHUTDOWN_GRACE"

// shutdownGrace is how long Serve may take to return once its listener is
// closed: [ShutdownGrace], or twice a read's deadline where reads wait
// longer, so that a spec that waits for a connection to close during the
// shutdown times out before the server's process gives up on Serve.
func shutdownGrace() time.Duration { return max(ShutdownGrace, 2*ioTimeout()) }

// childShutdownGrace is shutdownGrace as the spec's process told this
// server's process, or [ShutdownGrace].
func childShutdownGrace() time.Duration {
	if d, err := time.ParseDuration(os.Getenv(envShutdownGrace)); err == nil && d > 0 {
		return d
	}
	return ShutdownGrace
}

// Budget is how long a spec may take, on this machine, for work that starts
// some worker processes: derived from what starting one costs here,
// measured when the suite first needs it, within a floor and a ceiling.
// Specs that start hundreds of processes use it instead of a fixed guess,
// so that a correct server passes on a slow machine while a hanging one
// still fails at its first unanswered read.
type Budget struct {
	// Workers is how many processes the work starts.
	Workers int
	// PerStart is what starting one process cost here (the median of a few
	// starts of the test binary).
	PerStart time.Duration
	// Total is the time allowed.
	Total time.Duration
}

// Budget bounds.
const (
	// budgetScale is how many lone starts one worker of a crowd may cost:
	// workers started a few at a time on a busy machine, with the race
	// detector, each serving a client.
	budgetScale = 8
	budgetFloor = 30 * time.Second
	budgetCeil  = 4 * time.Minute
)

// WorkersBudget returns the time allowed for work that starts n worker
// processes here: n × budgetScale × what one start costs, at least 30 s and
// at most 4 minutes.
func WorkersBudget(n int) Budget {
	h := measuredHost()
	total := time.Duration(n) * budgetScale * h.start
	return Budget{Workers: n, PerStart: h.start, Total: min(budgetCeil, max(budgetFloor, total))}
}

// String says what was measured and what it allows, such as "starting a
// process costs 40ms here, so 200 workers were given 1m4s".
func (b Budget) String() string {
	if b.PerStart == 0 {
		return words.Say("budget.unmeasured", b.Workers, b.Total)
	}
	return words.Say("budget", b.PerStart.Round(100*time.Microsecond), b.Workers, b.Total.Round(time.Second))
}

// StartCost is what starting one process of the test binary, and seeing it
// exit, costs here, as the harness measured it (the median of a few starts,
// once per test process); 0 when it could not be measured. A spec that
// watches for something a few process starts away (a worker that dies as
// it starts and is replaced) scales its window by it instead of betting on
// a fixed time.
func StartCost() time.Duration { return measuredHost().start }
