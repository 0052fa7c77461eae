package compare

import (
	"fmt"
	"slices"
	"sync"
	"time"

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
	for i := range churnWarmUp {
		if err := lineclient.Visit(s.addr); err != nil {
			return Churn{}, fmt.Errorf("warm-up visit %d: %w", i+1, err)
		}
	}
	c := Churn{Clients: clients}
	var rates []float64
	var cpu time.Duration
	var switches int64
	cpuKnown, switchesKnown := true, !s.kind.shortLived()
	for range churnReps {
		cpuBefore, cpuErr := s.churnCPU()
		schedBefore, schedErr := procs.SchedTree(s.pid)
		visits, took, err := churn(s.addr, clients, churnTime)
		if err != nil {
			return c, err
		}
		cpuAfter, cpuErr2 := s.churnCPU()
		schedAfter, schedErr2 := procs.SchedTree(s.pid)
		cpuKnown = cpuKnown && cpuErr == nil && cpuErr2 == nil
		switchesKnown = switchesKnown && schedErr == nil && schedErr2 == nil
		cpu += cpuAfter - cpuBefore
		switches += schedAfter.Voluntary - schedBefore.Voluntary
		rates = append(rates, float64(visits)/took.Seconds())
		c.Visits += visits
	}
	c.Rate = median(rates)
	if cpuKnown && c.Visits > 0 {
		c.CPU = cpu / time.Duration(c.Visits)
	}
	if switchesKnown && c.Visits > 0 {
		c.Switches = float64(switches) / float64(c.Visits)
	}
	return c, nil
}

// churnCPU returns the CPU time the server's processes have used so far:
// to the nanosecond from the scheduler where every worker lives on, and
// from the clock ticks of /proc/PID/stat, reaped workers included, for a
// server whose workers end with their client.
func (s *server) churnCPU() (time.Duration, error) {
	if s.kind.shortLived() {
		return s.cpuTime()
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
