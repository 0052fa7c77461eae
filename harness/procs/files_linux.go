package procs

import "os"

// OpenFiles returns how many file descriptors pid has open, from
// /proc/PID/fd: a process whose count has reached its limit on open files
// (RLIMIT_NOFILE) cannot open another, and its Accept fails with "too many
// open files".
func OpenFiles(pid int) (int, error) {
	dir, err := os.Open(procPath(pid, "fd"))
	if err != nil {
		return 0, procErr(pid, err)
	}
	defer dir.Close()
	names, err := dir.Readdirnames(-1)
	if err != nil {
		return 0, procErr(pid, err)
	}
	return len(names), nil
}
