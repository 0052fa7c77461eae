package pools

import (
	"fmt"
	"net"
	"os"
	"os/exec"
)

// supervisor is the prefork server's own process: it starts the workers,
// reaps them, replaces those that die, and ends them all at shutdown. Only
// the goroutine running ServePrefork's loop uses running; the goroutines
// that reap the workers talk to it through exited.
type supervisor struct {
	listener *os.File               // the listening socket, handed to every worker as fd 3
	exited   chan *exec.Cmd         // each reaper sends its worker here once the worker has ended
	running  map[*exec.Cmd]struct{} // the workers started and not reaped yet
}

// ServePrefork serves clients with workers worker processes that all accept
// on ln's listening socket, each serving one client at a time: at most
// workers clients are served at the same time, and the others wait in the
// kernel's listen backlog. The process running ServePrefork, the
// supervisor, accepts nothing: it starts the workers before any client
// connects, starts another whenever one dies, and, once ln is closed, ends
// every worker and returns nil after each one has been reaped.
func ServePrefork(ln net.Listener, workers int) error {
	tcp, ok := ln.(*net.TCPListener)
	if !ok {
		return fmt.Errorf("ServePrefork needs a TCP listener, not %T", ln)
	}
	listener, err := tcp.File() // a duplicate of the listening socket, for the workers
	if err != nil {
		return err
	}
	defer listener.Close()
	closed := listenerClosed(tcp) // GIVEN: closed once ln is closed
	s := &supervisor{listener: listener, exited: make(chan *exec.Cmd), running: make(map[*exec.Cmd]struct{})}
	// TODO(4): start the workers: call s.start() workers times. Then loop
	// for ever, waiting (select) for whichever comes first:
	//   - a worker has ended (cmd := <-s.exited): it has been reaped;
	//     delete it from s.running, then call s.replace(cmd) (TODO 5);
	//   - ln was closed (<-closed): return s.shutdown().
	_, _ = s, closed
	return notImplemented(4)
}

// start starts one worker, records it as running, and reaps it in a
// goroutine of its own.
func (s *supervisor) start() {
	// TODO(4): start a worker with startWorker(s.listener); if that fails,
	// log the error and return. Record cmd in s.running. Then start a
	// goroutine that waits for the worker to end (cmd.Wait(), which reaps
	// it), and then sends cmd to s.exited.
}

// replace runs in the supervisor's loop when a worker has ended on its own,
// not at shutdown: it crashed, or something killed it. It starts another
// worker in its place, so that workers keep serving.
func (s *supervisor) replace(cmd *exec.Cmd) {
	// TODO(5): log which worker ended and how (cmd.Process.Pid and
	// cmd.ProcessState), then start another one with s.start().
}

// shutdown runs once ln is closed: it ends every worker still running, and
// returns nil once each one has been reaped, so that no worker outlives
// ServePrefork.
func (s *supervisor) shutdown() error {
	// TODO(4): kill every worker in s.running (cmd.Process.Kill()). Then
	// receive from s.exited once for each worker in s.running: each value
	// received is a worker reaped. Return nil.
	return notImplemented(4)
}
