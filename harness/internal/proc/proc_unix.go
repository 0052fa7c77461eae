//go:build unix

package proc

import (
	"strconv"
	"syscall"
)

// parentDeath, where the system has one, has the kernel kill a child when
// the process that started it dies (set on Linux).
var parentDeath func(*syscall.SysProcAttr)

// sysProcAttr puts a child at the head of a process group of its own unless
// it is to stay in this one, and asks for a parent-death signal.
func sysProcAttr(sameGroup bool) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: !sameGroup}
	if parentDeath != nil {
		parentDeath(a)
	}
	return a
}

// killGroup sends SIGKILL to the process group led by pid.
func killGroup(pid int) { _ = syscall.Kill(-pid, syscall.SIGKILL) }

// withFileLimit runs the program through the shell's ulimit, which lowers the
// soft and the hard limit on open files between the fork and the exec of
// the program: nothing of the program runs before the limit is in place, and
// the PID, process group and parent-death signal stay those of the program
// (exec keeps them). Lowering the hard limit matters for Go programs, which
// raise their soft limit to the hard one as they start.
func withFileLimit(path string, args []string, n int) (string, []string) {
	return "/bin/sh", append([]string{"-c", `ulimit -n "$0" && exec "$@"`, strconv.Itoa(n), path}, args...)
}

// supports reports whether this system can start a process as o asks: every
// Unix can.
func supports(Options) error { return nil }

// Supported reports whether this system can start processes in groups of
// their own and hand them files: nil on Unix.
func Supported() error { return nil }
