package cpu

import (
	"fmt"
	"log"
	"net"
	"os"
	"os/exec"
)

// This file is GIVEN: you wrote this plumbing yourself in exercise 03. It
// starts a copy of the running program as a worker process that serves one
// connection, handed to it as file descriptor 3.

// workerEnv marks a process that startWorker started: WorkerMain sees it and
// serves the connection instead of starting a server.
const workerEnv = "THREADPROC_CPU_WORKER"

// WorkerMain turns this process into a worker if startWorker started it: it
// serves the connection it inherited as fd 3 with handle and Work, and exits.
// In any other process it returns at once. Call it first thing in main, before
// anything else runs (the specs call it from TestMain, through
// harness.Program.Init).
func WorkerMain() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	f := os.NewFile(3, "client")
	conn, err := net.FileConn(f) // a duplicate of fd 3
	_ = f.Close()
	if err != nil {
		log.Printf("worker %d: fd 3 is not a connection: %v", os.Getpid(), err)
		os.Exit(1)
	}
	if err := handle(conn, Work); err != nil {
		log.Printf("worker %d: client %s: %v", os.Getpid(), conn.RemoteAddr(), err)
	}
	os.Exit(0)
}

// startWorker starts a worker process that serves conn: a copy of this
// program, with conn as its fd 3, this process's environment plus env (such
// as "GOMAXPROCS=1"), and this process's stdout and stderr. On Linux the
// worker is killed if this process dies.
//
// The caller still owns conn: close it once startWorker returns (the worker
// has its own copy), and Wait for the returned command, or every worker that
// ends stays a zombie.
func startWorker(conn net.Conn, env ...string) (*exec.Cmd, error) {
	tcp, ok := conn.(*net.TCPConn)
	if !ok {
		return nil, fmt.Errorf("startWorker: %T is not a TCP connection", conn)
	}
	f, err := tcp.File() // a duplicate, to hand to the worker
	if err != nil {
		return nil, err
	}
	defer f.Close() // the worker has it once Start returns
	cmd := exec.Command(selfPath(), "cpu-worker")
	cmd.Env = append(append(os.Environ(), workerEnv+"=1"), env...)
	cmd.ExtraFiles = []*os.File{f} // becomes fd 3
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.SysProcAttr = workerAttr()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}
