package compare

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/internal/stats"
	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// ChurnClients are the numbers of clients at a time of the churn
// measurement.
var ChurnClients = []int{1, 8}

// Sizes of the churn measurement: churnReps runs of churnTime each, after
// churnWarmUp visits.
const (
	churnTime   = 500 * time.Millisecond
	churnReps   = 3
	churnWarmUp = 50
)

// Churn is how fast a server takes clients that come and go: each client
// connects, sends a line, reads its echo, sends "exit", waits for the
// server to close the connection, and comes again at once.
type Churn struct {
	// Clients is how many clients come and go at the same time.
	Clients int
	// Rate is the visits per second (the median of churnReps runs).
	Rate float64
	// CPU is the CPU time the server's processes used per visit, its
	// workers included (0 where unknown, as on macOS).
	CPU time.Duration
	// Switches is the voluntary context switches of the server's processes
	// per visit: the times one of their threads went to sleep. 0 where
	// unknown: outside Linux, and for servers whose workers end with their
	// client (their counts end with them).
	Switches float64
	// Visits is how many visits were counted in all.
	Visits int
}

// measureChurn runs clients clients that visit s again and again, for
// churnReps runs of churnTime, and reads the CPU time and the context
// switches of the server's processes around each run.
func measureChurn(s *server, clients int) (Churn, error) {
	if err := warmUp(s); err != nil {
		return Churn{}, err
	}
	tally := churnTally{clients: clients, switchesKnown: !s.kind.shortLived(), cpuKnown: true}
	for range churnReps {
		if err := tally.run(s); err != nil {
			return tally.churn(), err
		}
	}
	return tally.churn(), nil
}

// warmUp makes churnWarmUp visits to s.
func warmUp(s *server) error {
	for i := range churnWarmUp {
		if err := lineclient.Visit(s.addr); err != nil {
			return fmt.Errorf("warm-up visit %d: %w", i+1, err)
		}
	}
	return nil
}

// churnTally adds up runs of the churn measurement on one server.
type churnTally struct {
	clients                 int
	rates                   []float64
	visits                  int
	cpu                     time.Duration
	switches                int64
	cpuKnown, switchesKnown bool
}

// run runs the clients against s for churnTime, reading the CPU time and
// the context switches of its processes before and after.
func (t *churnTally) run(s *server) error {
	cpuBefore, cpuErr := s.churnCPU()
	schedBefore, schedErr := procs.SchedTree(s.pid)
	visits, took, err := churn(s.addr, t.clients, churnTime)
	if err != nil {
		return err
	}
	cpuAfter, cpuErr2 := s.churnCPU()
	schedAfter, schedErr2 := procs.SchedTree(s.pid)
	t.cpuKnown = t.cpuKnown && cpuErr == nil && cpuErr2 == nil
	t.switchesKnown = t.switchesKnown && schedErr == nil && schedErr2 == nil
	t.cpu += cpuAfter - cpuBefore
	t.switches += schedAfter.Voluntary - schedBefore.Voluntary
	t.rates = append(t.rates, float64(visits)/took.Seconds())
	t.visits += visits
	return nil
}

// churn is what the runs add up to.
func (t *churnTally) churn() Churn {
	c := Churn{Clients: t.clients, Rate: stats.Median(t.rates), Visits: t.visits}
	if t.cpuKnown && t.visits > 0 {
		c.CPU = t.cpu / time.Duration(t.visits)
	}
	if t.switchesKnown && t.visits > 0 {
		c.Switches = float64(t.switches) / float64(t.visits)
	}
	return c
}

// churnCPU returns the CPU time the server's processes have used so far:
// to the nanosecond from the scheduler where every worker lives on, and
// from the clock ticks of /proc/PID/stat, reaped workers included, for a
// server whose workers end with their client.
func (s *server) churnCPU() (time.Duration, error) {
	if s.kind.shortLived() {
		return procs.TreeCPUTime(s.pid)
	}
	sched, err := procs.SchedTree(s.pid)
	return sched.OnCPU, err
}

// churn has clients clients visit addr again and again for d, and returns
// how many visits were made and how long they took.
func churn(addr string, clients int, d time.Duration) (int, time.Duration, error) {
	counts := make([]int, clients)
	errs := make([]error, clients)
	start := time.Now()
	end := start.Add(d)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			for time.Now().Before(end) {
				if errs[i] = lineclient.Visit(addr); errs[i] != nil {
					return
				}
				counts[i]++
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	for _, err := range errs {
		if err != nil {
			return 0, took, err
		}
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	return total, took, nil
}

// churnAt returns the churn measured with n clients at a time, if any.
func (res *Result) churnAt(n int) Churn {
	i := slices.IndexFunc(res.Churn, func(c Churn) bool { return c.Clients == n })
	if i < 0 {
		return Churn{}
	}
	return res.Churn[i]
}
