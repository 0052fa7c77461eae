package harness

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native
)

// CPUJob is one CPU-bound request that [Server.MeasureSpeedup] sends.
type CPUJob struct {
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

// Speedup is what [Server.MeasureSpeedup] measured. Every figure is the
// median over interleaved rounds, so one round disturbed by another program
// moves it little.
type Speedup struct {
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
func (m Speedup) String() string {
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

// MeasureSpeedup measures whether the server runs CPU-bound jobs in
// parallel, from the outside. Each client sends job once to warm up (which
// also checks the reply); then, rounds times, with the order of the two ways
// alternating from round to round:
//
//   - one after the other: each client sends job and waits for its reply
//     before the next client sends;
//   - at once: all clients send job together and wait for their replies,
//     while the harness samples the CPU time of the server and every process
//     below it ([TreeCPUTime]) and, on Linux, how long each of their threads
//     ran and waited for a CPU ([Speedup.Demand]);
//
// and before every round and after the last it probes the host's own
// parallelism with job.Local ([HostParallelism]). It records the result as a
// report entry named "speedup" (it shows in JSON and JUnit reports) and
// returns it; the caller decides what the numbers must be. A missing or wrong
// reply fails the spec. Each client must be used by nobody else meanwhile.
func (s *Server) MeasureSpeedup(clients []*Client, job CPUJob, rounds int) Speedup {
	GinkgoHelper()
	for _, c := range clients {
		if err := exchange(c, job); err != nil {
			failJob(c, job, "warming up", err)
		}
	}
	m := Speedup{Jobs: len(clients), Rounds: rounds, CPUKnown: true, DemandKnown: true}
	var hosts, speedups, cpuPar, cpuSeq, demands []float64
	var seqs, pars []time.Duration
	for r := range rounds {
		hosts = append(hosts, HostParallelism(len(clients), job.Local))
		var seq, par phase
		if r%2 == 0 {
			seq = s.oneAfterTheOther(clients, job)
			par = s.atOnce(clients, job)
		} else {
			par = s.atOnce(clients, job)
			seq = s.oneAfterTheOther(clients, job)
		}
		seqs, pars = append(seqs, seq.wall), append(pars, par.wall)
		speedups = append(speedups, ratio(seq.wall, par.wall))
		cpuSeq, cpuPar = append(cpuSeq, ratio(seq.cpu, seq.wall)), append(cpuPar, ratio(par.cpu, par.wall))
		demands = append(demands, par.demand)
		m.CPUKnown = m.CPUKnown && seq.cpuKnown && par.cpuKnown
		m.DemandKnown = m.DemandKnown && par.demandKnown
	}
	hosts = append(hosts, HostParallelism(len(clients), job.Local))
	m.Host, m.Speedup = Median(hosts), Median(speedups)
	m.Sequential, m.Parallel = MedianDuration(seqs), MedianDuration(pars)
	if m.CPUKnown {
		m.CPUOverWall, m.SequentialCPUOverWall = Median(cpuPar), Median(cpuSeq)
	}
	m.DemandKnown = m.DemandKnown && m.CPUKnown
	if m.DemandKnown {
		m.Demand = Median(demands)
	}
	AddReportEntry("speedup", m)
	return m
}

// phase is one timed batch of jobs.
type phase struct {
	wall        time.Duration
	cpu         time.Duration
	cpuKnown    bool
	demand      float64 // CPUs the server's job threads asked for (see Speedup.Demand)
	demandKnown bool
}

// oneAfterTheOther runs the job on each client in turn.
func (s *Server) oneAfterTheOther(clients []*Client, job CPUJob) phase {
	GinkgoHelper()
	return s.timed(func() {
		for _, c := range clients {
			if err := exchange(c, job); err != nil {
				failJob(c, job, "sending jobs one after the other", err)
			}
		}
	})
}

// atOnce runs the job on every client at the same time.
func (s *Server) atOnce(clients []*Client, job CPUJob) phase {
	GinkgoHelper()
	errs := make([]error, len(clients))
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	for i, c := range clients {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			errs[i] = exchange(c, job)
		}()
	}
	ready.Wait()
	p := s.timed(func() {
		close(start)
		done.Wait()
	})
	for i, err := range errs {
		if err != nil {
			failJob(clients[i], job, "sending jobs at once", err)
		}
	}
	return p
}

// timed runs fn and returns its wall time, and the CPU time and CPU demand
// of the server's process tree meanwhile.
func (s *Server) timed(fn func()) phase {
	before, errBefore := TreeCPUTime(s.PID)
	schedBefore, errSchedBefore := schedSnapshot(s.PID)
	start := time.Now()
	fn()
	wall := time.Since(start)
	schedAfter, errSchedAfter := schedSnapshot(s.PID)
	after, errAfter := TreeCPUTime(s.PID)
	p := phase{wall: wall, cpuKnown: errBefore == nil && errAfter == nil,
		demandKnown: errSchedBefore == nil && errSchedAfter == nil}
	if p.cpuKnown {
		p.cpu = after - before
	}
	if p.demandKnown {
		p.demand = demand(schedBefore, schedAfter, wall)
	}
	return p
}

// errWrongReply reports a reply that is not the expected one.
var errWrongReply = errors.New("wrong reply")

// replyError is a missing or wrong reply, with what did arrive.
type replyError struct {
	got string
	err error
}

func (e *replyError) Error() string { return e.err.Error() }
func (e *replyError) Unwrap() error { return e.err }

// exchange sends the job's request on c and checks the reply.
func exchange(c *Client, job CPUJob) error {
	if err := c.TrySend(job.Request + "\n"); err != nil {
		return &replyError{err: err}
	}
	got, err := c.ReadLine()
	if err != nil {
		return &replyError{got: got, err: err}
	}
	if got != job.Reply+"\n" {
		return &replyError{got: got, err: errWrongReply}
	}
	return nil
}

// failJob fails the spec for a job that got no right reply.
func failJob(c *Client, job CPUJob, when string, err error) {
	GinkgoHelper()
	var re *replyError
	got := err.Error()
	if errors.As(err, &re) {
		if errors.Is(re.err, errWrongReply) {
			got = quote([]byte(re.got))
		} else {
			got = describeReply(re.got, re.err, job.Reply+"\n")
		}
	}
	if strings.HasPrefix(got, "\"error: ") {
		got += " (the server answered the job with an error)"
	}
	c.problem("sent "+quote([]byte(job.Request+"\n"))+" while "+when,
		"the line "+quote([]byte(job.Reply+"\n"))+" within "+IOTimeout.String(), got, job.Hints...).fail()
}
