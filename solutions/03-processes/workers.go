package processes

import (
	"log"
	"os/exec"
	"sync"
)

// server is what Serve shares with the goroutines that reap its workers.
type server struct {
	reapers sync.WaitGroup         // one count per worker not reaped yet
	mu      sync.Mutex             // guards running
	running map[*exec.Cmd]struct{} // the workers not reaped yet
}

// newServer returns a server with no worker yet.
func newServer() *server {
	return &server{running: make(map[*exec.Cmd]struct{})}
}

// started takes charge of a worker that startWorker started: it records it
// as running, and reaps it when it ends, in a goroutine of its own.
func (s *server) started(cmd *exec.Cmd) {
	s.mu.Lock()
	s.running[cmd] = struct{}{}
	s.mu.Unlock()
	s.reapers.Add(1)
	go s.reap(cmd)
}

// reap waits for the worker to end, which removes it from the process
// table: until its parent waits for it, an ended process stays there as a
// zombie.
func (s *server) reap(cmd *exec.Cmd) {
	defer s.reapers.Done()
	if err := cmd.Wait(); err != nil {
		log.Printf("worker %d ended: %v", cmd.Process.Pid, err)
	}
	s.mu.Lock()
	delete(s.running, cmd)
	s.mu.Unlock()
}

// shutdown runs once the listener is closed: it kills every worker still
// running, and returns nil once every worker has been reaped, so that no
// worker outlives Serve.
func (s *server) shutdown() error {
	s.mu.Lock()
	for cmd := range s.running {
		_ = cmd.Process.Kill()
	}
	s.mu.Unlock()
	s.reapers.Wait()
	return nil
}
