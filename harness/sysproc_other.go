//go:build !unix

package harness

import "syscall"

// sysProcAttr has nothing to add outside Unix. The
// process exercises need Linux or macOS; on Windows, use WSL.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{}
}
