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
	// Probe is true for a bare clone: a process its parent started to be
	// waited for without a signal (exit_signal 0 in /proc/PID/stat; never on
	// other systems). The one a server meets is the child that Go's os
	// package starts, and ends at once, the first time a program starts
	// another, to check that the kernel supports pidfds (syscall's
	// checkClonePidfd). It runs nothing and lives for microseconds, so
	// Children and Descendants leave it out: a server starting its first
	// worker would seem to start two.
	Probe bool
}

// Zombie reports whether the process has exited but has not been reaped
// (waited for) by its parent yet.
func (i Info) Zombie() bool { return i.State == 'Z' }
