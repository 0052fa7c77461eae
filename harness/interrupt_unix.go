//go:build unix

package harness

import "syscall"

// interruptGroup sends SIGINT to the process group led by pid.
func interruptGroup(pid int) error { return syscall.Kill(-pid, syscall.SIGINT) }
