package processes

import "syscall"

// workerAttr asks the kernel to kill a worker with SIGKILL when its parent,
// the server, dies, however it dies. A worker stays in the server's process
// group, so that a signal to the group (Ctrl-C in a terminal, or the specs'
// cleanup) reaches the workers too.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
