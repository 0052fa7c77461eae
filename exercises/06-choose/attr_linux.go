package choose

import "syscall"

// This file is GIVEN.

// selfPath is the program to re-run as a worker. /proc/self/exe still works
// when the program's file was replaced or deleted since it started (as
// `go run` and `go test` do with their temporary binaries).
func selfPath() string { return "/proc/self/exe" }

// workerAttr asks the kernel to kill a worker when its server dies, however
// it dies.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
