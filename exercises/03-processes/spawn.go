package processes

import (
	"net"
	"os/exec"
)

// startWorker starts a worker process that serves conn: a copy of this
// program (os.Executable), with conn as its file descriptor 3, this
// process's environment plus WorkerEnv=1, and this process's stdout and
// stderr. workerAttr says what else the kernel should know about it.
//
// The caller still owns conn: it closes it once startWorker returns (the
// worker has its own copy), and it must Wait for the returned command.
func startWorker(conn net.Conn) (*exec.Cmd, error) {
	// TODO(1): get an *os.File for the connection with
	// conn.(*net.TCPConn).File() (a duplicate of its fd), and close that
	// file once the worker has started. Prepare exec.Command with the path
	// of this program (os.Executable()); give it os.Environ() plus
	// WorkerEnv+"=1", the file in ExtraFiles (ExtraFiles[0] becomes fd 3
	// in the worker), os.Stdout and os.Stderr, and SysProcAttr
	// workerAttr(). Start it (Start, not Run: the server must not wait
	// here) and return it.
	return nil, notImplemented(1)
}
