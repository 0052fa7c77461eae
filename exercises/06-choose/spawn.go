package choose

import (
	"fmt"
	"net"
	"os"
	"os/exec"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: you wrote this plumbing yourself in exercises 03 and
// 04. It starts a copy of the running program as a worker process, handing
// it one end of a new connection as its fd 3; the server keeps the other end.

// worker is one worker process, and the server's end of its connection.
type worker struct {
	cmd     *exec.Cmd
	conn    net.Conn          // jobs go out here, answers come back
	answers *lineproto.Reader // the worker's answers, line by line
}

// startWorker starts a worker process: a copy of this program with
// workerEnv=1 and GOMAXPROCS=1 in its environment (one job at a time needs
// one thread: parallelism comes from running several workers), one end of a
// new connection as its fd 3, and this process's stdout and stderr, so that
// its logs and its panics show where the server's do. On Linux the worker is
// killed if this process dies.
//
// The caller must stop the worker (see stop) once it is done with it, or
// once it has died, so that it does not stay a zombie.
func startWorker() (*worker, error) {
	ours, theirs, err := socketPair()
	if err != nil {
		return nil, err
	}
	defer theirs.Close() // the worker has its own copy once Start returns
	conn, err := net.FileConn(ours)
	_ = ours.Close() // FileConn made a duplicate
	if err != nil {
		return nil, fmt.Errorf("startWorker: %w", err)
	}
	cmd := exec.Command(selfPath(), "choose-worker")
	cmd.Env = append(os.Environ(), workerEnv+"=1", "GOMAXPROCS=1")
	cmd.ExtraFiles = []*os.File{theirs} // fd 3 in the worker
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.SysProcAttr = workerAttr()
	if err := cmd.Start(); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("startWorker: %w", err)
	}
	return &worker{cmd: cmd, conn: conn, answers: lineproto.NewReader(conn)}, nil
}

// stop kills the worker if it still runs, closes the server's end of its
// connection, and waits for it to end, which reaps it (no zombie is left).
// It returns how the worker ended, such as "exit status 2" for a worker that
// panicked, or "signal: killed". Call it once per worker.
func (w *worker) stop() string {
	_ = w.cmd.Process.Kill() // fails harmlessly when the worker has already died
	_ = w.conn.Close()
	err := w.cmd.Wait()
	if err == nil {
		return "exit status 0"
	}
	return err.Error()
}

// pid returns the worker's process ID, for logs.
func (w *worker) pid() int { return w.cmd.Process.Pid }
