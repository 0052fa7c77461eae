package goroutines_test

import (
	"fmt"
	"testing"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/bench"
	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// The benchmarks run only with -bench (make bench runs them against the
// reference solution, without the race detector); ginkgo runs the specs
// alone. Each starts the server in this process, on 127.0.0.1:0, except the
// memory benchmark, which measures a server process from the outside.

// BenchmarkChurn measures whole client lives (connect, echo, exit, close),
// with one and with eight clients at a time. ns/op is per client life;
// ms-median and ms-p99 are the latency of one life.
func BenchmarkChurn(b *testing.B) {
	for _, at := range []int{1, 8} {
		b.Run(fmt.Sprintf("clients=%d", at), func(b *testing.B) {
			addr := bench.InProcess(b, goroutines.GracePeriod, goroutines.Serve)
			if err := lineclient.Visit(addr); err != nil { // warm up, and fail fast on a skeleton
				b.Fatal(err)
			}
			bench.Run(b, at, func(int) error { return lineclient.Visit(addr) }).Report(b, "visit")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cycles/s")
		})
	}
}

// BenchmarkRoundTrip measures echo round trips with 1, 100 and 1,000
// clients connected, all of them sending at once. ns/op is per round trip.
func BenchmarkRoundTrip(b *testing.B) {
	for _, n := range []int{1, 100, 1000} {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			addr := bench.InProcess(b, goroutines.GracePeriod, goroutines.Serve)
			clients := make([]*lineclient.Client, n)
			for i := range clients {
				c, err := lineclient.Dial(addr)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { _ = c.Close() })
				if err := c.Echo("ready"); err != nil {
					b.Fatal(err)
				}
				clients[i] = c
			}
			bench.Run(b, n, func(w int) error { return clients[w].Echo("ping") })
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "roundtrips/s")
		})
	}
}

// idleClients is how many idle clients the memory benchmark connects.
const idleClients = 1000

// BenchmarkIdleClientMemory measures what one idle connected client costs
// the server: the resident memory (RSS, and PSS on Linux) of a server
// process with no client and then with 1,000 clients that each sent one
// line and wait, divided by 1,000. It is measured from the outside (package
// procs), on the server running in a child process as in the specs.
func BenchmarkIdleClientMemory(b *testing.B) {
	if err := procs.Supported(); err != nil {
		b.Skip(err)
	}
	var rss, pss float64
	for range b.N {
		r, p := idleMemory(b)
		rss += r
		pss += p
	}
	b.ReportMetric(rss/float64(b.N), "rss-B/client")
	b.ReportMetric(pss/float64(b.N), "pss-B/client")
}

// idleMemory returns the RSS and PSS one idle client adds to a new server
// process.
func idleMemory(b *testing.B) (rss, pss float64) {
	b.Helper()
	srv, err := harness.RunServer("goroutines")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Kill()
	if err := lineclient.Visit(srv.Addr); err != nil { // the server is up and warm
		b.Fatalf("%v\nserver output:\n%s", err, srv.Output())
	}
	rss0, pss0 := memoryOf(b, srv.PID)
	clients := make([]*lineclient.Client, idleClients)
	for i := range clients {
		c, err := lineclient.Dial(srv.Addr)
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		if err := c.Echo("idle from now on"); err != nil {
			b.Fatal(err)
		}
		clients[i] = c
	}
	rss1, pss1 := memoryOf(b, srv.PID)
	return float64(rss1-rss0) / idleClients, float64(pss1-pss0) / idleClients
}

// memoryOf reads a process's RSS and PSS.
func memoryOf(b *testing.B, pid int) (rss, pss int64) {
	b.Helper()
	rss, err := procs.MemoryRSS(pid)
	if err != nil {
		b.Fatal(err)
	}
	if pss, err = procs.MemoryPSS(pid); err != nil {
		b.Fatal(err)
	}
	return rss, pss
}
