//go:build !linux

package pools

import (
	"os"
	"syscall"
)

// This file is GIVEN.

// selfPath is the program to re-run as a worker.
func selfPath() string {
	exe, err := os.Executable()
	if err != nil {
		return os.Args[0]
	}
	return exe
}

// workerAttr: only Linux has a parent-death signal; elsewhere the workers of
// a supervisor that is killed go on until something kills them (the specs
// kill them when they end). On Windows, starting a worker fails: a process
// cannot be handed a socket as an extra file there. Use WSL.
func workerAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }
