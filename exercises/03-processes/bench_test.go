package processes_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/threadproc/threadproc/exercises/03-processes"
	"github.com/threadproc/threadproc/harness/procs"
)

// The benchmarks run your Serve inside the benchmark's own process: its
// workers are copies of the test binary, which become workers in TestMain
// (harness.Main runs processes.WorkerMain first). Run them with
//
//	make bench EX=03        (the reference solution)
//	go test -run '^$' -bench . ./exercises/03-processes   (your code)

// benchTimeout bounds every read and write of a benchmark's client.
const benchTimeout = 10 * time.Second

// startBenchServer runs Serve on a new listener in this process, and stops
// it (and so its workers) when the benchmark ends.
func startBenchServer(b *testing.B) string {
	b.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	// The server logs (a worker killed at shutdown, for instance) would
	// break up the benchmark's table: they are shown only if it fails.
	var logged syncBuffer
	log.SetOutput(&logged)
	done := make(chan error, 1)
	go func() { done <- processes.Serve(ln) }()
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
		log.SetOutput(os.Stderr)
		if b.Failed() {
			b.Logf("the server's log:\n%s", logged.String())
		}
	})
	return ln.Addr().String()
}

// syncBuffer is a bytes.Buffer safe for use by several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write implements io.Writer.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
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

// cycle connects, echoes one line, sends exit and waits for the close.
func cycle(addr string) error {
	c, err := dialBench(addr)
	if err != nil {
		return err
	}
	if err := c.roundTrip("hello"); err != nil {
		c.conn.Close()
		return err
	}
	return c.exit()
}

// latencies collects durations from several goroutines.
type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

// report adds the median and the 99th percentile, in milliseconds, to the
// benchmark's results.
func (l *latencies) report(b *testing.B, unit string) {
	if len(l.d) == 0 {
		return
	}
	slices.Sort(l.d)
	at := func(q float64) float64 {
		return float64(l.d[min(len(l.d)-1, int(q*float64(len(l.d))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.5), "ms-median/"+unit)
	b.ReportMetric(at(0.99), "ms-p99/"+unit)
}

// runConcurrently runs op b.N times in total, from k goroutines at once,
// and records how long each call took.
func runConcurrently(b *testing.B, k int, op func() error) *latencies {
	var l latencies
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	b.ResetTimer()
	for range k {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				start := time.Now()
				if err := op(); err != nil {
					failed.CompareAndSwap(nil, err)
					return
				}
				l.add(time.Since(start))
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	return &l
}

// BenchmarkConnectEchoExit measures a whole client visit: connect (a worker
// process starts), one echo, exit (the worker ends and is reaped), with one
// and with eight clients at a time.
func BenchmarkConnectEchoExit(b *testing.B) {
	for _, k := range []int{1, 8} {
		b.Run(fmt.Sprintf("clients=%d", k), func(b *testing.B) {
			addr := startBenchServer(b)
			runConcurrently(b, k, func() error { return cycle(addr) }).report(b, "cycle")
		})
	}
}

// BenchmarkEchoRoundTrip100 measures one echo while 100 clients are
// connected, each to its own worker, all talking at once.
func BenchmarkEchoRoundTrip100(b *testing.B) {
	const n = 100
	addr := startBenchServer(b)
	clients := make(chan *benchClient, n)
	for range n {
		c, err := dialBench(addr)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.roundTrip("warm up"); err != nil {
			b.Fatal(err)
		}
		clients <- c
	}
	runConcurrently(b, n, func() error {
		c := <-clients
		defer func() { clients <- c }()
		return c.roundTrip("ping")
	}).report(b, "echo")
	close(clients)
	for c := range clients {
		_ = c.exit()
	}
}

// BenchmarkWorkerPSS measures the memory of a worker process: the
// proportional set size (shared pages divided among the processes sharing
// them) of each of 20 workers, each serving a connected client.
func BenchmarkWorkerPSS(b *testing.B) {
	if err := procs.Supported(); err != nil {
		b.Skip(err)
	}
	const n = 20
	addr := startBenchServer(b)
	var clients []*benchClient
	for range n {
		c, err := dialBench(addr)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.roundTrip("hello"); err != nil {
			b.Fatal(err)
		}
		clients = append(clients, c)
	}
	var total, samples int64
	for b.Loop() {
		children, err := procs.Children(os.Getpid())
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range children {
			pss, err := procs.MemoryPSS(w.PID)
			if err != nil {
				b.Fatal(err)
			}
			total += pss
			samples++
		}
	}
	if samples > 0 {
		b.ReportMetric(float64(total)/float64(samples)/(1<<20), "MB-PSS/worker")
	}
	for _, c := range clients {
		_ = c.exit()
	}
}
