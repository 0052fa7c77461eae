package pools_test

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"time"

	"github.com/threadproc/threadproc/exercises/05-pools"
)

// serveOneWorker is the spec's own server for task 3, so that your worker
// can be tried before your supervisor exists: it starts one copy of the
// test binary as a worker, with WorkerEnv=1 and the listening socket as fd
// 3, exactly as startWorker does, and never accepts a client itself. Once
// its listener is closed it kills the worker, reaps it, and returns nil. If
// the worker ends on its own before that, it returns an error that says so:
// a worker serves client after client for as long as the server runs.
func serveOneWorker(ln net.Listener) error {
	tcp := ln.(*net.TCPListener)
	file, err := tcp.File()
	if err != nil {
		return err
	}
	cmd := exec.Command(testBinary(), "pool-worker")
	cmd.Env = append(os.Environ(), pools.WorkerEnv+"=1")
	cmd.ExtraFiles = []*os.File{file}
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err = cmd.Start()
	_ = file.Close()
	if err != nil {
		return err
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	closed := whenClosed(tcp)
	select {
	case err := <-ended: // the harness then ends this process, and the spec says why
		return errors.New(tell("05.one-worker.ended", cmd.Process.Pid, describeExit(err)))
	case <-closed:
		_ = cmd.Process.Kill()
		<-ended
		return nil
	}
}

// whenClosed returns a channel that is closed once ln is closed: this
// server never calls Accept, so it looks every closedPoll, as your
// supervisor's listenerClosed does.
func whenClosed(ln *net.TCPListener) <-chan struct{} {
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		raw, err := ln.SyscallConn()
		if err != nil {
			return
		}
		tick := time.NewTicker(closedPoll)
		defer tick.Stop()
		for range tick.C {
			if raw.Control(func(uintptr) {}) != nil { // fails once ln is closed
				return
			}
		}
	}()
	return closed
}

// closedPoll is how often whenClosed looks at the listener.
const closedPoll = 20 * time.Millisecond

// describeExit says how a worker process ended.
func describeExit(err error) string {
	if err == nil {
		return "exit status 0"
	}
	return err.Error()
}

// testBinary is the program to start as a worker: this test binary.
func testBinary() string {
	if exe, err := os.Executable(); err == nil {
		return exe
	}
	return os.Args[0]
}
