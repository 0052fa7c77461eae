package bench

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/threadproc/threadproc/harness/internal/stats"
)

// Latencies are the durations of the operations a [Run] timed.
type Latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

// add records one duration; safe from several goroutines.
func (l *Latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

// Quantile returns the q-quantile (0.5 for the median) of the durations,
// by the nearest rank, or 0 if there are none.
func (l *Latencies) Quantile(q float64) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return stats.Quantile(l.d, q)
}

// Report adds the median and the 99th percentile, in milliseconds, to b's
// results, as "ms-median/UNIT" and "ms-p99/UNIT".
func (l *Latencies) Report(b *testing.B, unit string) {
	if len(l.d) == 0 {
		return
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(l.Quantile(0.5)), "ms-median/"+unit)
	b.ReportMetric(ms(l.Quantile(0.99)), "ms-p99/"+unit)
}

// Run runs op b.N times in all, from k goroutines at once (op learns which
// of them calls it, 0 to k-1), times every call, and fails the benchmark
// with the first error an op returns. The benchmark's timer covers the
// calls only.
func Run(b *testing.B, k int, op func(worker int) error) *Latencies {
	b.Helper()
	var l Latencies
	var next atomic.Int64
	var mu sync.Mutex
	var first error // not an atomic.Value: errors of two types would make it panic
	var wg sync.WaitGroup
	b.ResetTimer()
	for w := range k {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				start := time.Now()
				if err := op(w); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return
				}
				l.add(time.Since(start))
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	if first != nil {
		b.Fatal(first)
	}
	return &l
}
