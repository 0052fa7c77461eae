package choose_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// Sizes of the specs that count worker processes.
const (
	jobSenders = 8       // clients sending jobs at the same time
	jobsEach   = 3       // jobs each of them sends
	poolRounds = 200_000 // rounds of each job
)

// badJobs are jobs with a wrong number: the worker answers each with an
// "error: " line of its own, and stays ready for the next job.
var badJobs = []string{"work -1", "work ten", fmt.Sprintf("work %d", choose.MaxRounds+1), "work "}

// slowFactor is how many times longer than the timing spec's jobs (and
// several times longer than any job another spec waits for) the slow job
// is: long enough that a deadline of a few seconds on a job's answer kills
// it, on any machine, since its size is calibrated on the learner's server.
const slowFactor = 30

// slowEnough is how long the slow job must have taken for the spec to judge
// it: a calibration made while the machine was busier than later makes the
// job shorter than meant, and a job answered sooner than a deadline of a few
// seconds proves nothing; the spec then doubles it (twice at most).
const slowEnough = 4 * time.Second

// poolSize is the hint for a server that runs too many worker processes.
func poolSize() string { return tell("06.hint.pool-size", choose.Workers) }

var _ = Describe("dispatching jobs to worker processes", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("runs a job in a worker process below the server, not in the server's own process", func() {
		c := srv.Dial()
		expectJob(c, 1000, tell("06.hint.in-a-worker"))
		requireProcs("the answer was right; it also reads which process used the CPU time")
		selfBefore, _, errSelf := procs.CPUTime(srv.PID)
		treeBefore, errTree := procs.TreeCPUTime(srv.PID)
		startLongJob(srv, c)
		if errSelf != nil || errTree != nil {
			Expect(workers(srv)).NotTo(BeEmpty(), tell("06.in-worker.none-below", tell("06.hint.in-a-worker")))
			return // CPU times cannot be read here (macOS): the process is there, that is all we can see
		}
		selfAfter, _, _ := procs.CPUTime(srv.PID)
		treeAfter, _ := procs.TreeCPUTime(srv.PID)
		self, tree := selfAfter-selfBefore, treeAfter-treeBefore
		below := workers(srv)
		Expect(below).NotTo(BeEmpty(), tell("06.in-worker.in-server", self, tell("06.hint.in-a-worker")))
		Expect(self).To(BeNumerically("<", tree/2), tell("06.in-worker.cpu-in-server", self, tree, pids(below),
			tell("06.hint.in-a-worker")))
	})

	When("a job fails with an ordinary error, such as a wrong number", func() {
		It("answers the worker's own \"error: \" line", func() {
			c := srv.Dial()
			for _, job := range badJobs {
				expectWorkerError(srv, c, job)
			}
		})

		It("keeps the connection, and the worker: the same worker processes run the next jobs", func() {
			requireProcs("it compares the server's worker processes, by PID, before and after")
			a, b := srv.Dial(), srv.Dial()
			before := startWorkers(srv, a, b)
			for _, job := range badJobs {
				a.SendLine(job)
				got, err := a.ReadLine() // what it says is the spec above's business
				a.ExpectReply(tell("06.sent", job), got, err, strings.TrimSuffix(got, "\n"),
					tell("06.hint.in-a-worker"))
				expectSameWorkers(srv, before, tell("06.same.after-answer", a.Name, job))
			}
			harness.Together([]*harness.Client{a, b}, func(i int, c *harness.Client) {
				expectJob(c, 3000+i, tell("06.hint.error-not-crash"))
			})
			expectSameWorkers(srv, before, tell("06.same.after-next"))
		})
	})

	When(fmt.Sprintf("%d clients send jobs at once", jobSenders), func() {
		var clients []*harness.Client
		BeforeEach(func() {
			requireProcs("it counts the server's processes from outside")
			clients = srv.DialMany(jobSenders)
			for _, c := range clients { // every client is being served
				c.SendLine("hello")
				c.ExpectLine("hello", tell("06.hint.goroutine-per-client"))
			}
		})

		It(fmt.Sprintf("runs at most %d worker processes at a time", choose.Workers), func() {
			peak, seen := watchWorkers(srv, func() { sendJobs(clients) })
			Expect(peak).To(BeNumerically(">=", 1), tell("06.pool.none-seen", jobSenders*jobsEach,
				tell("06.hint.in-a-worker")))
			Expect(peak).To(BeNumerically("<=", choose.Workers), tell("06.pool.too-many", jobSenders, jobsEach, peak,
				len(seen), poolSize()))
		})

		It(fmt.Sprintf("reuses its workers from job to job: %d jobs run in at most %d processes in all",
			jobSenders*jobsEach, choose.Workers), func() {
			_, seen := watchWorkers(srv, func() { sendJobs(clients) })
			Expect(len(seen)).To(BeNumerically("<=", choose.Workers), tell("06.pool.not-reused",
				jobSenders*jobsEach, len(seen), poolSize())+tell("06.pool.seen", seen, lastLines(srv.Output(), 12)))
		})
	})

	When("a job runs many times longer than the others", func() {
		It("answers it: a slow job is not a dead worker", func() {
			c := srv.Dial()
			rounds := serverRounds(c, jobTarget, tell("06.hint.in-a-worker"))
			slow := min(choose.MaxRounds, slowFactor*rounds)
			for try := 0; ; try++ {
				want := make(chan string, 1)
				start := time.Now()
				c.SendLine(work(slow))
				go func() { want <- digest(slow) }() // the spec's own answer, computed meanwhile
				got, err := readLineWithin(c, 4*time.Duration(slow/rounds)*jobTarget)
				took := time.Since(start)
				GinkgoWriter.Printf("%s takes about %v here; %s took %v\n", work(rounds), jobTarget, work(slow), took)
				if expected := <-want; err != nil || got != expected+"\n" {
					harness.FailWithTask(tell("06.slow.not-answered", c.Name, work(slow), slow/rounds, work(rounds),
						describeReply(got, err), took.Round(100*time.Millisecond), serverState(srv),
						tell("06.hint.slow-not-dead")))
				}
				if took >= slowEnough {
					return
				}
				if slow == choose.MaxRounds || try == 2 {
					Skip(tell("06.skip.slow-too-fast", work(slow), took.Round(100*time.Millisecond), slow/rounds))
				}
				slow = min(choose.MaxRounds, 2*slow)
			}
		})
	})
})

