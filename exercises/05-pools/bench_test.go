package pools_test

import (
	"net"
	"testing"

	"github.com/threadproc/threadproc/exercises/05-pools"
	"github.com/threadproc/threadproc/harness/bench"
	"github.com/threadproc/threadproc/harness/lineclient"
)

// The benchmarks run your servers inside the benchmark's own process: the
// prefork workers are copies of the test binary, which become workers in
// TestMain (harness.Main runs pools.WorkerMain first). Run them with
//
//	make bench EX=05                                        (the reference solution)
//	go test -run '^$' -bench . ./exercises/05-pools         (your code)

// benchWorkers is K in the benchmarks.
const benchWorkers = 4

// servers are the two servers the benchmarks compare.
var servers = []struct {
	name  string
	serve func(net.Listener, int) error
}{
	{"goroutine-pool", pools.ServeGoroutinePool},
	{"prefork", pools.ServePrefork},
}

// startBench runs serve with benchWorkers workers on a new listener in this
// process, and stops it when the benchmark ends.
func startBench(b *testing.B, serve func(net.Listener, int) error) string {
	b.Helper()
	return bench.InProcess(b, 0, func(ln net.Listener) error { return serve(ln, benchWorkers) })
}

// BenchmarkVisit measures a whole client visit (connect, one echo, exit,
// close) with 16 clients at a time and K = 4 workers: 4 are served, 12
// wait. Compare with exercise 03, where every visit starts and reaps a
// process: a pool pays that once, up front.
func BenchmarkVisit(b *testing.B) {
	for _, s := range servers {
		b.Run(s.name, func(b *testing.B) {
			addr := startBench(b, s.serve)
			if err := lineclient.Visit(addr); err != nil { // warm up: the workers are up
				b.Fatal(err)
			}
			bench.Run(b, 16, func(int) error { return lineclient.Visit(addr) }).Report(b, "visit")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "visits/s")
		})
	}
}

// BenchmarkRoundTrip measures one echo round trip with K = 4 clients
// connected, one per worker, all sending at once.
func BenchmarkRoundTrip(b *testing.B) {
	for _, s := range servers {
		b.Run(s.name, func(b *testing.B) {
			addr := startBench(b, s.serve)
			clients := make([]*lineclient.Client, benchWorkers)
			for i := range clients {
				c, err := lineclient.Dial(addr)
				if err != nil {
					b.Fatal(err)
				}
				if err := c.Echo("warm up"); err != nil {
					b.Fatal(err)
				}
				clients[i] = c
			}
			bench.Run(b, benchWorkers, func(w int) error { return clients[w].Echo("ping") }).Report(b, "echo")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "roundtrips/s")
			for _, c := range clients {
				_ = c.Exit()
			}
		})
	}
}
