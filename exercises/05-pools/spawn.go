package pools

import (
	"os"
	"os/exec"
)

// This file is GIVEN: you wrote this plumbing yourself in exercise 03. The
// difference: a prefork worker is handed the listening socket, not one
// client's connection.

// startWorker starts a prefork worker process: a copy of this program, with
// listener (the listening socket, as a file) as its file descriptor 3, this
// process's environment plus WorkerEnv=1, and this process's stdout and
// stderr. On Linux the worker is killed if this process dies.
//
// The caller keeps listener (it hands the same file to every worker) and
// must Wait for the returned command: until then, a worker that has ended
// stays in the process table as a zombie.
func startWorker(listener *os.File) (*exec.Cmd, error) {
	cmd := exec.Command(selfPath(), "pool-worker")
	cmd.Env = append(os.Environ(), WorkerEnv+"=1")
	cmd.ExtraFiles = []*os.File{listener} // ExtraFiles[0] becomes fd 3
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.SysProcAttr = workerAttr()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}
