package processes

import (
	"fmt"
	"net"
	"os"
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
	tcp, ok := conn.(*net.TCPConn)
	if !ok {
		return nil, fmt.Errorf("startWorker: %T is not a TCP connection", conn)
	}
	f, err := tcp.File() // a duplicate of the socket's fd, to hand over
	if err != nil {
		return nil, err
	}
	defer f.Close() // once Start returns, the worker has its own copy
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "worker")
	cmd.Env = append(os.Environ(), WorkerEnv+"=1")
	cmd.ExtraFiles = []*os.File{f} // ExtraFiles[0] becomes fd 3 in the worker
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.SysProcAttr = workerAttr()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}
