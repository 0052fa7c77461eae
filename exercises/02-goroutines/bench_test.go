package goroutines_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// The benchmarks run only with -bench (make bench runs them against the
// reference solution, without the race detector); ginkgo runs the specs
// alone. Each starts the server in this process, on 127.0.0.1:0, except the
// memory benchmark, which measures a server process from the outside.

// benchIO bounds every read and write of a benchmark client.
const benchIO = 10 * time.Second

// startInProcess runs Serve in this process and returns its address. The
// server is shut down when the benchmark ends; Serve must return nil.
func startInProcess(b *testing.B) string {
	b.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- goroutines.Serve(ln) }()
	b.Cleanup(func() {
		_ = ln.Close()
		select {
		case err := <-served:
			if err != nil {
				b.Errorf("Serve returned %v", err)
			}
		case <-time.After(goroutines.GracePeriod + benchIO):
			b.Error("Serve did not return after its listener was closed")
		}
	})
	return ln.Addr().String()
}

// benchClient is one connection with a line reader.
type benchClient struct {
	conn net.Conn
	in   *bufio.Reader
}

// dialBench connects a client to addr.
func dialBench(addr string) (*benchClient, error) {
	conn, err := net.DialTimeout("tcp", addr, benchIO)
	if err != nil {
		return nil, err
	}
	return &benchClient{conn: conn, in: bufio.NewReader(conn)}, nil
}

// roundTrip sends line (with its "\n") and checks that it comes back.
func (c *benchClient) roundTrip(line string) error {
	_ = c.conn.SetDeadline(time.Now().Add(benchIO))
	if _, err := io.WriteString(c.conn, line); err != nil {
		return err
	}
	got, err := c.in.ReadString('\n')
	if err != nil {
		return err
	}
	if got != line {
		return fmt.Errorf("sent %q, got %q back", line, got)
	}
	return nil
}

// leave sends "exit" and waits for the server to close the connection.
func (c *benchClient) leave() error {
	defer c.conn.Close()
	_ = c.conn.SetDeadline(time.Now().Add(benchIO))
	if _, err := io.WriteString(c.conn, "exit\n"); err != nil {
		return err
	}
	if n, err := c.in.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
		return fmt.Errorf("after exit, expected the connection to close, got %d bytes and %v", n, err)
	}
	return nil
}

// churn is one client's whole life: connect, one echo, exit, close.
func churn(addr string) error {
	c, err := dialBench(addr)
	if err != nil {
		return err
	}
	if err := c.roundTrip("hello\n"); err != nil {
		_ = c.conn.Close()
		return err
	}
	return c.leave()
}

// inParallel runs work b.N times in all, from workers goroutines at once,
// and fails the benchmark on the first error.
func inParallel(b *testing.B, workers int, work func(worker int) error) {
	b.Helper()
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				if err := work(w); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
}

// BenchmarkChurn measures whole client lives (connect, echo, exit, close),
// with one and with eight clients at a time. ns/op is per client life.
func BenchmarkChurn(b *testing.B) {
	for _, at := range []int{1, 8} {
		b.Run(fmt.Sprintf("clients=%d", at), func(b *testing.B) {
			addr := startInProcess(b)
			if err := churn(addr); err != nil { // warm up, and fail fast on a skeleton
				b.Fatal(err)
			}
			b.ResetTimer()
			inParallel(b, at, func(int) error { return churn(addr) })
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cycles/s")
		})
	}
}

// BenchmarkRoundTrip measures echo round trips with 1, 100 and 1,000
// clients connected, all of them sending at once. ns/op is per round trip.
func BenchmarkRoundTrip(b *testing.B) {
	for _, n := range []int{1, 100, 1000} {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			addr := startInProcess(b)
			clients := make([]*benchClient, n)
			for i := range clients {
				c, err := dialBench(addr)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { _ = c.conn.Close() })
				if err := c.roundTrip("ready\n"); err != nil {
					b.Fatal(err)
				}
				clients[i] = c
			}
			b.ResetTimer()
			inParallel(b, n, func(w int) error { return clients[w].roundTrip("ping\n") })
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
	if err := churn(srv.Addr); err != nil { // the server is up and warm
		b.Fatalf("%v\nserver output:\n%s", err, srv.Output())
	}
	rss0, pss0 := memoryOf(b, srv.PID)
	clients := make([]*benchClient, idleClients)
	for i := range clients {
		c, err := dialBench(srv.Addr)
		if err != nil {
			b.Fatal(err)
		}
		defer c.conn.Close()
		if err := c.roundTrip("idle from now on\n"); err != nil {
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
