package procs

// Info identifies one process as the operating system sees it.
type Info struct {
	// PID is the process ID.
	PID int
	// PPID is the parent's process ID (1 or a subreaper once orphaned).
	PPID int
	// PGID is the process group ID.
	PGID int
	// State is the one-letter scheduler state as in /proc/PID/stat:
	// 'R' running, 'S' sleeping, 'D' disk wait, 'T' stopped, 'Z' zombie, ...
	State byte
	// Comm is the command name (at most 15 bytes on Linux). It may contain
	// spaces and parentheses.
	Comm string
}

// Zombie reports whether the process has exited but has not been reaped
// (waited for) by its parent yet.
func (i Info) Zombie() bool { return i.State == 'Z' }
