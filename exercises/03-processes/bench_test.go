package processes_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/threadproc/threadproc/harness/bench"
	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// BenchmarkProcessServer measures the runnable server, cmd/process-server,
// the way you run it by hand: it is built with go build (no race detector)
// and started as a process of its own, so its workers are copies of that
// small program. (Workers that are copies of the test binary, as in the
// specs, carry ginkgo and gomega too: they start slower and weigh more.)
// Run it with
//
//	make bench EX=03                                        (the reference solution)
//	go test -run '^$' -bench . ./exercises/03-processes      (your code)
//
// Sub-benchmarks:
//   - visit/clients=1 and =8: a whole client visit, connect (a worker
//     starts) → one echo → exit → close (the worker ends and is reaped), one
//     and eight clients at a time; ms-median and ms-p99 per visit.
//   - echo/clients=100: one echo while 100 clients, each with its worker,
//     all talk at once.
//   - memory/workers=20: the proportional set size of each of 20 workers
//     (shared pages are divided among the processes sharing them).
//   - crowd/clients=1000: 1,000 clients connected at the same time, each
//     served by its own worker: every one must echo twice and leave.
func BenchmarkProcessServer(b *testing.B) {
	bin := bench.Build(b, "./cmd/process-server")
	for _, k := range []int{1, 8} {
		b.Run(fmt.Sprintf("visit/clients=%d", k), func(b *testing.B) {
			srv := bench.Start(b, bin)
			bench.Run(b, k, func(int) error { return lineclient.Visit(srv.Addr) }).Report(b, "visit")
		})
	}
	b.Run("echo/clients=100", func(b *testing.B) {
		srv := bench.Start(b, bin)
		clients := connect(b, srv.Addr, 100)
		bench.Run(b, len(clients), func(w int) error { return clients[w].Echo("ping") }).Report(b, "echo")
		leave(b, clients)
	})
	b.Run("memory/workers=20", func(b *testing.B) {
		if err := procs.Supported(); err != nil {
			b.Skip(err)
		}
		srv := bench.Start(b, bin)
		clients := connect(b, srv.Addr, 20)
		var pss, rss, samples int64
		for b.Loop() {
			workers, err := procs.Children(srv.PID)
			if err != nil {
				b.Fatal(err)
			}
			if len(workers) != len(clients) {
				b.Fatalf("%d clients are connected, but the server has %d child processes", len(clients), len(workers))
			}
			for _, w := range workers {
				p, err := procs.MemoryPSS(w.PID)
				if err != nil {
					b.Fatal(err)
				}
				r, err := procs.MemoryRSS(w.PID)
				if err != nil {
					b.Fatal(err)
				}
				pss, rss, samples = pss+p, rss+r, samples+1
			}
		}
		b.ReportMetric(float64(pss)/float64(samples)/(1<<20), "MiB-PSS/worker")
		b.ReportMetric(float64(rss)/float64(samples)/(1<<20), "MiB-RSS/worker")
		leave(b, clients)
	})
	b.Run("crowd/clients=1000", func(b *testing.B) {
		const n = 1000
		srv := bench.Start(b, bin)
		for b.Loop() {
			clients := connect(b, srv.Addr, n)
			workers, err := procs.Children(srv.PID)
			if err == nil && len(workers) < n { // more: the last round's workers may still be ending
				b.Fatalf("%d clients are connected, but the server has %d child processes", n, len(workers))
			}
			if err := together(clients, func(c *lineclient.Client) error { return c.Echo("still here") }); err != nil {
				b.Fatal(err)
			}
			leave(b, clients)
		}
		b.ReportMetric(n, "clients-served")
	})
}

// connect connects n clients to addr, eight at a time, and checks that each
// is served (one echo) before it returns them, all connected.
func connect(b *testing.B, addr string, n int) []*lineclient.Client {
	b.Helper()
	clients := make([]*lineclient.Client, n)
	start := time.Now()
	err := inBatches(n, 8, func(i int) error {
		c, err := lineclient.Dial(addr)
		if err != nil {
			return fmt.Errorf("client %d of %d: %w", i+1, n, err)
		}
		clients[i] = c
		if err := c.Echo(fmt.Sprintf("hello from client %d", i+1)); err != nil {
			return fmt.Errorf("client %d of %d: %w", i+1, n, err)
		}
		return nil
	})
	if err != nil {
		for _, c := range clients {
			if c != nil {
				_ = c.Close()
			}
		}
		b.Fatalf("after %v: %v", time.Since(start).Round(time.Millisecond), err)
	}
	return clients
}

// leave makes every client exit, eight at a time.
func leave(b *testing.B, clients []*lineclient.Client) {
	b.Helper()
	if err := together(clients, (*lineclient.Client).Exit); err != nil {
		b.Fatal(err)
	}
}

// together runs op on every client, eight at a time, and returns the first
// error.
func together(clients []*lineclient.Client, op func(*lineclient.Client) error) error {
	return inBatches(len(clients), 8, func(i int) error { return op(clients[i]) })
}

// inBatches runs op(0) to op(n-1) from k goroutines and returns the first
// error; once one fails, the others stop taking new work.
func inBatches(n, k int, op func(i int) error) error {
	var mu sync.Mutex
	next, first := 0, error(nil)
	var wg sync.WaitGroup
	for range k {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				stop := first != nil || i >= n
				mu.Unlock()
				if stop {
					return
				}
				if err := op(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}
