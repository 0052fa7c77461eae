//go:build !linux

package processes

import "syscall"

// This file is GIVEN.

// workerAttr says how the kernel starts a worker. Only Linux has a
// parent-death signal (attr_linux.go, task 4): elsewhere a worker whose
// server is killed goes on serving its client until the client leaves. On
// Windows, starting a worker fails: a process cannot be handed a socket as
// an extra file there. Use WSL.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{}
}
