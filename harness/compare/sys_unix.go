//go:build unix

package compare

import "syscall"

// supported returns nil: this system can run every reference server.
func supported() error { return nil }

// killGroup kills the process group led by pid: a server and its workers.
func killGroup(pid int) { _ = syscall.Kill(-pid, syscall.SIGKILL) }
