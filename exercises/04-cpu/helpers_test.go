package cpu_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"
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
	// timingDeadline bounds one timing spec.
	timingDeadline = 90 * time.Second
)

// busyCPU is how much CPU time a server must have used before a spec treats
// a long job as running.
const busyCPU = 50 * time.Millisecond

// expectTiming calibrates a job of about jobTarget on srv, then judges
// srv with check on measurements of two clients' jobs sent one after the
// other and at once (see harness.Server.MeasureSpeedup and
// speedup.Expect). A server that answers nothing fails here, before
// any skip; a machine with fewer than 2 CPUs, or too busy, skips the spec.
func expectTiming(srv *harness.Server, check speedup.Check, hints ...string) {
	GinkgoHelper()
	clients := []*harness.Client{srv.Dial(), srv.Dial()}
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
		"after %s sent %q, the server did not start working: it used less than %v of CPU time in %v",
		c.Name, work(cpu.MaxRounds), busyCPU, harness.IOTimeout)
}

// inParallel calls fn(0) … fn(n-1) at the same time, each in a goroutine of
// its own, and returns once all have returned. A failure in any of them
// fails the spec.
func inParallel(n int, fn func(i int)) {
	GinkgoHelper()
	var wg sync.WaitGroup
	failed := make([]bool, n)
	for i := range n {
		wg.Go(func() {
			defer GinkgoRecover()
			failed[i] = true
			fn(i)
			failed[i] = false
		})
	}
	wg.Wait()
	for i, f := range failed {
		if f {
			Fail(fmt.Sprintf("client %d failed; its failure is reported above", i+1))
		}
	}
}

// quietLong is how long a spec checks that a long job has not answered yet.
const quietLong = 50 * time.Millisecond
