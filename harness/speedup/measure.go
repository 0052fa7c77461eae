package speedup

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/internal/stats"
	"github.com/threadproc/threadproc/harness/procs"
)

// Job is one CPU-bound request that [Measure] sends.
type Job struct {
	// Request is the line a client sends, without its "\n".
	Request string
	// Reply is the line the server must answer, without its "\n"; the
	// spec computes it with its own code. Any other reply fails the spec.
	Reply string
	// Local does about the same amount of work in the test process. It
	// probes how much parallelism the host offers (see [HostParallelism]).
	Local func()
	// Hints are added to the failure message when a reply is missing or
	// wrong.
	Hints []string
}

// Measurement is what [Measure] measured. Every figure is the
// median over interleaved rounds, so one round disturbed by another program
// moves it little.
type Measurement struct {
	// Jobs is how many jobs ran at once (one a client).
	Jobs int
	// Rounds is how many times both ways were measured.
	Rounds int
	// Host is the parallelism the host offered the test process during the
	// measurement: Jobs copies of the job's local work at once ran Host
	// times as fast as one after the other (1 to Jobs; see
	// [HostParallelism]).
	Host float64
	// Sequential is the wall time of Jobs jobs sent one after the other,
	// each once the previous reply arrived.
	Sequential time.Duration
	// Parallel is the wall time of Jobs jobs sent at once, until the last
	// reply arrived.
	Parallel time.Duration
	// Speedup is Sequential / Parallel, the median of each round's ratio.
	Speedup float64
	// CPUKnown is false where the CPU time of the server's processes
	// cannot be read (macOS, other systems); the CPU figures are 0 then.
	CPUKnown bool
	// CPUOverWall is the CPU time the server's process tree used while the
	// jobs ran at once, divided by the wall time: how many CPUs it kept
	// busy. A server that runs one job at a time cannot exceed 1.
	CPUOverWall float64
	// SequentialCPUOverWall is the same ratio while jobs ran one after the
	// other: about 1 for any server, a check that the measure works.
	SequentialCPUOverWall float64
	// DemandKnown is false where threads' run-queue waits cannot be read
	// (every system but Linux); Demand is 0 then.
	DemandKnown bool
	// Demand is how many CPUs the server's job threads asked for while the
	// jobs ran at once: the time each spent on a CPU or waiting in the
	// kernel's run queue for one, summed, over wall time. It hardly depends
	// on how busy the machine is: about the number of jobs for a server that
	// runs them in parallel, about 1 for one that runs one job at a time,
	// while CPUOverWall drops to what a busy machine gave.
	Demand float64
}

// String summarises the measurement in one line (for reports and messages).
func (m Measurement) String() string {
	cpu := "server CPU time unknown on this system"
	if m.CPUKnown {
		cpu = fmt.Sprintf("server CPU/wall %.2f at once, %.2f one after the other", m.CPUOverWall, m.SequentialCPUOverWall)
	}
	if m.DemandKnown {
		cpu += fmt.Sprintf(", CPUs asked for at once %.2f", m.Demand)
	}
	return fmt.Sprintf("%d jobs: one after the other %v, at once %v, speedup %.2fx; %s; host parallelism %.2f; "+
		"medians of %d rounds", m.Jobs, m.Sequential.Round(time.Millisecond), m.Parallel.Round(time.Millisecond),
		m.Speedup, cpu, m.Host, m.Rounds)
}

