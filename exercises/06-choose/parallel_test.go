package choose_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/speedup"
)

// Sizes of the timing spec's measurement.
const (
	// jobTarget is how long one job should take on your server (the job
	// size is calibrated against it on every run).
	jobTarget = 200 * time.Millisecond
	// timingRounds is how many interleaved rounds a measurement takes.
	timingRounds = 3
	// timingAttempts is how many measurements the spec takes at most
	// before it fails (see speedup.Expect).
	timingAttempts = 3
	// timingDeadline bounds the timing spec.
	timingDeadline = 90 * time.Second
)

// inParallel is the hint for jobs that do not run in parallel.
const inParallel = "two clients' jobs should run at the same time, each in a worker process of its own, on " +
	"two CPUs: run holds a slot only while its job runs, and nothing else (a mutex, a single worker) makes one " +
	"job wait for another while a slot is free (TODO 2)."

var _ = Describe("dispatching jobs to worker processes, timed", harness.Task(2), func() {
	It("runs two clients' jobs in parallel, in two worker processes", Serial, Label("timing"), SpecTimeout(timingDeadline), func(ctx SpecContext) {
		srv := startServer()
		clients := []*harness.Client{srv.Dial(), srv.Dial()}
		harness.Together(clients, func(i int, c *harness.Client) { // both workers are up
			expectJob(c, 1000+i, inAWorker)
		})
		rounds := speedup.Calibrate(jobTarget, 10_000, choose.MaxRounds, func(n int) time.Duration {
			GinkgoHelper()
			start := time.Now()
			expectJob(clients[0], n, inAWorker)
			return time.Since(start)
		})
		local := localRounds(jobTarget)
		job := speedup.Job{Request: work(rounds), Reply: digest(rounds), Local: func() { digest(local) },
			Hints: []string{inParallel}}
		speedup.Expect(timingAttempts, func() speedup.Measurement {
			m := speedup.Measure(srv, clients, job, timingRounds)
			GinkgoWriter.Printf("measured: %s\n", m)
			return m
		}, speedup.Parallel, inParallel)
	})
})
