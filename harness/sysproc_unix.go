//go:build unix && !linux

package harness

import "syscall"

// sysProcAttr puts a child in its own process group. Only Linux has a
// parent-death signal; elsewhere the child also stops when its stdin closes.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
