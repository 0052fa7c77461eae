package harness

import "syscall"

// sysProcAttr puts a child in its own process group, and asks the kernel to
// kill it if the test process dies (Linux only).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
