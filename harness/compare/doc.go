// Package compare measures, side by side, four ways for a TCP server to serve
// many clients, and writes what it measured as tables, an SVG chart, and the
// figures the kit's READMEs quote (see figures.go). It is what `make compare`
// runs (go run ./harness/cmd/compare), and the evidence behind exercise 06's
// answer to "which fits which job?" and exercise 05's thundering herd.
//
// The four reference servers are small and self-contained (the exercises'
// solutions are not importable packages), and all speak the same protocol:
// a line is echoed, "exit" closes the connection, "work N" answers the
// SHA-256 of 32 zero bytes hashed N times over, and "crash" makes the code
// serving the connection panic.
//
//   - goroutines: a goroutine per connection (exercise 02);
//   - processes: a process per connection (exercise 03): the server re-runs
//     its own program with the connection as fd 3;
//   - goroutine pool: PoolSize goroutines, each serving one connection at a
//     time; the other connections wait in a queue (exercise 05);
//   - prefork pool: PoolSize worker processes started in advance, each
//     accepting and serving one connection at a time on the listener they
//     inherited, woken one at a time (EPOLLEXCLUSIVE, see Cure); a worker
//     that dies is replaced (exercise 05).
//
// When python3 is on the PATH, the two textbook Python servers of the
// learner's notes (python/threads.py, a thread per connection, and
// python/processes.py, a multiprocessing.Process per connection) are
// measured the same way. The herd sweep measures prefork pools of HerdKs
// workers waiting for clients in each of the ways of Cures.
//
// Every server runs in a child process of the measuring program (a re-run of
// its own binary, see WorkerMain; the Python servers replace that process
// with python3), in a process group of its own, and is killed with
// everything it started once measured. Everything is measured from the
// outside, over loopback TCP: times by the client's clock, memory, CPU time
// and context switches from the operating system (package procs).
package compare
