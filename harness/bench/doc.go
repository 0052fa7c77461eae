// Package bench is what the exercises' benchmarks (make bench) share: a
// line client with deadlines, a driver that runs an operation from several
// clients at once and reports the median and 99th percentile of its
// latency, a server run inside the benchmark's process, and a runnable
// server program built and started as a process of its own, the way a
// learner runs it by hand.
//
// Benchmarks are measurements, not specs: make test never runs them, and
// nothing here asserts how fast anything is. A benchmark fails only when a
// client is not served correctly.
package bench

import "time"

// IOTimeout bounds every read and write of a benchmark's client, and every
// wait for a server to start or to stop.
const IOTimeout = 10 * time.Second
