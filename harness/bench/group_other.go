//go:build !unix

package bench

import "syscall"

// groupAttr is nil: this system has no process groups.
func groupAttr() *syscall.SysProcAttr { return nil }

// killGroup does nothing: this system has no process groups (the server
// itself is killed by [Program.stop]).
func killGroup(int) {}
