//go:build !linux

package cpu

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

// workerAttr: only Linux can have a worker killed when its server dies; the
// specs kill every worker when they end.
func workerAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }
