package cpu_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/04-cpu"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
	"github.com/threadproc/threadproc/harness/speedup"
)

// digest is the spec's own Work: 32 zero bytes replaced by their SHA-256
// digest rounds times over, in hex. Replies are checked against it.
func digest(rounds int) string {
	var sum [sha256.Size]byte
	for range rounds {
		sum = sha256.Sum256(sum[:])
	}
	return hex.EncodeToString(sum[:])
}

// work is the request for a job of rounds rounds.
func work(rounds int) string { return cpu.WorkCommand + " " + strconv.Itoa(rounds) }

// timing marks the specs that measure: they run alone (Serial), and
// `--label-filter '!timing'` leaves them out.
var timing = []any{Serial, Label("timing")}

// Sizes of the timing specs' measurement.
const (
	// jobTarget is how long one job should take on your server (the job
	// size is calibrated against it on every run).
	jobTarget = 200 * time.Millisecond
	// timingRounds is how many interleaved rounds a measurement takes.
	timingRounds = 3
	// timingAttempts is how many measurements a timing spec takes at most
	// before it fails (see speedup.Expect).
	timingAttempts = 3
)

// busyCPU is how much CPU time a server must have used before a spec treats
// a long job as running.
const busyCPU = 50 * time.Millisecond

// quietLong is how long a spec checks that a long job has not answered yet.
const quietLong = 50 * time.Millisecond

// expectTiming calibrates a job of about jobTarget on srv, then judges srv
// with check on measurements of two clients' jobs sent one after the other
// and at once (see speedup.Measure and speedup.Expect). A server that
// answers nothing fails here, before anything is measured; where nothing
// can be judged (see speedup.Expect), the spec is skipped as not judged.
func expectTiming(srv *harness.Server, check speedup.Check, hints ...string) {
	GinkgoHelper()
	clients := srv.DialMany(2)
	for _, c := range clients { // the server (and any worker) is up
		c.SendLine(work(1))
		c.ExpectLine(digest(1), hints...)
	}
	rounds := speedup.Calibrate(jobTarget, 10_000, cpu.MaxRounds, func(n int) time.Duration {
		GinkgoHelper()
		want := digest(n)
		start := time.Now()
		clients[0].SendLine(work(n))
		clients[0].ExpectLine(want, hints...)
		return time.Since(start)
	})
	local := speedup.Calibrate(jobTarget, 10_000, cpu.MaxRounds, func(n int) time.Duration {
		start := time.Now()
		digest(n)
		return time.Since(start)
	})
	job := speedup.Job{Request: work(rounds), Reply: digest(rounds), Local: func() { digest(local) }, Hints: hints}
	speedup.Expect(timingAttempts, func() speedup.Measurement {
		m := speedup.Measure(srv, clients, job, timingRounds)
		GinkgoWriter.Printf("measured on %q: %s\n", srv.Name, m)
		return m
	}, check, hints...)
}

// expectJobsAtOnce makes three clients of srv send jobs of different sizes
// at the same time, and fails the spec, with hints, unless each gets its own
// job's digest.
func expectJobsAtOnce(srv *harness.Server, hints ...string) {
	GinkgoHelper()
	sizes := []int{30_000, 20_000, 10_000}
	harness.Together(srv.DialMany(len(sizes)), func(i int, c *harness.Client) {
		c.SendLine(work(sizes[i]))
		c.ExpectLine(digest(sizes[i]), hints...)
	})
}

// startLongJob makes c send a job of MaxRounds rounds (seconds of work) and
// returns once the server is busy with it: on Linux, once srv's processes
// have used busyCPU more CPU time; where CPU time cannot be read, at once.
func startLongJob(srv *harness.Server, c *harness.Client) {
	GinkgoHelper()
	before, err := procs.TreeCPUTime(srv.PID)
	c.SendLine(work(cpu.MaxRounds))
	if err != nil {
		return
	}
	Eventually(func() time.Duration {
		now, _ := procs.TreeCPUTime(srv.PID)
		return now - before
	}).WithTimeout(harness.IOTimeout).WithPolling(5*time.Millisecond).Should(BeNumerically(">=", busyCPU),
		tell("04.long-job.idle", c.Name, work(cpu.MaxRounds), busyCPU, harness.IOTimeout))
}

// expectErrorLine reads c's next line, the reply to request, and fails the
// spec, with hints, unless it is an "error: ..." line.
func expectErrorLine(c *harness.Client, request string, hints ...string) {
	GinkgoHelper()
	line, err := c.ReadLine()
	if err == nil && strings.HasPrefix(line, errorPrefix) {
		return
	}
	c.ExpectReply("sent "+strconv.Quote(request+"\n"), line, err, errorPrefix+"…", hints...)
}

// errorPrefix starts every reply to a job that could not be done.
const errorPrefix = "error: "
