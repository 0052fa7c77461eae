// Package bench is what the exercises' benchmarks (make bench) share, next
// to the measuring client of package lineclient: a driver that runs an
// operation from several clients at once and reports the median and 99th
// percentile of its latency, a server run inside the benchmark's process,
// and a runnable server program built and started as a process of its own,
// the way a learner runs it by hand.
//
// Benchmarks are measurements, not specs: make test never runs them, and
// nothing here asserts how fast anything is. A benchmark fails only when a
// client is not served correctly.
package bench

import "github.com/threadproc/threadproc/harness/lineclient"

// IOTimeout bounds every wait for a server to start or to stop, as it bounds
// every read and write of a lineclient.Client.
const IOTimeout = lineclient.IOTimeout
