package processes

import "os/exec"

// server is what Serve shares with the goroutines that reap its workers.
type server struct {
	// TODO(4): add what shutdown needs: the set of workers not reaped yet
	// (map[*exec.Cmd]struct{}) with a sync.Mutex that guards it, and a
	// sync.WaitGroup that counts the workers not reaped yet.
}

// newServer returns a server with no worker yet.
func newServer() *server {
	// TODO(4): make the map of running workers here.
	return &server{}
}

// started takes charge of a worker that startWorker started: it records it
// as running, and reaps it when it ends, in a goroutine of its own.
func (s *server) started(cmd *exec.Cmd) {
	// TODO(4): record cmd in the set of running workers, and count it in
	// the WaitGroup, before the goroutine below starts.
	// TODO(3): start a goroutine that runs s.reap(cmd).
}

// reap waits for the worker to end, which removes it from the process
// table: until its parent waits for it, an ended process stays there as a
// zombie.
func (s *server) reap(cmd *exec.Cmd) {
	// TODO(3): wait for the worker with cmd.Wait(), and log the error it
	// returns (a worker that crashed ends with "exit status 2", one killed
	// at shutdown with "signal: killed"). Wait reaps the worker however it
	// ended, whatever the error.
	// TODO(4): then remove cmd from the set of running workers, and mark
	// it done in the WaitGroup, on every path: also when Wait returned an
	// error (a reaper that returns early leaves shutdown waiting for ever).
}

// shutdown runs once the listener is closed: it kills every worker still
// running, and returns nil once every worker has been reaped, so that no
// worker outlives Serve.
func (s *server) shutdown() error {
	// TODO(4): kill every worker in the set (cmd.Process.Kill()), wait
	// until every one has been reaped (the WaitGroup), and return nil.
	// Kill only sends the signal: a killed worker has not ended yet, and
	// until its reaper's Wait returns it is not reaped (Python's
	// terminate() without join()). Return only after the WaitGroup's Wait.
	return notImplemented(4)
}
