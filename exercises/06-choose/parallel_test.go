package choose_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"

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
)

// timing marks a spec that measures time: it runs alone (Serial), and
// `--label-filter '!timing'` leaves it out.
var timing = []any{Serial, Label("timing")}

var _ = Describe("dispatching jobs to worker processes, timed", harness.Task(2), func() {
	It("runs two clients' jobs in parallel, in two worker processes", timing, func() {
		srv := startServer()
		clients := []*harness.Client{srv.Dial(), srv.Dial()}
		harness.Together(clients, func(i int, c *harness.Client) { // both workers are up
			expectJob(c, 1000+i, tell("06.hint.in-a-worker"))
		})
		rounds := serverRounds(clients[0], jobTarget, tell("06.hint.in-a-worker"))
		local := localRounds(jobTarget)
		inParallel := tell("06.hint.in-parallel")
		job := speedup.Job{Request: work(rounds), Reply: digest(rounds), Local: func() { digest(local) },
			Hints: []string{inParallel}}
		speedup.Expect(timingAttempts, func() speedup.Measurement {
			m := speedup.Measure(srv, clients, job, timingRounds)
			GinkgoWriter.Printf("measured: %s\n", m)
			return m
		}, speedup.Parallel, inParallel)
	})
})
