package pools

import (
	"fmt"
	"log"
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
	for range workers {
		s.start()
	}
	for {
		select {
		case cmd := <-s.exited:
			delete(s.running, cmd)
			s.replace(cmd)
		case <-closed:
			return s.shutdown()
		}
	}
}

// start starts one worker, records it as running, and reaps it in a
// goroutine of its own.
func (s *supervisor) start() {
	cmd, err := startWorker(s.listener)
	if err != nil {
		log.Printf("supervisor: cannot start a worker: %v", err)
		return
	}
	s.running[cmd] = struct{}{}
	go func() {
		_ = cmd.Wait() // reaps the worker; ProcessState says how it ended
		s.exited <- cmd
	}()
}

// replace runs in the supervisor's loop when a worker has ended on its own,
// not at shutdown: it crashed, or something killed it. It starts another
// worker in its place, so that workers keep serving.
func (s *supervisor) replace(cmd *exec.Cmd) {
	log.Printf("supervisor: worker %d ended (%v); starting another", cmd.Process.Pid, cmd.ProcessState)
	s.start()
}

// shutdown runs once ln is closed: it ends every worker still running, and
// returns nil once each one has been reaped, so that no worker outlives
// ServePrefork.
func (s *supervisor) shutdown() error {
	for cmd := range s.running {
		_ = cmd.Process.Kill()
	}
	for range len(s.running) {
		<-s.exited
	}
	return nil
}
