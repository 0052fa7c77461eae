package pools_test

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

	"github.com/threadproc/threadproc/exercises/05-pools"
)

// The benchmarks run your servers inside the benchmark's own process: the
// prefork workers are copies of the test binary, which become workers in
// TestMain (harness.Main runs pools.WorkerMain first). Run them with
//
//	make bench EX=05                                        (the reference solution)
//	go test -run '^$' -bench . ./exercises/05-pools         (your code)

// benchTimeout bounds every read and write of a benchmark's client.
const benchTimeout = 10 * time.Second

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
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- serve(ln, benchWorkers) }()
	b.Cleanup(func() {
		_ = ln.Close()
		select {
		case err := <-done:
			if err != nil {
				b.Errorf("Serve: %v", err)
			}
		case <-time.After(benchTimeout):
			b.Errorf("Serve did not return within %v of its listener's close", benchTimeout)
		}
	})
	return ln.Addr().String()
}

// benchClient is one connection with a line reader.
type benchClient struct {
	conn net.Conn
	r    *bufio.Reader
}

// dialBench connects a client.
func dialBench(addr string) (*benchClient, error) {
	conn, err := net.DialTimeout("tcp", addr, benchTimeout)
	if err != nil {
		return nil, err
	}
	return &benchClient{conn: conn, r: bufio.NewReader(conn)}, nil
}

// roundTrip sends a line and reads its echo.
func (c *benchClient) roundTrip(line string) error {
	_ = c.conn.SetDeadline(time.Now().Add(benchTimeout))
	if _, err := io.WriteString(c.conn, line+"\n"); err != nil {
		return err
	}
	got, err := c.r.ReadString('\n')
	if err != nil {
		return err
	}
	if got != line+"\n" {
		return fmt.Errorf("sent %q, got %q", line, got)
	}
	return nil
}

// exit sends "exit" and waits for the server to close the connection.
func (c *benchClient) exit() error {
	defer c.conn.Close()
	_ = c.conn.SetDeadline(time.Now().Add(benchTimeout))
	if _, err := io.WriteString(c.conn, "exit\n"); err != nil {
		return err
	}
	if _, err := c.r.ReadByte(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("after exit: expected the connection to close, got %v", err)
	}
	return nil
}

// visit connects, echoes one line, sends exit and waits for the close.
func visit(addr string) error {
	c, err := dialBench(addr)
	if err != nil {
		return err
	}
	if err := c.roundTrip("hello"); err != nil {
		_ = c.conn.Close()
		return err
	}
	return c.exit()
}

// runConcurrently runs op b.N times in total, from k goroutines at once.
func runConcurrently(b *testing.B, k int, op func(worker int) error) {
	b.Helper()
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	b.ResetTimer()
	for w := range k {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				if err := op(w); err != nil {
					failed.CompareAndSwap(nil, err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkVisit measures a whole client visit (connect, one echo, exit,
// close) with 16 clients at a time and K = 4 workers: 4 are served, 12
// wait. Compare with exercise 03, where every visit starts and reaps a
// process: a pool pays that once, up front.
func BenchmarkVisit(b *testing.B) {
	for _, s := range servers {
		b.Run(s.name, func(b *testing.B) {
			addr := startBench(b, s.serve)
			if err := visit(addr); err != nil { // warm up: the workers are up
				b.Fatal(err)
			}
			runConcurrently(b, 16, func(int) error { return visit(addr) })
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
			clients := make([]*benchClient, benchWorkers)
			for i := range clients {
				c, err := dialBench(addr)
				if err != nil {
					b.Fatal(err)
				}
				if err := c.roundTrip("warm up"); err != nil {
					b.Fatal(err)
				}
				clients[i] = c
			}
			runConcurrently(b, benchWorkers, func(w int) error { return clients[w].roundTrip("ping") })
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "roundtrips/s")
			for _, c := range clients {
				_ = c.exit()
			}
		})
	}
}
