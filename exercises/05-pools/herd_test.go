package pools_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// The thundering-herd spec's visits: herdRounds rounds, each of herdVisits
// visits to one server and then to the other (the order alternates), one
// client at a time.
const (
	herdRounds = 6
	herdVisits = 50
)

// herdLimit is how many voluntary context switches per client each idle
// worker may add, on average, before the spec calls it a herd. Measured
// with the race detector on a 2-core machine, idle or running two busy
// loops: a worker woken for every client adds 1.2 to 1.6; workers woken one
// at a time add 0.1 to 0.3.
const herdLimit = 0.6

// timing marks the specs that measure: they run alone (Serial), and
// `--label-filter '!timing'` leaves them out.
var timing = []any{Serial, Label("timing")}

// herdCost is what the spec measured on one server: while clients visited
// it, and, for as long, while none did.
type herdCost struct {
	visits   int
	sched    procs.Sched   // while clients visited
	took     time.Duration // how long the visits took
	idle     procs.Sched   // while no client came
	idledFor time.Duration
}

// background returns the voluntary context switches a second the server's
// processes make with no client at all (timers of the Go runtime and of the
// race detector): on a busy machine visits take longer, and the switches
// that come with time, not with clients, would be counted as the clients'.
func (c herdCost) background() float64 {
	if c.idledFor <= 0 {
		return 0
	}
	return float64(c.idle.Voluntary) / c.idledFor.Seconds()
}

// perVisit returns the voluntary context switches the server's processes
// made per visit, beyond their background for as long as the visits took,
// and their CPU time per visit.
func (c herdCost) perVisit() (switches float64, cpu time.Duration) {
	if c.visits == 0 {
		return 0, 0
	}
	clients := float64(c.sched.Voluntary) - c.background()*c.took.Seconds()
	return clients / float64(c.visits), c.sched.OnCPU / time.Duration(c.visits)
}

var _ = Describe(fmt.Sprintf("ServePrefork's idle workers, with K = 1 and K = %d: the thundering herd (a bonus)", herdWorkers), harness.Task(6), timing, func() {
	It(fmt.Sprintf("costs no more per client with %d workers than with 1: a client wakes one idle worker, not all of them", herdWorkers), func() {
		if _, err := procs.SchedOf(os.Getpid()); errors.Is(err, procs.ErrUnsupported) {
			Skip(tell("05.skip.no-herd", err))
		}
		one, many := harness.StartServer(herdOne), harness.StartServer(herdMany)
		expectWorkerModes(one)
		expectWorkerModes(many)
		expectWorkers(one, 1, nil, tell("05.hint.start-k", 1))
		expectWorkers(many, herdWorkers, nil, tell("05.hint.start-k", herdWorkers))
		servers := []*harness.Server{one, many}
		costs := make([]herdCost, 2)
		for _, srv := range servers { // warm up: every worker has served and sleeps again
			herdVisit(srv, 4*herdWorkers)
		}
		for r := range herdRounds {
			for i := range servers {
				if r%2 == 1 {
					i = 1 - i
				}
				before, start := herdSched(servers[i]), time.Now()
				herdVisit(servers[i], herdVisits)
				took := time.Since(start)
				visited := herdSched(servers[i])
				costs[i].sched = costs[i].sched.Plus(visited.Minus(before))
				costs[i].visits += herdVisits
				costs[i].took += took
				// The control: as long again with no client.
				time.Sleep(took) // the window the background is measured over, not a wait for anything
				costs[i].idle = costs[i].idle.Plus(herdSched(servers[i]).Minus(visited))
				costs[i].idledFor += time.Since(start) - took
			}
		}
		s1, cpu1 := costs[0].perVisit()
		s8, cpu8 := costs[1].perVisit()
		idle := herdWorkers - 1
		each := (s8 - s1) / float64(idle)
		AddReportEntry("thundering herd", fmt.Sprintf("per client: K=1 %.1f voluntary context switches, %v of CPU; "+
			"K=%d %.1f, %v; %.2f per idle worker; background (no client) K=1 %.0f/s, K=%d %.0f/s; visits took %v and %v",
			s1, cpu1.Round(time.Microsecond), herdWorkers, s8, cpu8.Round(time.Microsecond), each,
			costs[0].background(), herdWorkers, costs[1].background(), costs[0].took.Round(time.Millisecond),
			costs[1].took.Round(time.Millisecond)))
		if each > herdLimit {
			harness.FailWithTask(tell("05.herd", costs[0].visits, herdWorkers, s1, s8, herdWorkers,
				cpu1.Round(time.Microsecond), cpu8.Round(time.Microsecond), idle, each, herdLimit) +
				" " + tell("05.herd.background", costs[0].background(), costs[1].background(), herdWorkers) +
				"\n\n  hint: " + tell("05.hint.herd-cure"))
		}
	})
})

// herdVisit makes n visits to srv, one after the other.
func herdVisit(srv *harness.Server, n int) {
	GinkgoHelper()
	for i := range n {
		if err := lineclient.Visit(srv.Addr); err != nil {
			harness.FailWithTask(tell("05.herd.visit", i+1, n, srv.Name, err) + serverNote(srv))
		}
	}
}

// herdSched reads the scheduler's counts of srv's processes.
func herdSched(srv *harness.Server) procs.Sched {
	GinkgoHelper()
	s, err := procs.SchedTree(srv.PID)
	Expect(err).NotTo(HaveOccurred(), tell("05.herd.no-sched", srv.Name))
	return s
}
