//go:build !linux

package choose

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
// server stops its workers when Serve returns, and the specs kill every
// process they started when they end.
func workerAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }
