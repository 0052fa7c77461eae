package choose_test

import (
	"testing"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness/bench"
	"github.com/threadproc/threadproc/harness/lineclient"
)

// The benchmarks run your Serve inside the benchmark's own process; its
// workers are copies of the test binary, which become workers in TestMain
// (harness.Main runs choose.WorkerMain first). Run them with
//
//	make bench EX=06        (the reference solution)
//	go test -run '^$' -bench . ./exercises/06-choose   (your code)
//
// The comparison of the four designs is `make compare`.

// dialBench connects a client to a new server running Serve in this
// process; both are closed when the benchmark ends.
func dialBench(b *testing.B) *lineclient.Client {
	b.Helper()
	c, err := lineclient.Dial(bench.InProcess(b, 0, choose.Serve))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close() })
	return c
}

// ask sends a line and returns the reply, without their "\n".
func ask(b *testing.B, c *lineclient.Client, line string) string {
	b.Helper()
	reply, err := c.Ask(line)
	if err != nil {
		b.Fatal(err)
	}
	return reply
}

// BenchmarkEcho measures one echo: it never leaves the server's process.
func BenchmarkEcho(b *testing.B) {
	c := dialBench(b)
	for b.Loop() {
		if got := ask(b, c, "ping"); got != "ping" {
			b.Fatalf("got %q", got)
		}
	}
}

// BenchmarkSmallJob measures a job of one round: the round trip through a
// worker process (the server writes the job to the worker and reads its
// answer), with the worker already running.
func BenchmarkSmallJob(b *testing.B) {
	c := dialBench(b)
	want := digest(1)
	ask(b, c, work(1)) // the worker starts
	for b.Loop() {
		if got := ask(b, c, work(1)); got != want {
			b.Fatalf("got %q", got)
		}
	}
}

// BenchmarkCrashAndNextJob measures what a crash costs: the crashed worker
// is reaped, and the next job starts a new worker process. Every crash
// prints the worker's panic, as it should.
func BenchmarkCrashAndNextJob(b *testing.B) {
	c := dialBench(b)
	crashed := choose.CrashedReply[:len(choose.CrashedReply)-1]
	want := digest(1)
	for b.Loop() {
		if got := ask(b, c, choose.CrashCommand); got != crashed {
			b.Fatalf("crash: got %q", got)
		}
		if got := ask(b, c, work(1)); got != want {
			b.Fatalf("%s: got %q", work(1), got)
		}
	}
}