// sendJobs has every client send jobsEach jobs, all clients at once.
func sendJobs(clients []*harness.Client) {
	GinkgoHelper()
	var turns harness.Progress // more clients than workers: waiting one's turn is no stall
	harness.Together(clients, func(i int, c *harness.Client) {
		for j := range jobsEach {
			rounds := poolRounds + i*jobsEach + j
			c.SendLine(work(rounds))
			got, err := turns.ReadLine(c)
			c.ExpectReply(tell("06.sent", work(rounds)), got, err, digest(rounds), tell("06.hint.in-a-worker"))
		}
	})
}

// watchWorkers runs fn while it counts, every few milliseconds, the
// processes running below the server. It returns the most it saw at once,
// and every process it saw, with when.
func watchWorkers(srv *harness.Server, fn func()) (peak int, seen sightings) {
	GinkgoHelper()
	seen = sightings{}
	start := time.Now()
	stop, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			now := workers(srv)
			peak = max(peak, len(now))
			at := time.Since(start)
			for _, p := range now {
				if s, ok := seen[p.PID]; ok {
					s.last = at
				} else {
					seen[p.PID] = &sighting{first: at, last: at}
				}
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	finish := func() { once.Do(func() { close(stop); <-watched }) }
	defer finish() // also when fn fails the spec
	fn()
	finish()
	return peak, seen
}

// startWorkers has a and b run a job each, b's while a's runs, so that a
// server with a worker per slot has them all started, and returns the PIDs
// of its workers then.
func startWorkers(srv *harness.Server, a, b *harness.Client) []int {
	GinkgoHelper()
	rounds := localRounds(jobDuringCrash)
	startJobs(srv, []*harness.Client{a}, rounds, 20*time.Millisecond)
	expectJob(b, 1000, tell("06.hint.in-a-worker"))
	a.ExpectLine(digest(rounds), tell("06.hint.in-a-worker"))
	return pidsOf(workers(srv))
}

// expectSameWorkers fails the spec unless the server's workers are the
// processes before, the same PIDs: none ended, none took another's place.
// after says what happened since.
func expectSameWorkers(srv *harness.Server, before []int, after string) {
	GinkgoHelper()
	now := pidsOf(workers(srv))
	if slices.Equal(now, before) {
		return
	}
	var gone []int
	for _, p := range before {
		if !slices.Contains(now, p) {
			gone = append(gone, p)
		}
	}
	harness.FailWithTask(tell("06.same.replaced", after, pidList(before), pidList(now), pidList(gone),
		serverState(srv), tell("06.hint.error-not-crash")))
}

// expectWorkerError sends job on c and expects the line the worker answers
// to it: an "error: " line of its own, not CrashedReply.
func expectWorkerError(srv *harness.Server, c *harness.Client, job string) {
	GinkgoHelper()
	want := choose.WorkerAnswer(job)
	c.SendLine(job)
	got, err := c.ReadLine()
	if err == nil && got == want {
		return
	}
	hint := tell("06.hint.in-a-worker")
	if got == choose.CrashedReply {
		hint = tell("06.hint.error-not-crash")
	}
	harness.FailWithTask(tell("06.error.wrong-line", c.Name, job+"\n", want, describeReply(got, err),
		serverState(srv), hint))
}

// describeReply writes what a client got, for a message.
func describeReply(got string, err error) string {
	switch {
	case err == nil:
		return fmt.Sprintf("%q", got)
	case got == "":
		return tell("06.reply.nothing", err)
	default:
		return tell("06.reply.partial", strings.TrimSuffix(got, "\n"), err)
	}
}

// sighting is when watchWorkers saw a process below the server, first and
// last, counted from the start of its watch.
type sighting struct{ first, last time.Duration }

// sightings are the processes watchWorkers saw, by PID.
type sightings map[int]*sighting

// String lists them by PID with when each was seen, such as
// "4242 (0s to 3.2s), 4250 (3.3s to 6s)": a worker that was replaced
// shows where its successor began.
func (s sightings) String() string {
	pids := slices.Sorted(maps.Keys(s))
	parts := make([]string, 0, len(pids))
	for _, pid := range pids {
		parts = append(parts, fmt.Sprintf("%d (%v to %v)", pid, s[pid].first.Round(10*time.Millisecond),
			s[pid].last.Round(10*time.Millisecond)))
	}
	return strings.Join(parts, ", ")
}

// lastLines returns the last n lines of out, indented, or "(none)".
func lastLines(out string, n int) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return "    (none)"
	}
	lines = lines[max(0, len(lines)-n):]
	return "    " + strings.Join(lines, "\n    ")
}
