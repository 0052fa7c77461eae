package pools

import "syscall"

// This file is GIVEN.

// selfPath is the program to re-run as a worker. /proc/self/exe still works
// when the program's file was replaced or deleted since it started (as
// `go run` and `go test` do with their temporary binaries).
func selfPath() string { return "/proc/self/exe" }

// workerAttr asks the kernel to kill a worker with SIGKILL when its parent,
// the supervisor, dies, however it dies. A worker stays in the supervisor's
// process group, so that a signal to the group (Ctrl-C in a terminal, or
// the specs' cleanup) reaches the workers too.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
