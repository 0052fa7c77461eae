package choose

import (
	"errors"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: the worker's side. It is exercise 03's worker mode,
// with one difference: a worker's fd 3 is not a client's connection but a
// connection to the server, on which the server sends jobs, one line each,
// and the worker answers each with one line.

// workerEnv marks a process that startWorker started: WorkerMain sees it and
// runs jobs instead of starting a server.
const workerEnv = "THREADPROC_CHOOSE_WORKER"

// WorkerMain turns this process into a worker if startWorker started it: it
// runs the jobs the server sends on fd 3, one after another, until the
// server closes that connection, and exits. In any other process it returns
// at once. Call it first thing in main, before anything else runs (the specs
// call it from TestMain, through harness.Program.Init).
func WorkerMain() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	// Ctrl-C in a terminal interrupts every process of the foreground
	// group, the workers too. A worker's life is the server's business: the
	// server stops its workers when it shuts down, and tells the clients
	// whose jobs were cut short why.
	signal.Ignore(os.Interrupt)
	f := os.NewFile(3, "server")
	conn, err := net.FileConn(f) // a duplicate of fd 3
	_ = f.Close()
	if err != nil {
		log.Printf("worker %d: fd 3 is not a connection: %v", os.Getpid(), err)
		os.Exit(1)
	}
	if err := runJobs(conn); err != nil {
		log.Printf("worker %d: %v", os.Getpid(), err)
	}
	_ = conn.Close()
	os.Exit(0)
}

// runJobs answers every job that arrives on conn, until the server closes it.
// It does not close conn itself: a job that panics must not close it (a
// deferred Close would run before the panic is printed, and the server
// would stop the worker before it could say why it died). The kernel
// closes it when the process ends, however it ends.
func runJobs(conn net.Conn) error {
	jobs := lineproto.NewReader(conn)
	for {
		line, err := jobs.Next()
		if len(line) > 0 && err == nil {
			if _, werr := io.WriteString(conn, runJob(jobOf(line))); werr != nil {
				return werr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil // the server closed the connection: no more jobs
		}
		if err != nil {
			return err
		}
	}
}

// runJob runs one job and returns its answer, a line with its "\n". The job
// "crash" does not return: it panics, as a bug would, and the process dies.
func runJob(job string) string {
	if job == CrashCommand {
		panic(`crash: the job "crash" makes the process that runs it panic`)
	}
	arg, ok := strings.CutPrefix(job, WorkCommand+" ")
	if !ok {
		return "error: unknown job " + strconv.Quote(job) + "\n"
	}
	rounds, err := strconv.Atoi(arg)
	if err != nil {
		return "error: work needs a whole number of rounds, such as \"work 1000\"\n"
	}
	digest, err := Work(rounds)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	return digest + "\n"
}
