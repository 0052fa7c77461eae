package compare

import (
	"fmt"
	"time"

	"github.com/threadproc/threadproc/harness/internal/stats"
	"github.com/threadproc/threadproc/harness/lineclient"
)

// Bounds of the connection-setup measurement.
const (
	setupWarmUp    = 20
	setupBudget    = 1500 * time.Millisecond
	setupMaxCycles = 1000
)

// Setup is what one client's whole visit costs: connect, one echo, "exit",
// and the server closing the connection. For a process per connection it
// includes starting and ending the worker process.
type Setup struct {
	// Median and P99 are the median and the 99th percentile of a visit.
	Median, P99 time.Duration
	// Cycles is how many visits were timed, one after the other.
	Cycles int
}

// measureSetup times client visits one after the other, for setupBudget or
// setupMaxCycles visits, whichever comes first, after a warm-up.
func measureSetup(s *server) (Setup, error) {
	for range setupWarmUp {
		if err := lineclient.Visit(s.addr); err != nil {
			return Setup{}, fmt.Errorf("warm-up: %w", err)
		}
	}
	var took []time.Duration
	end := time.Now().Add(setupBudget)
	for len(took) < setupMaxCycles && time.Now().Before(end) {
		start := time.Now()
		if err := lineclient.Visit(s.addr); err != nil {
			return Setup{}, err
		}
		took = append(took, time.Since(start))
	}
	return Setup{Median: stats.Quantile(took, 0.5), P99: stats.Quantile(took, 0.99), Cycles: len(took)}, nil
}