// Measure measures whether srv runs CPU-bound jobs in parallel, from the
// outside. Each client sends job once to warm up (which also checks the
// reply); then, rounds times, with the order of the two ways alternating from
// round to round:
//
//   - one after the other: each client sends job and waits for its reply
//     before the next client sends;
//   - at once: all clients send job together and wait for their replies,
//     while the harness samples the CPU time of the server and every process
//     below it ([procs.TreeCPUTime]) and, on Linux, how long each of their
//     threads ran and waited for a CPU ([Measurement.Demand]), every few
//     milliseconds, so that a worker process that starts and ends during the
//     phase is counted too;
//
// and before every round and after the last it probes the host's own
// parallelism with job.Local ([HostParallelism]). It records the result as a
// report entry named "speedup" (it shows in JSON and JUnit reports) and
// returns it; the caller decides what the numbers must be. A missing or wrong
// reply fails the spec. Each client must be used by nobody else meanwhile.
func Measure(srv *harness.Server, clients []*harness.Client, job Job, rounds int) Measurement {
	ginkgo.GinkgoHelper()
	for _, c := range clients {
		exchange(c, job, "warming up")
	}
	m := Measurement{Jobs: len(clients), Rounds: rounds, CPUKnown: true, DemandKnown: true}
	var hosts, speedups, cpuPar, cpuSeq, demands []float64
	var seqs, pars []time.Duration
	for r := range rounds {
		hosts = append(hosts, HostParallelism(len(clients), job.Local))
		var seq, par phase
		if r%2 == 0 {
			seq = oneAfterTheOther(srv.PID, clients, job)
			par = atOnce(srv.PID, clients, job)
		} else {
			par = atOnce(srv.PID, clients, job)
			seq = oneAfterTheOther(srv.PID, clients, job)
		}
		seqs, pars = append(seqs, seq.wall), append(pars, par.wall)
		speedups = append(speedups, stats.Ratio(seq.wall, par.wall))
		cpuSeq, cpuPar = append(cpuSeq, stats.Ratio(seq.cpu, seq.wall)), append(cpuPar, stats.Ratio(par.cpu, par.wall))
		demands = append(demands, par.demand)
		m.CPUKnown = m.CPUKnown && seq.cpuKnown && par.cpuKnown
		m.DemandKnown = m.DemandKnown && par.demandKnown
	}
	hosts = append(hosts, HostParallelism(len(clients), job.Local))
	m.Host, m.Speedup = stats.Median(hosts), stats.Median(speedups)
	m.Sequential, m.Parallel = stats.Median(seqs), stats.Median(pars)
	if m.CPUKnown {
		m.CPUOverWall, m.SequentialCPUOverWall = stats.Median(cpuPar), stats.Median(cpuSeq)
	}
	m.DemandKnown = m.DemandKnown && m.CPUKnown
	if m.DemandKnown {
		m.Demand = stats.Median(demands)
	}
	ginkgo.AddReportEntry("speedup", m)
	return m
}

// phase is one timed batch of jobs.
type phase struct {
	wall        time.Duration
	cpu         time.Duration
	cpuKnown    bool
	demand      float64 // CPUs the server's job threads asked for (see Measurement.Demand)
	demandKnown bool
}

// oneAfterTheOther runs the job on each client in turn.
func oneAfterTheOther(pid int, clients []*harness.Client, job Job) phase {
	ginkgo.GinkgoHelper()
	return timed(pid, func() {
		for _, c := range clients {
			exchange(c, job, "sending jobs one after the other")
		}
	})
}

// atOnce runs the job on every client at the same time.
func atOnce(pid int, clients []*harness.Client, job Job) phase {
	ginkgo.GinkgoHelper()
	replies := make([]reply, len(clients))
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	for i, c := range clients {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			replies[i] = send(c, job)
		}()
	}
	ready.Wait()
	p := timed(pid, func() {
		close(start)
		done.Wait()
	})
	for i, r := range replies {
		r.check(clients[i], job, "sending jobs at once")
	}
	return p
}

// timed runs fn and returns its wall time, and the CPU time and CPU demand
// of the process tree of pid meanwhile.
func timed(pid int, fn func()) phase {
	before, errBefore := procs.TreeCPUTime(pid)
	s := startSampling(pid)
	start := time.Now()
	fn()
	wall := time.Since(start)
	sched := s.stop()
	after, errAfter := procs.TreeCPUTime(pid)
	p := phase{wall: wall, cpuKnown: errBefore == nil && errAfter == nil, demandKnown: sched.err == nil}
	if p.cpuKnown {
		p.cpu = after - before
	}
	if p.demandKnown {
		p.demand = demand(sched.first, sched.last, wall)
	}
	return p
}

// reply is what one job got back.
type reply struct {
	line string
	err  error
}

// send sends the job's request on c and reads the reply.
func send(c *harness.Client, job Job) reply {
	if err := c.TrySend(job.Request + "\n"); err != nil {
		return reply{err: err}
	}
	line, err := c.ReadLine()
	return reply{line: line, err: err}
}

// check fails the spec unless r is the job's reply.
func (r reply) check(c *harness.Client, job Job, when string) {
	ginkgo.GinkgoHelper()
	c.ExpectReply("sent "+fmt.Sprintf("%q", job.Request+"\n")+" while "+when, r.line, r.err, job.Reply, job.Hints...)
}

// exchange sends the job on c and fails the spec unless its reply comes.
func exchange(c *harness.Client, job Job, when string) {
	ginkgo.GinkgoHelper()
	send(c, job).check(c, job, when)
}

// errNoSamples is a sampling that did not read the scheduler's times.
var errNoSamples = errors.New("no scheduler samples")
