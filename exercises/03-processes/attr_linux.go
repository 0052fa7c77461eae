package processes

import "syscall"

// workerAttr says how the kernel starts a worker, and what happens to it
// when its parent, the server, dies.
func workerAttr() *syscall.SysProcAttr {
	// TODO(4): ask the kernel to kill the worker when the server dies,
	// however it dies (even by SIGKILL, which no program can catch):
	// Pdeathsig: syscall.SIGKILL. Leave the worker in the server's process
	// group (no Setpgid): Ctrl-C in a terminal sends SIGINT to the
	// terminal's foreground group, and a worker in a group of its own
	// would never get it.
	return &syscall.SysProcAttr{}
}
