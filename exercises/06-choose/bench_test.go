package choose_test

import (
	"bufio"
	"io"
	"net"
	"testing"
	"time"

	"github.com/threadproc/threadproc/exercises/06-choose"
)

// The benchmarks run your Serve inside the benchmark's own process; its
// workers are copies of the test binary, which become workers in TestMain
// (harness.Main runs choose.WorkerMain first). Run them with
//
//	make bench EX=06        (the reference solution)
//	go test -run '^$' -bench . ./exercises/06-choose   (your code)
//
// The comparison of the four designs is `make compare`.

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
	done := make(chan error, 1)
	go func() { done <- choose.Serve(ln) }()
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

// dialBench connects a client, closed when the benchmark ends.
func dialBench(b *testing.B, addr string) *benchClient {
	b.Helper()
	conn, err := net.DialTimeout("tcp", addr, benchTimeout)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = conn.Close() })
	return &benchClient{conn: conn, r: bufio.NewReader(conn)}
}

// ask sends a line and returns the reply, without their "\n".
func (c *benchClient) ask(b *testing.B, line string) string {
	_ = c.conn.SetDeadline(time.Now().Add(benchTimeout))
	if _, err := io.WriteString(c.conn, line+"\n"); err != nil {
		b.Fatal(err)
	}
	reply, err := c.r.ReadString('\n')
	if err != nil {
		b.Fatal(err)
	}
	return reply[:len(reply)-1]
}

// BenchmarkEcho measures one echo: it never leaves the server's process.
func BenchmarkEcho(b *testing.B) {
	c := dialBench(b, startBenchServer(b))
	for b.Loop() {
		if got := c.ask(b, "ping"); got != "ping" {
			b.Fatalf("got %q", got)
		}
	}
}

// BenchmarkSmallJob measures a job of one round: the round trip through a
// worker process (the server writes the job to the worker and reads its
// answer), with the worker already running.
func BenchmarkSmallJob(b *testing.B) {
	c := dialBench(b, startBenchServer(b))
	want := digest(1)
	c.ask(b, work(1)) // the worker starts
	for b.Loop() {
		if got := c.ask(b, work(1)); got != want {
			b.Fatalf("got %q", got)
		}
	}
}

// BenchmarkCrashAndNextJob measures what a crash costs: the crashed worker
// is reaped, and the next job starts a new worker process. Every crash
// prints the worker's panic, as it should.
func BenchmarkCrashAndNextJob(b *testing.B) {
	c := dialBench(b, startBenchServer(b))
	crashed := choose.CrashedReply[:len(choose.CrashedReply)-1]
	want := digest(1)
	for b.Loop() {
		if got := c.ask(b, choose.CrashCommand); got != crashed {
			b.Fatalf("crash: got %q", got)
		}
		if got := c.ask(b, work(1)); got != want {
			b.Fatalf("%s: got %q", work(1), got)
		}
	}
}
