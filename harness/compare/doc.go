// Package compare measures, side by side, four ways for a TCP server to serve
// many clients, and writes what it measured as a table and an SVG chart. It
// is what `make compare` runs (go run ./harness/cmd/compare), and the evidence
// behind exercise 06's answer to "which fits which job?".
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
//     inherited; a worker that dies is replaced (exercise 05).
//
// Every server runs in a child process of the measuring program (a re-run of
// its own binary, see WorkerMain), in a process group of its own, and is
// killed with everything it started once measured. Everything is measured
// from the outside, over loopback TCP: times by the client's clock, memory
// and CPU time from the operating system (package procs).
package compare
