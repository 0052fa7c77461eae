package compare

import "syscall"

// selfPath is this program, to re-run as a server or worker; /proc/self/exe
// works even when `go run` has deleted its temporary binary.
func selfPath() string { return "/proc/self/exe" }

// serverAttr puts a reference server in a process group of its own (its
// workers join it), and has the kernel kill it if the measuring program
// dies.
func serverAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// workerAttr has the kernel kill a worker if its server dies.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
