//go:build unix && !linux

package compare

import (
	"os"
	"syscall"
)

// selfPath is this program, to re-run as a server or worker.
func selfPath() string {
	exe, err := os.Executable()
	if err != nil {
		return os.Args[0]
	}
	return exe
}

// serverAttr puts a reference server in a process group of its own (its
// workers join it). There is no parent-death signal here: the measuring
// program kills every group it started, also on Ctrl-C.
func serverAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// workerAttr leaves a worker in its server's process group.
func workerAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }
