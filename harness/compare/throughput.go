package compare

import (
	"fmt"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/internal/stats"
	"github.com/threadproc/threadproc/harness/lineclient"
)

// ClientCounts are the numbers of clients at once of the round-trip
// measurement.
var ClientCounts = []int{1, 10, 100, 1000}

// roundTripsInAll is about how many echo round trips one measurement makes,
// shared among its clients (at least minRoundTrips each).
const (
	roundTripsInAll = 10_000
	minRoundTrips   = 10
)

// roundTripReps is how many times a round-trip measurement is taken, the
// median kept; one with 1,000 clients or more, long enough to average
// itself, is taken once.
const roundTripReps = 3

// measureRoundTripsMedian takes measureRoundTrips roundTripReps times (once
// for 1,000 clients or more) and returns the median rate: one run disturbed
// by another program moves it little.
func measureRoundTripsMedian(s *server, n int) (float64, error) {
	reps := roundTripReps
	if n >= 1000 {
		reps = 1
	}
	var rates []float64
	for range reps {
		r, err := measureRoundTrips(s, n)
		if err != nil {
			return 0, err
		}
		rates = append(rates, r)
	}
	return stats.Median(rates), nil
}

// measureRoundTrips connects n clients at once; each sends its lines one at
// a time, waiting for each echo, and then leaves. It returns the echo round
// trips per second over the whole run, from the first connection to the last
// close: connections, the start of any worker process, and waiting for a
// free pool worker are part of it.
func measureRoundTrips(s *server, n int) (float64, error) {
	each := max(minRoundTrips, roundTripsInAll/n)
	errs := make(chan error, n)
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	for i := range n {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			errs <- visit(s.addr, i, each)
		}()
	}
	ready.Wait()
	began := time.Now()
	close(start)
	done.Wait()
	took := time.Since(began)
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return float64(n*each) / took.Seconds(), nil
}

// visit is one client of the round-trip measurement.
func visit(addr string, id, lines int) error {
	c, err := lineclient.Dial(addr)
	if err != nil {
		return err
	}
	for j := range lines {
		if err := c.Echo(fmt.Sprintf("client %d line %d", id, j)); err != nil {
			c.Close()
			return err
		}
	}
	return c.Exit()
}
