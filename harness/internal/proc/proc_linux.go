package proc

import "syscall"

func init() {
	parentDeath = func(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
	selfPath = "/proc/self/exe"
}
